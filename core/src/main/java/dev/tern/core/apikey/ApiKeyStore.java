package dev.tern.core.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys are kept ({@code DynamoDbApiKeyStore}; the testkit's {@code InMemoryApiKeyStore}
 * honours the same {@code ApiKeyStoreContract}). Every method may throw
 * {@link dev.tern.core.error.StoreUnavailableException} when the store cannot answer in time.
 */
public interface ApiKeyStore {

    /** Stores {@code key} if no key has its id; {@code false} (and nothing changed) if one has. */
    boolean insertIfAbsent(ApiKey key);

    /** The key with {@code id}, revoked or expired ones included. */
    Optional<ApiKey> find(String id);

    /** Every key, revoked and expired ones included, newest first. */
    List<ApiKey> list();

    /**
     * Marks the key revoked at {@code at} (a key already revoked keeps its first time).
     *
     * @return the key as stored afterwards, or empty if no key has {@code id}
     */
    Optional<ApiKey> revoke(String id, Instant at);
}
