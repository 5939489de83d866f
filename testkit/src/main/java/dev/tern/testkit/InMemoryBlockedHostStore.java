package dev.tern.testkit;

import dev.tern.core.abuse.BlockedHostStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlockedHostStore} in a set, honouring {@code BlockedHostStoreContract}. */
public final class InMemoryBlockedHostStore implements BlockedHostStore {
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> all() {
        return Set.copyOf(hosts);
    }

    @Override
    public void add(String host) {
        hosts.add(host);
    }

    @Override
    public boolean remove(String host) {
        return hosts.remove(host);
    }
}
