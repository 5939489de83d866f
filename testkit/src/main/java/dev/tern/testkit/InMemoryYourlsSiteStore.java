package dev.tern.testkit;

import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import java.util.Objects;

/** A {@link YourlsSiteStore} in memory, honouring {@link YourlsSiteStoreContract}. */
public final class InMemoryYourlsSiteStore implements YourlsSiteStore {
    private YourlsSite site = YourlsSite.defaults();
    private long nextId = 1;

    @Override
    public synchronized YourlsSite load() {
        return site;
    }

    @Override
    public synchronized void save(YourlsSite site) {
        this.site = Objects.requireNonNull(site, "site");
    }

    @Override
    public synchronized long claimNextId() {
        return nextId++;
    }

    @Override
    public synchronized void raiseNextIdTo(long nextId) {
        this.nextId = Math.max(this.nextId, nextId);
    }
}
