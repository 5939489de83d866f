package dev.tern.core.click;

import dev.tern.core.link.ShortCode;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * Where click counts are kept: per link, a total and per-day counters (clicks, referrer hosts,
 * countries, visitor classes). Implementations: {@code DynamoDbClickCounterStore} and an in-memory
 * one in the testkit.
 */
public interface ClickCounterStore {

    /**
     * Batch ids starting with this are remembered for good: applying such a batch again changes
     * nothing however much later it comes (the migration's batches, which an operator may replay
     * months later). Other batch ids are remembered for at least seven days, which covers every retry
     * of the click channel.
     */
    String PERMANENT_BATCH_PREFIX = "migration:";

    /**
     * Adds a batch's tally for one link, exactly once per ({@code batchId}, link): applying the same
     * pair again (a retried batch) changes nothing (see {@link #PERMANENT_BATCH_PREFIX} for how long). Atomic per stored part: a tally spanning many
     * days (migrated history) may be stored in several parts, each applied exactly once.
     */
    void add(String batchId, ClickTally tally);

    /**
     * Adds a whole batch: each tally exactly once per ({@code batchId}, link), as {@link #add} does,
     * but a store may write several links together (the DynamoDB store writes up to a few dozen links
     * in one transaction, which is what keeps counting a broad mix of links cheap). A batch id is given
     * either to {@code add} or to {@code addAll}, not to both: a store may keep their records apart.
     * Every link is attempted even when one fails; then the first failure is thrown (the others
     * suppressed), and the caller retries the whole batch, whose applied links change nothing.
     *
     * <p>This default adds the tallies one by one.
     */
    default void addAll(String batchId, List<ClickTally> tallies) {
        RuntimeException failure = null;
        for (ClickTally tally : tallies) {
            try {
                add(batchId, tally);
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
    }

    /** Every click counted for the link so far. */
    long total(ShortCode code);

    /**
     * The link's counters per UTC day from {@code from} to {@code to}, both included, summed over
     * regions; days without clicks are absent. May lag the latest batches by a moment.
     */
    SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to);

    /**
     * Adds clicks that have no date (a migrated YOURLS link's counter beyond the rows of its click
     * log) to the link's {@link #total}, exactly once per ({@code batchId}, link): applying the same
     * pair again changes nothing. They are in no day of {@link #days}.
     *
     * <p>A default for stores that cannot (test doubles): it throws {@link UnsupportedOperationException}.
     * Every real store overrides it.
     *
     * @param clicks how many (0 or more)
     */
    default void addUndated(String batchId, ShortCode code, long clicks) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot count undated clicks");
    }
}
