package dev.tern.migration.export;

import dev.tern.core.Stores;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Tern in memory with links put straight into its stores, for export tests. */
final class ExportFixture {
    final InMemoryLinkStore links = new InMemoryLinkStore();
    final InMemoryClickCounterStore clicks = new InMemoryClickCounterStore();
    final Stores stores = new Stores(links, new InMemoryIdempotencyStore(), clicks);
    private int batch;

    Link put(String code, String url, String title, String createdAt, long clickCount, LinkStatus status) {
        Link link = new Link(new ShortCode(code), LongUrl.fromStored(url), title, Instant.parse(createdAt),
                new Creator("yourls:test"), status, null, null, null);
        links.insertNew(link);
        if (clickCount > 0) {
            clicks.add("batch-" + (++batch), new ClickTally(link.code(),
                    new TreeMap<>(Map.of(LocalDate.of(2026, 11, 23), new DayTally(clickCount, Map.of(), Map.of(), Map.of())))));
        }
        return link;
    }

    Link put(String code, String url, String title, String createdAt, long clickCount) {
        return put(code, url, title, createdAt, clickCount, LinkStatus.ACTIVE);
    }
}
