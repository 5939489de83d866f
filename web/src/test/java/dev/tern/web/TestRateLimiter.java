package dev.tern.web;

import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.testkit.InMemoryRateLimiter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The testkit's {@link InMemoryRateLimiter}, recording every key it was asked about. */
final class TestRateLimiter implements RateLimiter {
    private final InMemoryRateLimiter buckets = new InMemoryRateLimiter();
    final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public RateDecision tryAcquire(String key, RateLimit limit, Instant now) {
        keys.add(key);
        return buckets.tryAcquire(key, limit, now);
    }
}
