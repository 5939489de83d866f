package dev.tern.functions;

import dev.tern.core.LazySecureRandom;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rate limits of creation outside the REST API (whose every request is limited per key by
 * {@link ApiGuard}): per YOURLS user, and per client address for anonymous creation. The address's
 * bucket is the web form's ({@value #ANONYMOUS_PREFIX} and the same keyed hash), so one address has
 * one allowance whichever anonymous door it uses. Addresses are only ever kept as keyed hashes.
 */
public final class CreateLimits {
    /** The bucket prefix of anonymous creation (shared with the web form). */
    public static final String ANONYMOUS_PREFIX = "web-create:";
    /** The bucket prefix of a YOURLS API user's creations. */
    static final String YOURLS_USER_PREFIX = "yourls-user:";
    private static final String ADDRESS_PURPOSE = "tern-client-address-v1";
    private static final int HASH_HEX = 32;

    private final Optional<RateLimiter> limiter;
    private final RateLimit perUser;
    private final RateLimit perAddress;
    private final Optional<byte[]> configuredKey;
    private final LazySecureRandom random = new LazySecureRandom();
    private volatile SecretKeySpec key;
    private final Clock clock;

    /** What the limit says: go ahead, or wait this long. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    /**
     * @param limiter    the shared buckets; empty for a wiring without them (nothing is limited)
     * @param perUser    one YOURLS user's limit (the REST API's per-key limit)
     * @param perAddress one client address's limit on anonymous creation
     * @param addressKey the HMAC key of address hashes ({@code TERN_SECRET}); empty for a random one of this container
     */
    CreateLimits(Optional<RateLimiter> limiter, RateLimit perUser, RateLimit perAddress, Optional<byte[]> addressKey, Clock clock) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.perUser = Objects.requireNonNull(perUser, "perUser");
        this.perAddress = Objects.requireNonNull(perAddress, "perAddress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.configuredKey = Objects.requireNonNull(addressKey, "addressKey");
    }

    /** The HMAC key, made on first use: a random one is never drawn during init (a SnapStart snapshot would share it). */
    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            return firstKey();
        }
        return current;
    }

    private synchronized SecretKeySpec firstKey() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] bytes = configuredKey.orElseGet(() -> {
                byte[] drawn = new byte[32];
                random.get().nextBytes(drawn);
                return drawn;
            });
            current = new SecretKeySpec(bytes, "HmacSHA256");
            key = current;
        }
        return current;
    }

    /** A keyed hash of a client address (the web form's {@code SiteKeys.clientHash} under the same secret). */
    public String addressHash(String sourceIp) {
        String address = sourceIp == null || sourceIp.isBlank() ? "unknown" : sourceIp.strip();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(ADDRESS_PURPOSE.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8))).substring(0, HASH_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** Takes a token of a YOURLS user's creation bucket. */
    public Verdict user(String user) {
        return take(YOURLS_USER_PREFIX + user, perUser);
    }

    /** Takes a token of a client address's anonymous-creation bucket. */
    public Verdict address(String sourceIp) {
        return take(ANONYMOUS_PREFIX + addressHash(sourceIp), perAddress);
    }

    private Verdict take(String bucket, RateLimit limit) {
        if (limiter.isEmpty()) {
            return new Verdict(true, 0);
        }
        RateDecision decision = limiter.get().tryAcquire(bucket, limit, clock.instant());
        return decision.allowed() ? new Verdict(true, 0) : new Verdict(false, ceilSeconds(decision.retryAfter()));
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (Math.max(0, duration.toMillis()) + 999) / 1000);
    }
}
