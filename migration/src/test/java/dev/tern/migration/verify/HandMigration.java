package dev.tern.migration.verify;

import dev.tern.core.Stores;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.ReferenceYourlsData;
import dev.tern.migration.source.UrlRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts YOURLS rows into Tern the way the migration does (exact URL, NULL title as empty, the YOURLS
 * time in UTC, rows Tern will not serve disabled, the clicks counted), without the migration: so the
 * tests of verify and export do not depend on it.
 */
public final class HandMigration {
    private static final DateTimeFormatter YOURLS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private HandMigration() {
    }

    /** The rows of {@code testdata/yourls/yourls-dump.sql}, read by the dump parser. */
    public static List<UrlRow> referenceRows() {
        try (DumpYourlsSource source = DumpYourlsSource.open(ReferenceYourlsData.dumpFile());
                var rows = source.urls(Optional.empty())) {
            return rows.toList();
        }
    }

    /** Migrates every row, eight at a time. */
    public static void migrate(Stores tern, List<UrlRow> rows) throws InterruptedException, ExecutionException {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (UrlRow row : rows) {
                writes.add(writers.submit(() -> migrate(tern, row)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Migrates one row; returns the link. */
    public static Link migrate(Stores tern, UrlRow row) {
        LongUrl target = LongUrl.fromStored(row.url());
        boolean servable = !target.scheme().isEmpty() && !target.scheme().equals("file");
        Link link = new Link(new ShortCode(row.keyword()), target, row.title(),
                LocalDateTime.parse(row.timestamp(), YOURLS).toInstant(ZoneOffset.UTC), new Creator("yourls:test"),
                servable ? LinkStatus.ACTIVE : LinkStatus.DISABLED, null, null, null);
        tern.links().insertNew(link);
        addClicks(tern, link.code(), "migration", row.clicks());
        return link;
    }

    /** Counts {@code clicks} more clicks of the link (on 2026-11-23) under batch id {@code batch}. */
    public static void addClicks(Stores tern, ShortCode code, String batch, long clicks) {
        if (clicks > 0) {
            tern.clicks().add(batch, new ClickTally(code, new TreeMap<>(Map.of(LocalDate.of(2026, 11, 23),
                    new DayTally(clicks, Map.of(), Map.of(), Map.of())))));
        }
    }
}
