package dev.tern.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a {@link RateLimiter}.
 *
 * @param allowed    whether the request may go ahead (a token was taken)
 * @param remaining  tokens left after this request
 * @param retryAfter when refused: how long until a token is back; zero when allowed
 */
public record RateDecision(boolean allowed, int remaining, Duration retryAfter) {
    public RateDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static RateDecision allow(int remaining) {
        return new RateDecision(true, remaining, Duration.ZERO);
    }

    public static RateDecision refuse(Duration retryAfter) {
        return new RateDecision(false, 0, retryAfter);
    }
}
