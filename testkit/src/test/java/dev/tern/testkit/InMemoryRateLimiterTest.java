package dev.tern.testkit;

import dev.tern.core.ratelimit.RateLimiter;

class InMemoryRateLimiterTest extends RateLimiterContract {
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }
}
