package dev.tern.core.click;

import dev.tern.core.link.ShortCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts a batch of clicks: the batch is grouped by link and every link's tally is added under the
 * batch id, so a batch delivered twice is counted once.
 */
public final class ClickAggregator {
    private final ClickCounterStore counters;

    public ClickAggregator(ClickCounterStore counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * Applies the batch: one tally per link, handed to the store together
     * ({@link ClickCounterStore#addAll}). If some link fails, the store still attempts the others and
     * then throws, so the caller retries the whole batch, whose already applied links are skipped.
     *
     * @return how many links were written
     */
    public int aggregate(ClickBatch batch) {
        Map<ShortCode, List<Click>> byLink = new LinkedHashMap<>();
        for (Click click : batch.clicks()) {
            byLink.computeIfAbsent(click.code(), c -> new ArrayList<>()).add(click);
        }
        List<ClickTally> tallies = new ArrayList<>(byLink.size());
        byLink.forEach((code, clicks) -> tallies.add(ClickTally.of(code, clicks)));
        counters.addAll(batch.id(), tallies);
        return tallies.size();
    }
}
