package dev.tern.testkit;

import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.core.ratelimit.TokenBuckets;
import dev.tern.core.ratelimit.TokenBuckets.Bucket;
import dev.tern.core.ratelimit.TokenBuckets.Rate;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RateLimiter} in a map, honouring the same contract as {@code DynamoDbRateLimiter} with
 * the same arithmetic ({@link TokenBuckets}). Each key's update is atomic
 * ({@link ConcurrentMap#compute}), so concurrent callers never share a token.
 *
 * <p>It keeps one small entry per key it has seen and never forgets one: for tests and the local
 * platform, not for a long-lived server facing unbounded keys.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    /** The longest key, in UTF-8 bytes, as {@code DynamoDbRateLimiter} accepts. */
    public static final int MAX_KEY_BYTES = TokenBuckets.MAX_KEY_BYTES;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter() {
        // a limiter with no buckets: every key starts full
    }

    @Override
    public RateDecision tryAcquire(String key, RateLimit limit, Instant now) {
        TokenBuckets.requireKey(key);
        Rate rate = Rate.of(Objects.requireNonNull(limit, "limit"));
        long at = TokenBuckets.micros(Objects.requireNonNull(now, "now"));
        RateDecision[] decision = new RateDecision[1];
        buckets.compute(key, (k, stored) -> {
            long debt = stored == null ? 0 : stored.debtAt(at, rate.interval());
            if (!rate.hasTokenAt(debt)) {
                decision[0] = RateDecision.refuse(rate.waitFor(debt));
                // Keep a bucket re-measured in the new interval, as the DynamoDB limiter writes it.
                return stored == null || stored.interval() == rate.interval() ? stored : new Bucket(at + debt, rate.interval());
            }
            long owed = debt + rate.interval();
            decision[0] = RateDecision.allow(rate.remainingAfter(owed));
            return new Bucket(at + owed, rate.interval());
        });
        return decision[0];
    }
}
