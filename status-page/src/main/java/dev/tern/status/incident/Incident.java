package dev.tern.status.incident;

import dev.tern.core.status.Cell;
import dev.tern.core.status.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident: opened and resolved by the rules, annotated by operators.
 *
 * @param id stable and derived from its start ({@code 20261123-0912}), so every region names it alike
 * @param title a one-line summary
 * @param impact the worst impact it reached
 * @param startedAt the first minute of the failing streak that opened it
 * @param resolvedAt the first minute of the healthy streak that resolved it, if resolved
 * @param affected every cell that was down or degraded during it
 * @param updates its timeline, oldest first
 */
public record Incident(String id, String title, Impact impact, Instant startedAt, Optional<Instant> resolvedAt,
        Set<Cell> affected, List<IncidentUpdate> updates) {

    public Incident {
        affected = Set.copyOf(affected);
        updates = List.copyOf(updates);
    }

    /** The status of its latest update. */
    public IncidentStatus status() {
        return updates.getLast().status();
    }

    /** Whether it was resolved. */
    public boolean isResolved() {
        return resolvedAt.isPresent();
    }

    /** When it last changed. */
    public Instant updatedAt() {
        return updates.getLast().at();
    }

    /** Whether it was open at some point of {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return startedAt.isBefore(to) && resolvedAt.map(from::isBefore).orElse(true);
    }
}
