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
     * A bucket never seen before starts full. When a key's limit changes, the tokens already taken
     * carry over and come back at the new rate ({@link TokenBuckets}).
     *
     * @param key an opaque key of 1 to {@value TokenBuckets#MAX_KEY_BYTES} bytes of UTF-8
     * @throws IllegalArgumentException for a bad key, or a limit slower than one bucket a century
     * @throws dev.tern.core.error.StoreUnavailableException when the shared buckets cannot be read or
     *     updated in time: callers answer 503, neither letting the request through nor refusing it as over the limit
     */
    RateDecision tryAcquire(String key, RateLimit limit, Instant now);
}
