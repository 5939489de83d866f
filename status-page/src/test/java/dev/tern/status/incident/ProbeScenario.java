package dev.tern.status.incident;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Drives an {@link IncidentEngine} minute by minute with a clock that only moves when told: every
 * probing region checks every cell, and a rule decides each probe's outcome.
 */
final class ProbeScenario {
    static final Region EU = Region.of("eu-west-1");
    static final Region US = Region.of("us-east-1");
    static final Region AP = Region.of("ap-southeast-2");
    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    static final long FAST_MILLIS = 40;

    /** The outcome of a probe from a region of a cell; anything not a failure passes fast. */
    interface Rule extends BiFunction<Region, Cell, Outcome> {}

    static final Rule ALL_PASS = (from, cell) -> Outcome.PASS;

    final MutableClock clock = new MutableClock(START);
    final List<Region> regions;
    final IncidentEngine engine;
    private int minute;

    ProbeScenario(StatusPolicy policy, Region... regions) {
        this.regions = List.of(regions);
        this.engine = new IncidentEngine(policy, this.regions, clock);
    }

    ProbeScenario() {
        this(StatusPolicy.defaults(), EU, US, AP);
    }

    /** The instant of minute {@code n} of the scenario. */
    static Instant minute(int n) {
        return START.plus(Duration.ofMinutes(n));
    }

    /** {@code count} minutes in which every region reports, by {@code rule}. */
    ProbeScenario run(int count, Rule rule) {
        return run(count, rule, (from, cell) -> FAST_MILLIS, regions);
    }

    /** {@code count} minutes in which only {@code reporting} report. */
    ProbeScenario run(int count, Rule rule, BiFunction<Region, Cell, Long> latency, List<Region> reporting) {
        for (int i = 0; i < count; i++) {
            Instant at = minute(minute);
            clock.advance(Duration.between(clock.instant(), at.plusSeconds(20)));
            for (Region from : reporting) {
                List<ProbeResult> results = new ArrayList<>();
                for (Component c : Component.values()) {
                    for (Region target : regions) {
                        Cell cell = new Cell(c, target);
                        Outcome outcome = rule.apply(from, cell);
                        results.add(new ProbeResult(from, target, c, at.plusSeconds(2), outcome,
                                outcome == Outcome.TIMEOUT ? 5000 : latency.apply(from, cell),
                                outcome == Outcome.FAIL ? "HTTP 503" : ""));
                    }
                }
                engine.apply(new ProbeRound(from, at, results));
            }
            minute++;
        }
        return this;
    }

    /** {@code count} minutes in which no region reports. */
    ProbeScenario silence(int count) {
        minute += count;
        clock.advance(Duration.between(clock.instant(), minute(minute).plusSeconds(20)));
        return this;
    }

    /** A snapshot once every minute run so far has settled. */
    StatusSnapshot settledSnapshot() {
        clock.advance(Duration.between(clock.instant(), minute(minute)));
        return engine.snapshot();
    }

    /** A rule failing {@code cell}'s probes from every region. */
    static Rule failing(Component component, Region region) {
        return (from, cell) -> cell.component() == component && cell.region().equals(region) ? Outcome.FAIL : Outcome.PASS;
    }
}
