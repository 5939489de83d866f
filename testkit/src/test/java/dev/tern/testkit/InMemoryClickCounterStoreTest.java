package dev.tern.testkit;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.DayTally;
import dev.tern.core.link.ShortCode;
import java.time.LocalDate;
import java.util.SortedMap;

class InMemoryClickCounterStoreTest extends ClickCounterStoreContract {
    private final InMemoryClickCounterStore store = new InMemoryClickCounterStore();

    @Override
    protected ClickCounterStore store() {
        return store;
    }
}
