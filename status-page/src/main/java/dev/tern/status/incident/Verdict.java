package dev.tern.status.incident;

import dev.tern.core.status.Cell;

/** What one minute says about one {@link Cell}, after the quorum rule and maintenance. */
public enum Verdict {
    /** Passing probes answered within the threshold (a failure seen by too few regions counts here). */
    UP,
    /** Passing, but the median latency passed the component's threshold. */
    DEGRADED,
    /** At least the required number of probing regions saw a failure. */
    DOWN,
    /** A planned maintenance window covered this minute; failures are not held against the cell. */
    MAINTENANCE,
    /** No probe reported, or only failures from fewer regions than the quorum: nothing is known. */
    NO_DATA
}
