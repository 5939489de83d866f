package dev.tern.core.status;

import java.util.Objects;

/**
 * What one check found, before it becomes a {@link ProbeResult}.
 *
 * @param outcome pass, fail or timeout
 * @param latencyMillis how long the check took
 * @param detail why it failed, or a note (e.g. replication lag); empty when there is nothing to say
 */
public record Measurement(Outcome outcome, long latencyMillis, String detail) {
    public Measurement {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** A check that passed in {@code latencyMillis}. */
    public static Measurement pass(long latencyMillis) {
        return new Measurement(Outcome.PASS, latencyMillis, "");
    }

    /** A check that got a wrong answer. */
    public static Measurement fail(long latencyMillis, String why) {
        return new Measurement(Outcome.FAIL, latencyMillis, why);
    }
}
