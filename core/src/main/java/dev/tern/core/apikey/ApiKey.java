package dev.tern.core.apikey;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stored API key: never its value, only the SHA-256 of it ({@link ApiKeyValue#hash()}).
 *
 * @param id        the public key id (the middle part of {@code tern_<id>_<secret>})
 * @param hash      lower-case hex SHA-256 of the whole key value
 * @param name      what the operator called it
 * @param scopes    what it may do (not empty)
 * @param createdAt when it was issued
 * @param expiresAt when it stops working, if ever
 * @param revokedAt when it was revoked, if it was
 * @param createdBy who issued it: the id of the admin key, or {@code bootstrap}
 */
public record ApiKey(String id, String hash, String name, Set<Scope> scopes, Instant createdAt,
        Optional<Instant> expiresAt, Optional<Instant> revokedAt, String createdBy) {
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");
    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 100;

    public ApiKey {
        if (!ApiKeyValue.isValidId(id)) {
            throw new IllegalArgumentException("an API key id is " + ApiKeyValue.ID_LENGTH + " base62 characters");
        }
        Objects.requireNonNull(hash, "hash");
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("an API key hash is 64 lower-case hex digits");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** Whether the key carries {@code scope}, directly or through {@link Scope#ADMIN}. */
    public boolean allows(Scope scope) {
        return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
    }

    /** Whether the key works at {@code now}: not revoked, not expired. */
    public boolean isActiveAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** This key, revoked at {@code at} (an already revoked key keeps its first revocation time). */
    public ApiKey revokedAt(Instant at) {
        return new ApiKey(id, hash, name, scopes, createdAt, expiresAt, Optional.of(revokedAt.orElse(at)), createdBy);
    }
}
