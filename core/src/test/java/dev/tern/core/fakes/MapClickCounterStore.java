package dev.tern.core.fakes;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.link.ShortCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link ClickCounterStore} in memory, exactly once per (batch, link) like the real one. It also
 * records every call it received, applied or not, so tests can look at the batches.
 */
public final class MapClickCounterStore implements ClickCounterStore {
    /** One call of {@link #add}. */
    public record Call(String batchId, ClickTally tally, boolean applied) {
    }

    private final Set<String> appliedBatches = new HashSet<>();
    private final Map<ShortCode, Map<LocalDate, DayTally>> days = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void add(String batchId, ClickTally tally) {
        boolean fresh = appliedBatches.add(batchId + " " + tally.code().value());
        calls.add(new Call(batchId, tally, fresh));
        if (fresh) {
            Map<LocalDate, DayTally> linkDays = days.computeIfAbsent(tally.code(), c -> new TreeMap<>());
            tally.days().forEach((day, dayTally) -> linkDays.merge(day, dayTally, DayTally::plus));
        }
        notifyAll();
    }

    @Override
    public synchronized long total(ShortCode code) {
        return days.getOrDefault(code, Map.of()).values().stream().mapToLong(DayTally::clicks).sum();
    }

    @Override
    public synchronized java.util.SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
        java.util.SortedMap<LocalDate, DayTally> within = new TreeMap<>();
        days.getOrDefault(code, Map.of()).forEach((day, tally) -> {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                within.put(day, tally);
            }
        });
        return within;
    }

    /** Every click counted, over all links. */
    public synchronized long grandTotal() {
        return days.values().stream().flatMap(m -> m.values().stream()).mapToLong(DayTally::clicks).sum();
    }

    public synchronized DayTally day(ShortCode code, LocalDate day) {
        return days.getOrDefault(code, Map.of()).get(day);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits until at least {@code clicks} clicks are counted; {@code false} if {@code timeoutMillis} passes first. */
    public synchronized boolean awaitGrandTotal(long clicks, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (grandTotal() < clicks) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
