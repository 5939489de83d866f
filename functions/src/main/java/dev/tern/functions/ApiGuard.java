package dev.tern.functions;

import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.ApiKeyService;
import dev.tern.core.apikey.Scope;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The door of the REST API: who is calling (the API key of {@code Authorization: Bearer …} or
 * {@code X-API-Key}), whether the key has requests left (a token bucket per key, {@code api:<keyId>}),
 * and whether it carries the scope a route needs. Rate-limit state is reported with the fields of
 * draft-ietf-httpapi-ratelimit-headers-06 ({@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset}), see {@code docs/adr/2026-11-23-api-keys.md}.
 */
final class ApiGuard {
    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final ApiSettings settings;
    private final Clock clock;
    private volatile boolean bootstrapped;

    ApiGuard(ApiKeyService keys, RateLimiter limiter, ApiSettings settings, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A caller let in: its key and the rate-limit fields to add to the answer. */
    record Admission(ApiKey key, Map<String, String> headers) {
        void require(Scope scope) {
            ApiKeyService.requireScope(key, scope);
        }
    }

    /**
     * Authenticates the request and takes one token of its key's bucket.
     *
     * @throws dev.tern.core.error.TernException 401 without a usable key; {@link RateLimitedException} (429)
     *     over the limit; {@link dev.tern.core.error.StoreUnavailableException} (503) when the keys or the
     *     buckets cannot be read
     */
    Admission admit(HttpRequest request) {
        ensureBootstrapKey();
        ApiKey key = keys.authenticate(presentedKey(request));
        RateLimit limit = settings.perKey();
        RateDecision decision = limiter.tryAcquire("api:" + key.id(), limit, clock.instant());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(limit.burst()));
        headers.put("RateLimit-Remaining", Integer.toString(decision.remaining()));
        if (!decision.allowed()) {
            long retryAfter = Math.max(1, ceilSeconds(decision.retryAfter()));
            headers.put("RateLimit-Reset", Long.toString(retryAfter));
            headers.put("Retry-After", Long.toString(retryAfter));
            throw new RateLimitedException(retryAfter, headers);
        }
        headers.put("RateLimit-Reset",
                Long.toString(ceilSeconds(limit.refillInterval().multipliedBy(limit.burst() - (long) decision.remaining()))));
        return new Admission(key, headers);
    }

    /** The key value of {@code Authorization: Bearer …}, else of {@code X-API-Key}. */
    static Optional<String> presentedKey(HttpRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            String trimmed = authorization.strip();
            if (trimmed.length() > 7 && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                return Optional.of(trimmed.substring(7).strip());
            }
        }
        return Optional.ofNullable(request.header("x-api-key"));
    }

    /** Once per container, and again after a failure (the next request retries). */
    private void ensureBootstrapKey() {
        if (bootstrapped || settings.bootstrapAdminKey().isEmpty()) {
            return;
        }
        synchronized (this) {
            if (!bootstrapped) {
                keys.ensureBootstrapKey(settings.bootstrapAdminKey().get());
                bootstrapped = true;
            }
        }
    }

    private static long ceilSeconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return (millis + 999) / 1000;
    }
}
