package dev.tern.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where probe rounds are kept, for the quorum rules and the 90-day history of the status page.
 *
 * <p>Every implementation guarantees:
 *
 * <ul>
 *   <li><b>Rounds are idempotent.</b> A round is identified by (probing region, minute). Saving a round
 *       whose identity was already saved replaces the earlier one entirely, so a schedule that fires
 *       twice, or a retried write, never counts a result twice.
 *   <li><b>Rounds are atomic for readers.</b> A read sees either all results of a round or none.
 *   <li><b>Reads cover a half-open range</b> {@code [from, to)} of result minutes and return every
 *       result of every probing region in it, ordered by minute, then probing region, then target
 *       region, then component.
 *   <li><b>Retention.</b> Results are kept at least {@link #RETENTION} after their minute; after that
 *       they may disappear (the DynamoDB adapter sets a TTL attribute of minute + 90 days). Nothing
 *       is removed earlier.
 *   <li><b>Across regions</b> a read may lag behind writes made in other regions (global tables
 *       replicate asynchronously); the quorum rules treat a missing round as "no data", never as up.
 *   <li>A store that cannot answer throws {@code dev.tern.core.error.StoreUnavailableException}.
 * </ul>
 */
public interface ProbeResultStore {
    /** How long results are kept at least: the 90 days the page shows. */
    Duration RETENTION = Duration.ofDays(90);

    /** Saves {@code round}, replacing a round of the same probing region and minute. */
    void save(ProbeRound round);

    /** Every result whose minute is in {@code [from, to)}, in the order described above. */
    List<ProbeResult> results(Instant from, Instant to);
}
