package dev.tern.core.idempotency;

import dev.tern.core.link.ShortCode;
import java.util.Optional;

/**
 * Remembers which request an Idempotency-Key belongs to, so that a retried create returns the first
 * result. Both operations must be atomic and strongly consistent (conditional writes).
 */
public interface IdempotencyStore {

    /**
     * Stores {@code record} if its key is new.
     *
     * @return empty if this call stored it; otherwise the record already stored under the key
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord record);

    /**
     * Points the key at {@code replacement} if it still points at {@code expected} (a generated code
     * turned out to be taken).
     *
     * @return the record as stored after the call: with {@code replacement}, or as another
     *     concurrent retry left it
     */
    IdempotencyRecord reassign(String key, ShortCode expected, ShortCode replacement);
}
