package dev.tern.testkit;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.link.ShortCode;
import dev.tern.core.yourls.LinkRanking;
import dev.tern.core.yourls.RankOrder;
import dev.tern.core.yourls.RankedLink;
import dev.tern.core.yourls.SiteTotals;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link ClickCounterStore} and {@link LinkRanking} in memory, exactly-once per (batch, link) like
 * the DynamoDB store, with the same ranking rules: counting clicks for a link registers it.
 */
public final class InMemoryClickCounterStore implements ClickCounterStore, LinkRanking {
    private final Set<String> appliedBatches = new HashSet<>();
    private final Map<ShortCode, NavigableMap<LocalDate, DayTally>> days = new HashMap<>();
    private final Map<ShortCode, Long> undated = new HashMap<>();
    private final Set<ShortCode> registered = new TreeSet<>();
    private long allClicks;

    @Override
    public synchronized void add(String batchId, ClickTally tally) {
        if (!appliedBatches.add(batchId + " " + tally.code().value())) {
            return;
        }
        NavigableMap<LocalDate, DayTally> linkDays = days.computeIfAbsent(tally.code(), c -> new TreeMap<>());
        tally.days().forEach((day, dayTally) -> linkDays.merge(day, dayTally, DayTally::plus));
        allClicks += tally.total();
        registered.add(tally.code());
    }

    @Override
    public synchronized void addUndated(String batchId, ShortCode code, long clicks) {
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks cannot be negative: " + clicks);
        }
        if (!appliedBatches.add("undated " + batchId + " " + code.value())) {
            return;
        }
        undated.merge(code, clicks, Long::sum);
        allClicks += clicks;
        registered.add(code);
    }

    @Override
    public synchronized void registerImported(String batchId, java.util.Map<ShortCode, Long> undatedClicks) {
        undatedClicks.forEach((code, clicks) -> {
            if (clicks > 0) {
                addUndated(batchId, code, clicks);
            }
            register(code);
        });
    }

    @Override
    public synchronized long total(ShortCode code) {
        return days.getOrDefault(code, Collections.emptyNavigableMap()).values().stream().mapToLong(DayTally::clicks).sum()
                + undated.getOrDefault(code, 0L);
    }

    /** The counters of one link on one day, if any. */
    public synchronized DayTally day(ShortCode code, LocalDate day) {
        return days.getOrDefault(code, Collections.emptyNavigableMap()).get(day);
    }

    /** The link's counters from {@code from} to {@code to} (both included); days without clicks are absent. */
    @Override
    public synchronized SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Collections.emptySortedMap();
        }
        NavigableMap<LocalDate, DayTally> linkDays = days.getOrDefault(code, Collections.emptyNavigableMap());
        return Collections.unmodifiableSortedMap(new TreeMap<>(linkDays.subMap(from, true, to, true)));
    }

    @Override
    public synchronized void register(ShortCode code) {
        registered.add(code);
    }

    @Override
    public synchronized void unregister(ShortCode code) {
        registered.remove(code);
    }

    @Override
    public synchronized List<RankedLink> ranked(RankOrder order, int offset, int limit) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1-1000, not " + offset + " and " + limit);
        }
        Comparator<RankedLink> leastFirst = Comparator.comparingLong(RankedLink::clicks).thenComparing(RankedLink::code);
        return registered.stream()
                .map(code -> new RankedLink(code, total(code)))
                .sorted(order == RankOrder.LEAST_CLICKED ? leastFirst : leastFirst.reversed())
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized SiteTotals totals() {
        return new SiteTotals(registered.size(), allClicks);
    }
}
