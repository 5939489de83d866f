package dev.tern.migration;

import dev.tern.core.error.TernException;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import dev.tern.migration.source.ExpiryRow;
import dev.tern.migration.source.UrlRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@code yourls_url} row into a Tern link without losing or silently changing anything:
 * keyword, long URL and title exactly as stored; the creation time as stored (UTC); rows Tern will
 * not serve (a {@code file:} target, a bare word, a target over the length limit, a keyword that
 * Tern's own routes shadow) become disabled links with the reason noted. Only a keyword that cannot
 * be a Tern code at all is not carried (noted too).
 */
public final class LinkMapper {
    /** How YOURLS stores timestamps (read in UTC). */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final UrlPolicy urlPolicy;
    private final CodePolicy codePolicy;
    private final IpMode ipMode;
    private final byte[] ipHashKey;
    private final PluginSettings plugins;

    /**
     * @param urlPolicy  the deployment's URL policy: what Tern serves
     * @param codePolicy the deployment's reserved codes
     * @param ipMode     what becomes of the creator address
     * @param ipHashKey  the key of the address hash ({@link IpMode#HASH}); the same key gives the same creators
     * @param plugins    per-link settings that follow from the site's plugins
     */
    public LinkMapper(UrlPolicy urlPolicy, CodePolicy codePolicy, IpMode ipMode, byte[] ipHashKey, PluginSettings plugins) {
        this.urlPolicy = Objects.requireNonNull(urlPolicy, "urlPolicy");
        this.codePolicy = Objects.requireNonNull(codePolicy, "codePolicy");
        this.ipMode = Objects.requireNonNull(ipMode, "ipMode");
        this.ipHashKey = ipHashKey.clone();
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        if (ipMode == IpMode.HASH && ipHashKey.length == 0) {
            throw new IllegalArgumentException("hashing creator addresses needs a key");
        }
    }

    /** The link for {@code row}, with the Expiry plugin's row for it if there is one. */
    public MappedRow map(UrlRow row, ExpiryRow expiry) {
        List<String> notes = new ArrayList<>();
        if (!ShortCode.isValid(row.keyword())) {
            notes.add("the keyword \"" + row.keyword() + "\" cannot be a Tern short code (1-100 of A-Z a-z 0-9 _ -)");
            return new MappedRow(row, null, notes);
        }
        ShortCode code = new ShortCode(row.keyword());
        LinkStatus status = LinkStatus.ACTIVE;
        if (codePolicy.isReserved(row.keyword())) {
            status = LinkStatus.DISABLED;
            notes.add("disabled: \"" + row.keyword() + "\" is one of Tern's own paths, so the link could not be reached");
        }
        try {
            LongUrl.parse(row.url(), urlPolicy);
        } catch (TernException refused) {
            status = LinkStatus.DISABLED;
            notes.add("disabled: Tern will not redirect to this target: " + refused.getMessage());
        }
        Instant createdAt = createdAt(row, notes);
        Instant expiresAt = null;
        if (expiry != null) {
            expiresAt = plugins.expiry(expiry, notes);
        }
        RedirectPolicy policy = plugins.redirectPolicy();
        Link link = new Link(code, LongUrl.fromStored(row.url()), row.title() == null ? "" : row.title(), createdAt,
                creator(row.ip()), status, expiresAt, policy, null, null);
        return new MappedRow(row, link, notes);
    }

    /** The creation time YOURLS recorded; an unreadable one (MySQL's zero date) becomes the epoch, noted. */
    static Instant createdAt(UrlRow row, List<String> notes) {
        try {
            return LocalDateTime.parse(row.timestamp(), TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            notes.add("changed: the creation time \"" + row.timestamp() + "\" is not a date; carried as 1970-01-01 00:00:00");
            return Instant.EPOCH;
        }
    }

    private Creator creator(String ip) {
        if (ipMode == IpMode.DROP || ip.isBlank()) {
            return new Creator("yourls");
        }
        if (ipMode == IpMode.KEEP) {
            return new Creator("yourls:" + ip.strip());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ipHashKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(ip.strip().getBytes(StandardCharsets.UTF_8));
            return new Creator("yourls:" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * Whether a link already stored in Tern is the one this migration would write: the same code,
     * target, title, creation time, status, expiry and redirect policy. The creator is not compared
     * (its hash key may differ between runs).
     */
    public static boolean sameContent(Link stored, Link migrated) {
        return stored.code().equals(migrated.code())
                && stored.target().value().equals(migrated.target().value())
                && stored.title().equals(migrated.title())
                && stored.createdAt().equals(migrated.createdAt())
                && stored.status() == migrated.status()
                && Objects.equals(stored.expiresAt(), migrated.expiresAt())
                && Objects.equals(stored.redirectPolicy(), migrated.redirectPolicy());
    }
}
