package dev.tern.core.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The token-bucket arithmetic every {@link RateLimiter} shares, so the DynamoDB limiter and its
 * in-memory fake cannot drift apart. A bucket is kept as the instant it is full again
 * ({@code fullAt}) and the time one token takes ({@code interval}), both in whole microseconds:
 * taking a token moves {@code fullAt} one interval later; an absent bucket is a full one.
 */
public final class TokenBuckets {
    /** The longest key, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;
    /** The slowest supported bucket: one whose empty state takes a century to fill. */
    public static final Duration LONGEST_FILL = Duration.ofDays(36_525);
    private static final long LONGEST_FILL_MICROS = micros(Instant.EPOCH.plus(LONGEST_FILL));

    private TokenBuckets() {
    }

    /**
     * A limit in microseconds.
     *
     * @param burst    the bucket's capacity in tokens
     * @param interval the time one token takes, rounded up to a whole microsecond (so at most a
     *                 million tokens a second)
     * @param capacity the time an empty bucket takes to fill: {@code burst × interval}
     */
    public record Rate(int burst, long interval, long capacity) {
        /**
         * @throws IllegalArgumentException if the bucket would take more than {@link #LONGEST_FILL} to fill
         */
        public static Rate of(RateLimit limit) {
            Duration refill = limit.refillInterval();
            if (refill.compareTo(LONGEST_FILL) > 0) {
                throw tooSlow(limit);
            }
            long interval = Math.max(1, micros(Instant.EPOCH.plus(refill)) + (refill.getNano() % 1_000 == 0 ? 0 : 1));
            if (limit.burst() > LONGEST_FILL_MICROS / interval) {
                throw tooSlow(limit);
            }
            return new Rate(limit.burst(), interval, limit.burst() * interval);
        }

        /** Whether a bucket lacking {@code debt} still holds a whole token. */
        public boolean hasTokenAt(long debt) {
            return debt <= capacity - interval;
        }

        /** How long a bucket lacking {@code debt} makes a refused caller wait. */
        public Duration waitFor(long debt) {
            return Duration.of(debt - (capacity - interval), ChronoUnit.MICROS);
        }

        /** Tokens left in a bucket that lacks {@code debt} after a token was taken. */
        public int remainingAfter(long debt) {
            return (int) ((capacity - debt) / interval);
        }

        private static IllegalArgumentException tooSlow(RateLimit limit) {
            return new IllegalArgumentException(
                    "a rate limit whose bucket takes more than 100 years to fill is not supported: " + limit);
        }
    }

    /** A stored bucket: full again at {@code fullAt} (epoch µs), one token every {@code interval} µs. */
    public record Bucket(long fullAt, long interval) {
        /**
         * The tokens the bucket lacks at {@code at}, as the time they take to come back at
         * {@code newInterval}: under a changed interval each token lacked (a partly refilled one
         * too) becomes one {@code newInterval}.
         */
        public long debtAt(long at, long newInterval) {
            long debt = Math.max(0, fullAt - at);
            if (debt == 0 || interval == newInterval) {
                return debt;
            }
            long owed = Math.ceilDiv(debt, interval);
            return Math.min(owed, LONGEST_FILL_MICROS / newInterval) * newInterval;
        }
    }

    /**
     * @throws IllegalArgumentException if {@code key} is empty or longer than {@value #MAX_KEY_BYTES} bytes of UTF-8
     */
    public static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a rate-limit key must be 1-" + MAX_KEY_BYTES + " bytes of UTF-8, got " + bytes);
        }
    }

    /** Microseconds since the epoch. */
    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
