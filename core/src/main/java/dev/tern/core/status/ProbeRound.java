package dev.tern.core.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Everything one region's probe found in one run: the results of one probing region, all in the same
 * minute. A round is the unit of storage: saving it again (a retried schedule) replaces it.
 *
 * @param probingRegion the region that ran the probe
 * @param minute the start of the minute of the run (seconds and below are zero)
 * @param results its results; each has this probing region and this minute
 */
public record ProbeRound(Region probingRegion, Instant minute, List<ProbeResult> results) {

    public ProbeRound {
        Objects.requireNonNull(probingRegion, "probingRegion");
        Objects.requireNonNull(minute, "minute");
        results = List.copyOf(results);
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new IllegalArgumentException("A probe round's minute must start a minute, was " + minute);
        }
        for (ProbeResult r : results) {
            if (!r.probingRegion().equals(probingRegion) || !r.minute().equals(minute)) {
                throw new IllegalArgumentException("Result " + r.component().id() + "@" + r.targetRegion()
                        + " from " + r.probingRegion() + " at " + r.time() + " does not belong to the round of "
                        + probingRegion + " at " + minute);
            }
        }
    }

    /** A round of {@code results}, whose probing region and minute they all share (at least one result). */
    public static ProbeRound of(List<ProbeResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("A probe round needs at least one result to know its region and minute");
        }
        ProbeResult first = results.getFirst();
        return new ProbeRound(first.probingRegion(), first.minute(), results);
    }
}
