package dev.tern.core.apikey;

import dev.tern.core.LazySecureRandom;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.error.TernException;
import dev.tern.core.idempotency.IdempotencyKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The API key use cases: issue, list, revoke, authenticate, and ensure the operator's bootstrap key.
 * See {@code docs/adr/2026-11-23-api-keys.md}.
 */
public final class ApiKeyService {
    /** The {@code createdBy} of the key provisioned by the operator. */
    public static final String BOOTSTRAP = "bootstrap";
    private static final int MAX_ISSUE_ATTEMPTS = 3;

    private final ApiKeyStore store;
    private final Clock clock;
    private final LazySecureRandom random = new LazySecureRandom();

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues a new key.
     *
     * @throws InvalidRequestException for a blank or too long name, no scopes, or an expiry not in the future
     */
    public IssuedApiKey issue(String name, Set<Scope> scopes, Optional<Instant> expiresAt, String createdBy) {
        return issue(name, scopes, expiresAt, createdBy, Optional.empty());
    }

    /**
     * Issues a new key; with an {@code Idempotency-Key}, at most one per (creator, key). The key's id
     * is then derived from the creator and the Idempotency-Key, so a retry finds the key the first
     * attempt made. Its value cannot be shown again (only its hash is kept), so the retry is refused
     * with {@link ErrorCode#API_KEY_ALREADY_ISSUED}, naming the key: whoever lost the answer revokes
     * that key and asks for another with a new Idempotency-Key. The same Idempotency-Key with another
     * name, scopes or expiry is {@link ErrorCode#IDEMPOTENCY_KEY_REUSED}.
     *
     * @throws InvalidRequestException for a blank or too long name, no scopes, an expiry not in the
     *         future, or a malformed Idempotency-Key
     * @throws TernException           {@code API_KEY_ALREADY_ISSUED} as above
     */
    public IssuedApiKey issue(String name, Set<Scope> scopes, Optional<Instant> expiresAt, String createdBy,
            Optional<String> idempotencyKey) {
        Instant now = clock.instant();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > ApiKey.MAX_NAME_LENGTH) {
            throw InvalidRequestException.of("A key needs a name of 1-" + ApiKey.MAX_NAME_LENGTH + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw InvalidRequestException.of("A key needs at least one scope: links:read, links:write, stats:read or admin");
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw new InvalidRequestException(ErrorCode.INVALID_EXPIRY, "A key's expiresAt must be in the future");
        }
        if (idempotencyKey.isPresent()) {
            return issueOnce(trimmed, scopes, expiresAt, createdBy, idempotencyKey.get(), now);
        }
        for (int attempt = 1; ; attempt++) {
            ApiKeyValue value = ApiKeyValue.generate(random.get());
            ApiKey key = new ApiKey(value.id(), value.hash(), trimmed, scopes, now, expiresAt, Optional.empty(), createdBy);
            if (store.insertIfAbsent(key)) {
                return new IssuedApiKey(key, value);
            }
            if (attempt >= MAX_ISSUE_ATTEMPTS) {
                throw new IllegalStateException("key ids kept colliding; the random source is broken");
            }
        }
    }

    private IssuedApiKey issueOnce(String name, Set<Scope> scopes, Optional<Instant> expiresAt, String createdBy,
            String idempotencyKey, Instant now) {
        IdempotencyKeys.requireValid(idempotencyKey);
        ApiKeyValue value = ApiKeyValue.generateWithIdFrom("api-key|" + createdBy + "|" + idempotencyKey, random.get());
        ApiKey key = new ApiKey(value.id(), value.hash(), name, scopes, now, expiresAt, Optional.empty(), createdBy);
        if (store.insertIfAbsent(key)) {
            return new IssuedApiKey(key, value);
        }
        ApiKey earlier = store.find(value.id()).orElseThrow(() -> new IllegalStateException(
                "the key " + value.id() + " was neither inserted nor found"));
        if (!earlier.createdBy().equals(createdBy) || !earlier.name().equals(name) || !earlier.scopes().equals(scopes)
                || !earlier.expiresAt().equals(expiresAt)) {
            throw new InvalidRequestException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key already issued the key " + earlier.id() + " for another request; use a new Idempotency-Key");
        }
        throw new TernException(ErrorCode.API_KEY_ALREADY_ISSUED, "The key " + earlier.id()
                + " was already issued for this Idempotency-Key; its value was shown once and is not kept. If that answer was lost,"
                + " revoke " + earlier.id() + " (DELETE /api/v1/keys/" + earlier.id() + ") and create another with a new Idempotency-Key");
    }

    /**
     * Makes sure the operator's key {@code rawValue} exists as an admin key (a conditional put of its
     * hash: idempotent, and it never revives a key that was revoked).
     *
     * @throws IllegalArgumentException if {@code rawValue} is not a key value
     */
    public ApiKey ensureBootstrapKey(String rawValue) {
        ApiKeyValue value = ApiKeyValue.parse(rawValue)
                .orElseThrow(() -> new IllegalArgumentException("the bootstrap admin key is not of the form tern_<id>_<secret>"));
        ApiKey key = new ApiKey(value.id(), value.hash(), "bootstrap admin", Set.of(Scope.ADMIN), clock.instant(),
                Optional.empty(), Optional.empty(), BOOTSTRAP);
        if (store.insertIfAbsent(key)) {
            return key;
        }
        return store.find(value.id()).orElse(key);
    }

    /** Every key, newest first (no values; hashes stay inside). */
    public List<ApiKey> list() {
        return store.list();
    }

    /** Revokes the key {@code id}. */
    public ApiKey revoke(String id) {
        if (!ApiKeyValue.isValidId(id)) {
            throw notFound(id);
        }
        return store.revoke(id, clock.instant()).orElseThrow(() -> notFound(id));
    }

    /**
     * The active key whose value is {@code presented} and that carries {@code required}.
     *
     * @throws TernException {@link ErrorCode#UNAUTHORIZED} for a missing, malformed, unknown, revoked
     *     or expired key (one message for all, so nothing is learned by guessing);
     *     {@link ErrorCode#FORBIDDEN} for a valid key without the scope
     */
    public ApiKey authenticate(Optional<String> presented, Scope required) {
        ApiKey key = authenticate(presented);
        requireScope(key, required);
        return key;
    }

    /** As {@link #authenticate(Optional, Scope)} without a scope check. */
    public ApiKey authenticate(Optional<String> presented) {
        if (presented.isEmpty() || presented.get().isBlank()) {
            throw new TernException(ErrorCode.UNAUTHORIZED,
                    "This API needs a key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        }
        Optional<ApiKeyValue> value = ApiKeyValue.parse(presented.get().strip());
        Optional<ApiKey> stored = value.flatMap(v -> store.find(v.id()));
        if (stored.isEmpty() || !value.get().matches(stored.get().hash()) || !stored.get().isActiveAt(clock.instant())) {
            throw new TernException(ErrorCode.UNAUTHORIZED, "The API key is unknown, revoked or expired");
        }
        return stored.get();
    }

    /** @throws TernException {@link ErrorCode#FORBIDDEN} unless {@code key} carries {@code required} */
    public static void requireScope(ApiKey key, Scope required) {
        if (!key.allows(required)) {
            throw new TernException(ErrorCode.FORBIDDEN,
                    "The API key '" + key.name() + "' lacks the scope " + required.value() + " this request needs");
        }
    }

    private static TernException notFound(String id) {
        return new TernException(ErrorCode.API_KEY_NOT_FOUND,
                "No API key has the id \"" + (id.length() > 40 ? id.substring(0, 37) + "..." : id) + "\"");
    }
}
