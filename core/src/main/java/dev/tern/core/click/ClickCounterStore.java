package dev.tern.core.click;

import dev.tern.core.link.ShortCode;

/**
 * Where click counts are kept: per link, a total and per-day counters (clicks, referrer hosts,
 * countries, visitor classes). Implementations: {@code DynamoDbClickCounterStore} and an in-memory
 * one in the testkit.
 */
public interface ClickCounterStore {

    /**
     * Adds a batch's tally for one link, exactly once per ({@code batchId}, link): applying the same
     * pair again (a retried batch) changes nothing. Atomic: the tally is applied whole or not at all.
     */
    void add(String batchId, ClickTally tally);

    /** Every click counted for the link so far. */
    long total(ShortCode code);
}
