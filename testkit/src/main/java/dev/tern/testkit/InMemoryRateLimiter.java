package dev.tern.testkit;

import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RateLimiter} in a map, honouring the same contract as {@code DynamoDbRateLimiter} and
 * doing the same arithmetic (see there): a bucket is stored as the instant it is full again and
 * the time one token takes, in whole microseconds. Each key's update is atomic
 * ({@link ConcurrentMap#compute}), so concurrent callers never share a token.
 *
 * <p>It keeps one small entry per key it has seen and never forgets one: for tests and the local
 * platform, not for a long-lived server facing unbounded keys.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    /** The longest key, in UTF-8 bytes, as {@code DynamoDbRateLimiter} accepts. */
    public static final int MAX_KEY_BYTES = 1024;
    private static final long LONGEST_FILL_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(36_525)));

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter() {
        // a limiter with no buckets: every key starts full
    }

    @Override
    public RateDecision tryAcquire(String key, RateLimit limit, Instant now) {
        requireKey(key);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(now, "now");
        long interval = intervalMicros(limit);
        long capacity = capacity(limit, interval);
        long at = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        RateDecision[] decision = new RateDecision[1];
        buckets.compute(key, (k, stored) -> {
            long debt = stored == null ? 0 : stored.debtAt(at, interval);
            if (debt > capacity - interval) {
                decision[0] = RateDecision.refuse(Duration.of(debt - (capacity - interval), ChronoUnit.MICROS));
                // Keep a bucket re-measured in the new interval, as the DynamoDB limiter writes it.
                return stored == null || stored.interval == interval ? stored : new Bucket(at + debt, interval);
            }
            long owed = debt + interval;
            decision[0] = RateDecision.allow((int) ((capacity - owed) / interval));
            return new Bucket(at + owed, interval);
        });
        return decision[0];
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a rate-limit key must be 1-" + MAX_KEY_BYTES + " bytes of UTF-8, got " + bytes);
        }
    }

    /** The time one token takes, rounded up to a whole microsecond. */
    private static long intervalMicros(RateLimit limit) {
        Duration interval = limit.refillInterval();
        if (interval.compareTo(Duration.ofDays(36_525)) > 0) {
            throw tooSlow(limit);
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.EPOCH.plus(interval));
        boolean remainder = interval.getNano() % 1_000 != 0;
        return Math.max(1, remainder ? micros + 1 : micros);
    }

    /** The time an empty bucket takes to fill. */
    private static long capacity(RateLimit limit, long interval) {
        if (limit.burst() > LONGEST_FILL_MICROS / interval) {
            throw tooSlow(limit);
        }
        return limit.burst() * interval;
    }

    private static IllegalArgumentException tooSlow(RateLimit limit) {
        return new IllegalArgumentException("a rate limit whose bucket takes more than 100 years to fill is not supported: " + limit);
    }

    /** Full again at {@code fullAt} (epoch microseconds), one token every {@code interval} microseconds. */
    private record Bucket(long fullAt, long interval) {
        /**
         * The time until the bucket is full at {@code at}, measured in {@code newInterval}: tokens
         * taken and not yet back carry over to a changed interval, a partly refilled one counting as taken.
         */
        long debtAt(long at, long newInterval) {
            long debt = Math.max(0, fullAt - at);
            if (debt == 0 || interval == newInterval) {
                return debt;
            }
            long owed = Math.ceilDiv(debt, interval);
            return Math.min(owed, LONGEST_FILL_MICROS / newInterval) * newInterval;
        }
    }
}
