package dev.tern.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: up to {@code burst} requests at once, refilled at {@code perPeriod} requests per
 * {@code period}.
 *
 * @param burst     the bucket's capacity (at least 1)
 * @param perPeriod tokens added per period (at least 1)
 * @param period    the refill period
 */
public record RateLimit(int burst, int perPeriod, Duration period) {
    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (burst < 1 || perPeriod < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive burst, rate and period");
        }
    }

    /** How long one token takes to come back. */
    public Duration refillInterval() {
        return period.dividedBy(perPeriod);
    }
}
