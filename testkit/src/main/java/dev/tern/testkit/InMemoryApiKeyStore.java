package dev.tern.testkit;

import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.ApiKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link ApiKeyStore} in a map, honouring {@link ApiKeyStoreContract} like {@code DynamoDbApiKeyStore}. */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final ConcurrentMap<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(ApiKey key) {
        Objects.requireNonNull(key, "key");
        return keys.putIfAbsent(key.id(), key) == null;
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<ApiKey> list() {
        return keys.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id))
                .toList();
    }

    @Override
    public Optional<ApiKey> revoke(String id, Instant at) {
        return Optional.ofNullable(keys.computeIfPresent(id, (k, key) -> key.revokedAt(at)));
    }
}
