package dev.tern.status.incident;

import dev.tern.core.status.Region;
import java.util.Set;

/**
 * The verdict on one cell for one minute and why.
 *
 * @param verdict the verdict
 * @param failingRegions the probing regions that saw a failure
 * @param medianLatencyMillis median latency of the passing probes, or -1 when none passed
 * @param detail a short explanation for people, e.g. {@code "HTTP 503 seen from eu-west-1, us-east-1"}
 */
public record Judgement(Verdict verdict, Set<Region> failingRegions, long medianLatencyMillis,
        String detail) {

    public Judgement {
        failingRegions = Set.copyOf(failingRegions);
    }
}
