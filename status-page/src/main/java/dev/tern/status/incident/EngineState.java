package dev.tern.status.incident;

import dev.tern.core.status.Cell;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What an {@link IncidentEngine} has concluded up to a judged minute: enough to resume without
 * replaying 90 days of results (see {@link IncidentEngine#checkpoint()} and
 * {@link IncidentEngine#resume}). Operator actions are not part of it: they are read from their store
 * each time. A storage adapter may serialise it as it likes; its content is otherwise the engine's
 * business.
 *
 * @param judgedThrough the last minute judged, if any
 * @param lateRounds rounds ignored so far because they came after their minute was judged
 * @param cells each cell's consecutive-runs state
 * @param current each cell's shown state after the last judged minute
 * @param history per cell, the counters of the last 90 days
 * @param incidents incidents of the last 90 days, oldest first, and any still open
 */
public record EngineState(
        Optional<Instant> judgedThrough,
        int lateRounds,
        Map<Cell, CellState> cells,
        Map<Cell, CellStatus> current,
        Map<Cell, SortedMap<LocalDate, DayStats>> history,
        List<IncidentState> incidents) {

    public EngineState {
        cells = Map.copyOf(cells);
        current = Map.copyOf(current);
        history = Map.copyOf(history);
        incidents = List.copyOf(incidents);
    }

    /**
     * A cell's consecutive-runs rule.
     *
     * @param confirmed its confirmed state: operational, degraded performance or major outage
     * @param candidate the state a streak of minutes is heading to, if any
     * @param streak how many consecutive minutes have seen the candidate
     * @param streakStart the first minute of that streak (kept after it ends: an incident's times come from it)
     */
    public record CellState(ComponentStatus confirmed, Optional<ComponentStatus> candidate, int streak,
            Optional<Instant> streakStart) {}

    /**
     * An incident as the rules built it (operator notes are merged when a snapshot is taken).
     *
     * @param id its id
     * @param startedAt the first failing minute
     * @param resolvedAt the first healthy minute, once resolved
     * @param impact the worst impact so far
     * @param affected every cell it touched, in the order they joined
     * @param levels each affected cell's confirmed state as the incident last saw it
     * @param updates the automatic timeline
     */
    public record IncidentState(String id, Instant startedAt, Optional<Instant> resolvedAt, Impact impact,
            List<Cell> affected, Map<Cell, ComponentStatus> levels, List<IncidentUpdate> updates) {
        public IncidentState {
            affected = List.copyOf(affected);
            levels = Map.copyOf(levels);
            updates = List.copyOf(updates);
        }
    }
}
