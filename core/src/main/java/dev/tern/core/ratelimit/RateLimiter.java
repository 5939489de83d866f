package dev.tern.core.ratelimit;

import java.time.Instant;

/**
 * Token buckets shared by every instance of a function: {@code DynamoDbRateLimiter} keeps them in
 * a table (conditional updates, so two containers cannot both take the last token), the testkit
 * has an in-memory one honouring the same contract ({@code RateLimiterContract}).
 *
 * <p>Bucket keys are opaque and must not contain personal data: callers key by a keyed hash of an
 * address, never the address itself.
 */
public interface RateLimiter {

    /**
     * Takes one token from the bucket {@code key} under {@code limit} at {@code now}, if one is there.
     * A bucket never seen before starts full.
     */
    RateDecision tryAcquire(String key, RateLimit limit, Instant now);
}
