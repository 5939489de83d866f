package dev.tern.core.link;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a redirect is answered: the HTTP status, how long browsers and caches may keep it, and whether
 * the visitor's query string is passed on to the destination. A deployment has a default; a link may
 * carry its own.
 *
 * @param status       301, 302, 307 or 308
 * @param cacheFor     the {@code Cache-Control} max-age; zero means "do not cache"
 * @param forwardQuery whether {@code /code?x=1} redirects to {@code target?x=1}
 */
public record RedirectPolicy(int status, Duration cacheFor, boolean forwardQuery) {
    public static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 307, 308);
    /** An edited link takes effect within five minutes, unlike YOURLS's uncacheable-forever 301. */
    public static final Duration DEFAULT_CACHE_FOR = Duration.ofMinutes(5);
    public static final Duration MAX_CACHE_FOR = Duration.ofDays(365);

    public RedirectPolicy {
        Objects.requireNonNull(cacheFor, "cacheFor");
        if (!REDIRECT_STATUSES.contains(status)) {
            throw new IllegalArgumentException("redirect status must be one of 301, 302, 307, 308; got " + status);
        }
        if (cacheFor.isNegative() || cacheFor.compareTo(MAX_CACHE_FOR) > 0) {
            throw new IllegalArgumentException("redirect cache lifetime must be between 0 and 365 days; got " + cacheFor);
        }
    }

    /** 301, cached for five minutes, query string not forwarded. */
    public static RedirectPolicy defaults() {
        return new RedirectPolicy(301, DEFAULT_CACHE_FOR, false);
    }

    /** The {@code Cache-Control} header value for a redirect under this policy. */
    public String cacheControl() {
        long seconds = cacheFor.toSeconds();
        return seconds == 0 ? "no-store" : "public, max-age=" + seconds;
    }
}
