package dev.tern.testkit;

import dev.tern.core.idempotency.IdempotencyStore;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
