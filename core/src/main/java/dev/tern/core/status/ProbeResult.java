package dev.tern.core.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * One check of one component in one region, made from one region.
 *
 * @param probingRegion where the probe ran
 * @param targetRegion the region whose component was checked
 * @param component what was checked
 * @param time when the request started
 * @param outcome pass, fail or timeout
 * @param latencyMillis time to the answer (or to the time limit, for a timeout)
 * @param detail a short human-readable explanation, e.g. {@code "HTTP 503"}; empty when it passed
 */
public record ProbeResult(
        Region probingRegion,
        Region targetRegion,
        Component component,
        Instant time,
        Outcome outcome,
        long latencyMillis,
        String detail) {

    /** The order of {@link ProbeResultStore#results}: minute, probing region, target region, component. */
    public static final Comparator<ProbeResult> ORDER = Comparator.comparing(ProbeResult::minute)
            .thenComparing(ProbeResult::probingRegion)
            .thenComparing(ProbeResult::targetRegion)
            .thenComparing(ProbeResult::component);

    public ProbeResult {
        Objects.requireNonNull(probingRegion, "probingRegion");
        Objects.requireNonNull(targetRegion, "targetRegion");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative, was " + latencyMillis);
        }
    }

    /** The minute of {@link #time()}: the probe run this result belongs to. */
    public Instant minute() {
        return time.truncatedTo(ChronoUnit.MINUTES);
    }
}
