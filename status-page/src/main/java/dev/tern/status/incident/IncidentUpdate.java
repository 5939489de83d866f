package dev.tern.status.incident;

import dev.tern.core.status.IncidentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an incident's timeline.
 *
 * @param at when it happened (for automatic updates, the minute the rule decided)
 * @param status the incident's status from this update on
 * @param body what happened, for people (plain text: escaped wherever it is shown)
 * @param byOperator whether an operator wrote it (otherwise the rules did)
 */
public record IncidentUpdate(Instant at, IncidentStatus status, String body, boolean byOperator) {
    public IncidentUpdate {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
    }
}
