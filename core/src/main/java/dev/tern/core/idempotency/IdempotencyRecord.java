package dev.tern.core.idempotency;

import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.Objects;

/**
 * What a create with an Idempotency-Key claimed: the request's fingerprint and the code its link
 * gets (or got).
 *
 * @param key         the client's key, scoped to the client (see {@code LinkService})
 * @param fingerprint a digest of the request's meaningful fields
 * @param code        the code the link is (to be) stored under
 * @param createdAt   when the key was first used
 */
public record IdempotencyRecord(String key, String fingerprint, ShortCode code, Instant createdAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public IdempotencyRecord withCode(ShortCode newCode) {
        return new IdempotencyRecord(key, fingerprint, newCode, createdAt);
    }
}
