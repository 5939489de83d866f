package dev.tern.core.abuse;

import java.util.Set;

/**
 * The blocklist an administrator keeps through the API ({@code PUT/DELETE /api/v1/blocklist/{host}}):
 * {@code DynamoDbBlockedHostStore} in the store module, an in-memory one in the testkit
 * ({@code BlockedHostStoreContract}). Entries are normalised hosts ({@link BlockedHosts#normalise}).
 *
 * <p>Every method may throw {@link dev.tern.core.error.StoreUnavailableException}.
 */
public interface BlockedHostStore {
    /** The entries, reflecting every acknowledged change. */
    Set<String> all();

    /** Adds a normalised host; adding one already there changes nothing. */
    void add(String host);

    /** Removes a normalised host; {@code false} if it was not there. */
    boolean remove(String host);

    /** A store without entries that refuses changes: for deployments and tests without one. */
    BlockedHostStore NONE = new BlockedHostStore() {
        @Override
        public Set<String> all() {
            return Set.of();
        }

        @Override
        public void add(String host) {
            throw new UnsupportedOperationException("this deployment keeps no blocklist table");
        }

        @Override
        public boolean remove(String host) {
            return false;
        }
    };
}
