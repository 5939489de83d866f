package dev.tern.testkit;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.link.ShortCode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** A {@link ClickCounterStore} in memory, exactly-once per (batch, link) like the DynamoDB store. */
public final class InMemoryClickCounterStore implements ClickCounterStore {
    private final Set<String> appliedBatches = new HashSet<>();
    private final Map<ShortCode, NavigableMap<LocalDate, DayTally>> days = new HashMap<>();

    @Override
    public synchronized void add(String batchId, ClickTally tally) {
        if (!appliedBatches.add(batchId + " " + tally.code().value())) {
            return;
        }
        NavigableMap<LocalDate, DayTally> linkDays = days.computeIfAbsent(tally.code(), c -> new TreeMap<>());
        tally.days().forEach((day, dayTally) -> linkDays.merge(day, dayTally, DayTally::plus));
    }

    @Override
    public synchronized long total(ShortCode code) {
        return days.getOrDefault(code, Collections.emptyNavigableMap()).values().stream().mapToLong(DayTally::clicks).sum();
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
}
