package dev.tern.local.status;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the local platform runs its status page.
 *
 * @param enabled whether there is a status page at all (tests of other things leave it off: its canary
 *     link would show in their link lists)
 * @param interval how often the probe runs; zero for never by itself (a test then calls
 *     {@link LocalStatusPage#runOnce()})
 * @param consecutiveRuns how many consecutive runs must agree before a component's state changes
 *     (the quorum of regions is one here: the local platform is one region)
 * @param clock the probe's and the incident engine's time (tests step it a minute per run)
 */
public record LocalStatusOptions(boolean enabled, Duration interval, int consecutiveRuns, Clock clock) {
    /** What {@code ./tern run} does unless told otherwise: every 60 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public LocalStatusOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(clock, "clock");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The status interval must not be negative, was " + interval);
        }
        if (consecutiveRuns < 1) {
            throw new IllegalArgumentException("The status page needs at least 1 consecutive run, was " + consecutiveRuns);
        }
    }

    /** No status page. */
    public static LocalStatusOptions off() {
        return new LocalStatusOptions(false, Duration.ZERO, 2, Clock.systemUTC());
    }

    /** A probe every {@code interval} (zero: only when asked), two consecutive runs, the system clock. */
    public static LocalStatusOptions every(Duration interval) {
        return new LocalStatusOptions(true, interval, 2, Clock.systemUTC());
    }

    public LocalStatusOptions withConsecutiveRuns(int runs) {
        return new LocalStatusOptions(enabled, interval, runs, clock);
    }

    public LocalStatusOptions withClock(Clock newClock) {
        return new LocalStatusOptions(enabled, interval, consecutiveRuns, newClock);
    }
}
