package dev.tern.migration.verify;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/** Tern in memory, with helpers to put migrated links and clicks in it. */
final class TernFake {
    private static final DateTimeFormatter YOURLS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    final InMemoryLinkStore links = new InMemoryLinkStore();
    final InMemoryClickCounterStore clicks = new InMemoryClickCounterStore();
    final Stores stores = new Stores(links, new InMemoryIdempotencyStore(), clicks);
    private int batch;

    /** Puts the link a migration would make of this YOURLS row, with its clicks. */
    Link put(String keyword, String url, String title, String timestamp, long clickCount) {
        return put(keyword, url, title, timestamp, clickCount, LinkStatus.ACTIVE);
    }

    Link put(String keyword, String url, String title, String timestamp, long clickCount, LinkStatus status) {
        Link link = new Link(new ShortCode(keyword), LongUrl.fromStored(url), title, instant(timestamp),
                new Creator("yourls:test"), status, null, null, null);
        links.insertNew(link);
        addClicks(keyword, clickCount);
        return link;
    }

    void addClicks(String keyword, long count) {
        if (count == 0) {
            return;
        }
        Map<LocalDate, DayTally> days = new TreeMap<>();
        days.put(LocalDate.of(2026, 11, 23), new DayTally(count, Map.of(), Map.of(), Map.of()));
        clicks.add("batch-" + (++batch), new ClickTally(new ShortCode(keyword), new TreeMap<>(days)));
    }

    static Instant instant(String yourlsTimestamp) {
        return LocalDateTime.parse(yourlsTimestamp, YOURLS).toInstant(ZoneOffset.UTC);
    }
}
