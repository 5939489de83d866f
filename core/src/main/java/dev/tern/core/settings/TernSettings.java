package dev.tern.core.settings;

import dev.tern.core.link.CodeAlphabet;
import dev.tern.core.link.CodeGenerator;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain's settings, read once per container from the environment.
 *
 * @param publicBaseUrl   the site's address, without a trailing slash
 * @param codeAlphabet    alphabet of generated codes
 * @param codeLength      length of generated codes
 * @param codePolicy      which custom codes are refused
 * @param urlPolicy       which long URLs are accepted
 * @param redirectPolicy  the deployment's default redirect policy
 * @param unknownCode     what an unknown code answers
 * @param countryHeader   the trusted country header (lower-case), or empty
 * @param region          the region name clicks are counted under
 * @param restoreWindow   how long after its deletion a link can be restored
 * @param linkCache       the redirect path's per-container link cache
 */
public record TernSettings(
        URI publicBaseUrl,
        CodeAlphabet codeAlphabet,
        int codeLength,
        CodePolicy codePolicy,
        UrlPolicy urlPolicy,
        RedirectPolicy redirectPolicy,
        UnknownCodeAction unknownCode,
        String countryHeader,
        String region,
        Duration restoreWindow,
        LinkCache linkCache) {

    /**
     * The redirect path's per-container link cache ({@code dev.tern.core.link.CachedLinkStore}).
     *
     * @param entries     links kept at most; 0 for no cache
     * @param maxLifetime the longest a link is kept, whatever its own cache lifetime
     */
    public record LinkCache(int entries, Duration maxLifetime) {
        public LinkCache {
            if (entries < 0) {
                throw new IllegalArgumentException("link cache entries cannot be negative: " + entries);
            }
            Objects.requireNonNull(maxLifetime, "maxLifetime");
        }

        public boolean enabled() {
            return entries > 0 && !maxLifetime.isZero();
        }
    }

    /** A host name (possibly IDN), without scheme, port, path or user. */
    private static final Pattern OWN_HOST = Pattern.compile("^[\\p{L}\\p{N}\\p{M}.\\-]{1,253}$");
    /** Reserved words may hold a dot ({@code robots.txt}) although codes cannot. */
    private static final Pattern RESERVED_WORD = Pattern.compile("^[0-9A-Za-z._\\-]{1,100}$");

    public TernSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(countryHeader, "countryHeader");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(restoreWindow, "restoreWindow");
        Objects.requireNonNull(linkCache, "linkCache");
    }

    /** What an unknown short code answers. */
    public enum UnknownCodeAction {
        /** A small 404 page. */
        NOT_FOUND,
        /** A 302 to the site's home page, as YOURLS does. */
        REDIRECT_HOME
    }

    /** Reads every setting, failing on the first unusable one with a message naming its variable. */
    public static TernSettings fromEnv(Map<String, String> env) {
        SettingsReader read = new SettingsReader(env);
        URI base = read.httpUri(Setting.PUBLIC_BASE_URL);
        String baseText = base.toString();
        while (baseText.endsWith("/")) {
            baseText = baseText.substring(0, baseText.length() - 1);
        }
        URI publicBase = URI.create(baseText);
        Set<String> ownHosts = new HashSet<>();
        for (String host : read.list(Setting.EXTRA_OWN_HOSTS)) {
            if (!OWN_HOST.matcher(host).matches()) {
                throw new SettingsException(Setting.EXTRA_OWN_HOSTS, host, "host names only, without scheme, port or path");
            }
            ownHosts.add(host.toLowerCase(Locale.ROOT));
        }
        ownHosts.add(publicBase.getHost().toLowerCase(Locale.ROOT));
        CodeAlphabet alphabet;
        try {
            alphabet = CodeAlphabet.fromSetting(read.string(Setting.CODE_ALPHABET));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Setting.CODE_ALPHABET, read.string(Setting.CODE_ALPHABET), "base62 or base36");
        }
        int codeLength = read.integer(Setting.CODE_LENGTH, 4, 32);
        Set<String> extraReserved = read.list(Setting.EXTRA_RESERVED_CODES);
        for (String word : extraReserved) {
            if (!RESERVED_WORD.matcher(word).matches()) {
                throw new SettingsException(Setting.EXTRA_RESERVED_CODES, word, "words of 1-100 characters of [0-9A-Za-z._-]");
            }
        }
        Set<String> schemes = read.list(Setting.URL_SCHEMES);
        UrlPolicy urlPolicy;
        try {
            urlPolicy = new UrlPolicy(schemes, read.integer(Setting.MAX_URL_LENGTH, 64, 64 * 1024), ownHosts);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Setting.URL_SCHEMES, read.string(Setting.URL_SCHEMES), e.getMessage());
        }
        String statusText = read.string(Setting.REDIRECT_STATUS);
        int status = switch (statusText) {
            case "301", "302", "307", "308" -> Integer.parseInt(statusText);
            default -> throw new SettingsException(Setting.REDIRECT_STATUS, statusText, "301, 302, 307 or 308");
        };
        int cacheSeconds = read.integer(Setting.REDIRECT_CACHE_SECONDS, 0, (int) RedirectPolicy.MAX_CACHE_FOR.toSeconds());
        RedirectPolicy redirect = new RedirectPolicy(status, Duration.ofSeconds(cacheSeconds), read.bool(Setting.FORWARD_QUERY));
        UnknownCodeAction unknown = read.choice(Setting.UNKNOWN_CODE,
                Map.of("not-found", UnknownCodeAction.NOT_FOUND, "redirect-home", UnknownCodeAction.REDIRECT_HOME));
        String region = read.string(Setting.REGION);
        if (region.isEmpty()) {
            region = read.other("AWS_REGION", "local");
        }
        return new TernSettings(publicBase, alphabet, codeLength, CodePolicy.withExtraReserved(extraReserved), urlPolicy,
                redirect, unknown, read.string(Setting.COUNTRY_HEADER).toLowerCase(Locale.ROOT), region,
                Duration.ofDays(read.integer(Setting.RESTORE_DAYS, 0, 3650)),
                new LinkCache(read.integer(Setting.LINK_CACHE_ENTRIES, 0, 10_000_000),
                        Duration.ofSeconds(read.integer(Setting.LINK_CACHE_SECONDS, 0, (int) RedirectPolicy.MAX_CACHE_FOR.toSeconds()))));
    }

    /** A generator for this deployment's codes (its randomness is created on first use). */
    public CodeGenerator newCodeGenerator() {
        return new CodeGenerator(codeAlphabet, codeLength);
    }

    /** The short URL of a code, e.g. {@code https://tern.example/abc}. */
    public String shortUrl(ShortCode code) {
        return publicBaseUrl + "/" + code.value();
    }
}
