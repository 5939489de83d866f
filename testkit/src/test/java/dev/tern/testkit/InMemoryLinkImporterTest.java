package dev.tern.testkit;

import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.LinkStore;

class InMemoryLinkImporterTest extends LinkImporterContract {
    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final InMemoryLinkImporter importer = new InMemoryLinkImporter(store);

    @Override
    protected LinkImporter importer() {
        return importer;
    }

    @Override
    protected LinkStore store() {
        return store;
    }
}
