package dev.tern.testkit;

import dev.tern.core.apikey.ApiKeyStore;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

    @Override
    protected ApiKeyStore store() {
        return store;
    }
}
