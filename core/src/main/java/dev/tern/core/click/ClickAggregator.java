package dev.tern.core.click;

import dev.tern.core.link.ShortCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts a batch of clicks with one write per link: the batch is grouped by link and each link's
 * tally is added under the batch id, so a batch delivered twice is counted once.
 */
public final class ClickAggregator {
    private final ClickCounterStore counters;

    public ClickAggregator(ClickCounterStore counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * Applies the batch. Every link is attempted even when one fails; then the first failure is
     * thrown (with the others suppressed) so the caller retries the whole batch, whose already
     * applied links are skipped by the store.
     *
     * @return how many links were written
     */
    public int aggregate(ClickBatch batch) {
        Map<ShortCode, List<Click>> byLink = new LinkedHashMap<>();
        for (Click click : batch.clicks()) {
            byLink.computeIfAbsent(click.code(), c -> new ArrayList<>()).add(click);
        }
        RuntimeException failure = null;
        int written = 0;
        for (Map.Entry<ShortCode, List<Click>> entry : byLink.entrySet()) {
            try {
                counters.add(batch.id(), ClickTally.of(entry.getKey(), entry.getValue()));
                written++;
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }
}
