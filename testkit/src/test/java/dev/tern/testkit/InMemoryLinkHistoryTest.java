package dev.tern.testkit;

import dev.tern.core.link.LinkStore;

class InMemoryLinkHistoryTest extends LinkHistoryContract {
    private final InMemoryLinkStore store = new InMemoryLinkStore();

    @Override
    protected LinkStore store() {
        return store;
    }
}
