package dev.tern.status.incident;

import dev.tern.core.status.Component;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rules that turn probe results into states (see docs/adr/2026-11-23-status-page.md).
 *
 * @param agreeingRegions how many probing regions must see a failure in the same minute before that
 *     minute counts as down (capped at the number of probing regions, so one region can judge itself
 *     on a one-region deployment or on the local platform)
 * @param consecutiveRuns how many consecutive minutes must agree before a component's state changes
 *     (down, degraded, or back to operational), and so before an incident opens or resolves
 * @param degradedAbove per component, the median latency of passing probes above which a minute counts
 *     as degraded
 * @param settleDelay how long after a minute ends it is judged even if not every probing region has
 *     reported (a late round is then ignored; a missing one is "no data")
 */
public record StatusPolicy(
        int agreeingRegions, int consecutiveRuns, Map<Component, Duration> degradedAbove, Duration settleDelay) {

    public StatusPolicy {
        if (agreeingRegions < 1) {
            throw new IllegalArgumentException("agreeingRegions must be at least 1, was " + agreeingRegions);
        }
        if (consecutiveRuns < 1) {
            throw new IllegalArgumentException("consecutiveRuns must be at least 1, was " + consecutiveRuns);
        }
        Objects.requireNonNull(settleDelay, "settleDelay");
        if (settleDelay.isNegative()) {
            throw new IllegalArgumentException("settleDelay must not be negative, was " + settleDelay);
        }
        EnumMap<Component, Duration> thresholds = new EnumMap<>(Component.class);
        thresholds.putAll(defaultThresholds());
        thresholds.putAll(degradedAbove);
        degradedAbove = Map.copyOf(thresholds);
    }

    /** Two regions, two consecutive minutes, the default latency thresholds, one minute to settle. */
    public static StatusPolicy defaults() {
        return new StatusPolicy(2, 2, Map.of(), Duration.ofMinutes(1));
    }

    /** This policy with {@code runs} consecutive runs. */
    public StatusPolicy withConsecutiveRuns(int runs) {
        return new StatusPolicy(agreeingRegions, runs, degradedAbove, settleDelay);
    }

    /** This policy with {@code component}'s degraded threshold set to {@code above}. */
    public StatusPolicy withDegradedAbove(Component component, Duration above) {
        EnumMap<Component, Duration> thresholds = new EnumMap<>(degradedAbove);
        thresholds.put(component, above);
        return new StatusPolicy(agreeingRegions, consecutiveRuns, thresholds, settleDelay);
    }

    /** The latency above which {@code component} is degraded. */
    public Duration degradedAbove(Component component) {
        return degradedAbove.get(component);
    }

    /**
     * Thresholds for a probe's whole request from another continent, so they include one round trip
     * across the world (~300 ms): a redirect is one GetItem, the form and APIs do a little more.
     */
    private static Map<Component, Duration> defaultThresholds() {
        return Map.of(
                Component.REDIRECT, Duration.ofMillis(800),
                Component.API, Duration.ofMillis(1500),
                Component.WEB, Duration.ofMillis(2000),
                Component.YOURLS_API, Duration.ofMillis(1500),
                Component.DATABASE, Duration.ofMillis(500));
    }
}
