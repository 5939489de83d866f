package dev.tern.testkit;

import dev.tern.core.click.ClickCounterStore;

class InMemoryLinkRankingTest extends LinkRankingContract {
    @Override
    protected ClickCounterStore emptyStore() {
        return new InMemoryClickCounterStore();
    }
}
