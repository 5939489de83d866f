package dev.tern.status.probe;

import dev.tern.core.status.ProbeResultStore;
import dev.tern.testkit.status.InMemoryProbeResultStore;
import dev.tern.testkit.status.ProbeResultStoreContract;

/** The in-memory store passes the store contract. */
class InMemoryProbeResultStoreTest extends ProbeResultStoreContract {
    private final ProbeResultStore store = new InMemoryProbeResultStore();

    @Override
    protected ProbeResultStore store() {
        return store;
    }
}
