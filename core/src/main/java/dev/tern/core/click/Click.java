package dev.tern.core.click;

import dev.tern.core.link.ShortCode;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One counted visit of a short link. Holds nothing personal: no address, no full referrer, no
 * User-Agent string.
 *
 * @param code         the link's code
 * @param at           when the redirect was served
 * @param referrerHost the lower-case host of the Referer, or {@value #DIRECT} without one
 * @param country      an ISO 3166 alpha-2 code from a trusted header, or empty
 * @param visitor      the visitor's class
 */
public record Click(ShortCode code, Instant at, String referrerHost, String country, VisitorClass visitor) {
    public static final String DIRECT = "direct";
    /** Referrer hosts are cut to this many characters (DNS names are at most 253). */
    public static final int MAX_REFERRER_HOST = 253;
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern HOST_CHARS = Pattern.compile("^[a-z0-9.\\-\\[\\]:]+$");

    public Click {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(referrerHost, "referrerHost");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(visitor, "visitor");
    }

    /**
     * Builds a click from raw request facts, reducing them to what is counted.
     *
     * @param refererHeader the Referer header, or {@code null}
     * @param countryHeader the trusted country header, or {@code null}
     * @param userAgent     the User-Agent header, or {@code null}
     */
    public static Click of(ShortCode code, Instant at, String refererHeader, String countryHeader, String userAgent) {
        return new Click(code, at, referrerHostOf(refererHeader), countryOf(countryHeader), VisitorClass.fromUserAgent(userAgent));
    }

    /** The host of a Referer header value: lower-case, or {@value #DIRECT} when absent, or "unknown" when unreadable. */
    public static String referrerHostOf(String referer) {
        if (referer == null || referer.isBlank()) {
            return DIRECT;
        }
        try {
            String host = URI.create(referer.strip()).getHost();
            if (host == null) {
                return "unknown";
            }
            String lower = host.toLowerCase(Locale.ROOT);
            if (lower.length() > MAX_REFERRER_HOST || !HOST_CHARS.matcher(lower).matches()) {
                return "unknown";
            }
            return lower;
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    /** An ISO country code if the header holds exactly one, else empty. */
    public static String countryOf(String header) {
        if (header == null) {
            return "";
        }
        String trimmed = header.strip();
        return COUNTRY.matcher(trimmed).matches() ? trimmed : "";
    }
}
