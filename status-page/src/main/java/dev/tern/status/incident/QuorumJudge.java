package dev.tern.status.incident;

import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The quorum rule for one cell and one minute: down only when enough probing regions agree. A failure
 * seen from one region alone says more about that region's probe (or its network) than about the
 * target, so it does not count as down.
 */
final class QuorumJudge {
    private QuorumJudge() {}

    /**
     * Judges {@code results}, all of one cell and one minute.
     *
     * @param required how many probing regions must see a failure for the minute to be down
     */
    static Judgement judge(List<ProbeResult> results, int required, Duration degradedAbove) {
        if (results.isEmpty()) {
            return new Judgement(Verdict.NO_DATA, Set.of(), -1, "no probe reported");
        }
        TreeMap<Region, String> failures = new TreeMap<>();
        Set<Region> passing = new TreeSet<>();
        List<Long> passingLatencies = new ArrayList<>();
        for (ProbeResult r : results) {
            if (r.outcome().isFailure()) {
                failures.putIfAbsent(r.probingRegion(), r.outcome().name().toLowerCase(Locale.ROOT)
                        + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
            } else {
                passing.add(r.probingRegion());
                passingLatencies.add(r.latencyMillis());
            }
        }
        passing.removeAll(failures.keySet());
        if (failures.size() >= required) {
            return new Judgement(Verdict.DOWN, failures.keySet(), median(passingLatencies),
                    "failing from " + describe(failures));
        }
        if (passing.isEmpty()) {
            return new Judgement(Verdict.NO_DATA, failures.keySet(), -1,
                    "failing from " + describe(failures) + " only; quorum of " + required + " regions not met");
        }
        long median = median(passingLatencies);
        String suspect = failures.isEmpty() ? ""
                : "; failing from " + describe(failures) + " alone (quorum not met, that probe is suspect)";
        if (median > degradedAbove.toMillis()) {
            return new Judgement(Verdict.DEGRADED, failures.keySet(), median,
                    "median response " + median + " ms, above " + degradedAbove.toMillis() + " ms" + suspect);
        }
        return new Judgement(Verdict.UP, failures.keySet(), median, "median response " + median + " ms" + suspect);
    }

    private static String describe(TreeMap<Region, String> failures) {
        List<String> parts = new ArrayList<>();
        failures.forEach((region, what) -> parts.add(region + ": " + what));
        return String.join(", ", parts);
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
