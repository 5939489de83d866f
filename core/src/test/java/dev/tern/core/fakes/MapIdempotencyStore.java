package dev.tern.core.fakes;

import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.idempotency.IdempotencyStore;
import dev.tern.core.link.ShortCode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link IdempotencyStore} in a map, atomic like the real one. */
public final class MapIdempotencyStore implements IdempotencyStore {
    private final ConcurrentMap<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
        return Optional.ofNullable(records.putIfAbsent(record.key(), record));
    }

    @Override
    public IdempotencyRecord reassign(String key, ShortCode expected, ShortCode replacement) {
        return records.compute(key, (k, current) -> {
            if (current == null) {
                throw new IllegalStateException("no idempotency record for key " + key);
            }
            return current.code().equals(expected) ? current.withCode(replacement) : current;
        });
    }

    public Map<String, IdempotencyRecord> all() {
        return Map.copyOf(records);
    }
}
