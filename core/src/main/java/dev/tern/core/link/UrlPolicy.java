package dev.tern.core.link;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What long URLs Tern accepts.
 *
 * @param extraSchemes   schemes accepted besides http and https (lower-case, without ':')
 * @param maxLength      the longest accepted URL in bytes of its ASCII ({@code Location}) form
 * @param ownHosts       host names of this Tern site (lower-case); a URL on one of them whose path could
 *                       be a short code is refused so that no link can redirect to another link
 */
public record UrlPolicy(Set<String> extraSchemes, int maxLength, Set<String> ownHosts) {
    /** 8 KiB: what a redirect's {@code Location} header can carry through API Gateway, CDNs and proxies. */
    public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

    /**
     * Schemes YOURLS serves that are safe to redirect to (no {@code file:}). Iterates in this
     * declared order, which is the order {@code docs/CONFIGURATION.md} shows.
     */
    public static final Set<String> DEFAULT_EXTRA_SCHEMES = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(
            "ftp", "ftps", "sftp", "ssh", "mailto", "tel", "sms", "magnet", "irc", "ircs", "news", "nntp",
            "gopher", "spotify", "bitcoin", "geo", "xmpp", "steam", "git", "svn", "webcal", "feed", "rtsp", "mms")));

    /** Schemes that can run code or read local files in the visitor's browser: never accepted. */
    public static final Set<String> ALWAYS_REFUSED_SCHEMES = Set.of(
            "javascript", "data", "vbscript", "file", "about", "blob", "view-source", "jar", "chrome");

    private static final Pattern SCHEME_NAME = Pattern.compile("^[a-z][a-z0-9+.\\-]*$");

    public UrlPolicy {
        Objects.requireNonNull(extraSchemes, "extraSchemes");
        Objects.requireNonNull(ownHosts, "ownHosts");
        if (maxLength < 64) {
            throw new IllegalArgumentException("maximum URL length must be at least 64 bytes, got " + maxLength);
        }
        Set<String> schemes = new TreeSet<>();
        for (String scheme : extraSchemes) {
            String lower = scheme.strip().toLowerCase(Locale.ROOT);
            if (lower.endsWith(":")) {
                lower = lower.substring(0, lower.length() - 1);
            }
            if (ALWAYS_REFUSED_SCHEMES.contains(lower)) {
                throw new IllegalArgumentException("the scheme '" + lower + ":' can never be allowed");
            }
            if (!SCHEME_NAME.matcher(lower).matches()) {
                throw new IllegalArgumentException("'" + scheme + "' is not a scheme name (letters, digits, '+', '-', '.')");
            }
            schemes.add(lower);
        }
        extraSchemes = Set.copyOf(schemes);
        Set<String> hosts = new TreeSet<>();
        for (String host : ownHosts) {
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        ownHosts = Set.copyOf(hosts);
    }

    public static UrlPolicy defaults(Set<String> ownHosts) {
        return new UrlPolicy(DEFAULT_EXTRA_SCHEMES, DEFAULT_MAX_LENGTH, ownHosts);
    }

    public boolean allowsScheme(String lowerCaseScheme) {
        return "http".equals(lowerCaseScheme) || "https".equals(lowerCaseScheme) || extraSchemes.contains(lowerCaseScheme);
    }
}
