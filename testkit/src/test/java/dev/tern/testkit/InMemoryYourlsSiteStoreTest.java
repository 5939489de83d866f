package dev.tern.testkit;

import dev.tern.core.yourls.YourlsSiteStore;

class InMemoryYourlsSiteStoreTest extends YourlsSiteStoreContract {
    @Override
    protected YourlsSiteStore emptyStore() {
        return new InMemoryYourlsSiteStore();
    }
}
