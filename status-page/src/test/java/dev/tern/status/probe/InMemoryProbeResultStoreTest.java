package dev.tern.status.probe;

/** The in-memory store passes the store contract. */
class InMemoryProbeResultStoreTest extends ProbeResultStoreContract {
    private final ProbeResultStore store = new InMemoryProbeResultStore();

    @Override
    protected ProbeResultStore store() {
        return store;
    }
}
