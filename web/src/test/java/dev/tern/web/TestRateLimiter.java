package dev.tern.web;

import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small token-bucket {@link RateLimiter} for the web's unit tests (the testkit's contract-tested one
 * replaces it once it lands), recording every key it was asked about.
 */
final class TestRateLimiter implements RateLimiter {
    private record Bucket(double tokens, Instant at) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public synchronized RateDecision tryAcquire(String key, RateLimit limit, Instant now) {
        keys.add(key);
        Bucket bucket = buckets.getOrDefault(key, new Bucket(limit.burst(), now));
        double refill = Duration.between(bucket.at(), now).toNanos() / (double) limit.refillInterval().toNanos();
        double tokens = Math.min(limit.burst(), bucket.tokens() + Math.max(0, refill));
        if (tokens < 1) {
            buckets.put(key, new Bucket(tokens, now));
            long wait = (long) Math.ceil((1 - tokens) * limit.refillInterval().toNanos());
            return RateDecision.refuse(Duration.ofNanos(wait));
        }
        buckets.put(key, new Bucket(tokens - 1, now));
        return RateDecision.allow((int) (tokens - 1));
    }
}
