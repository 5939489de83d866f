package dev.tern.status.incident;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything the status page shows, as the engine saw it at {@link #asOf()}. Immutable.
 *
 * @param asOf the engine clock's time when the snapshot was taken
 * @param judgedThrough the last minute judged, if any
 * @param components the components, in page order
 * @param regions the regions, in page order
 * @param current the state of every cell now
 * @param incidents every incident of the last 90 days, newest first
 * @param maintenances every maintenance window known, earliest first
 * @param history per cell, the counters of each of the last 90 days (UTC) that has any
 */
public record StatusSnapshot(
        Instant asOf,
        Optional<Instant> judgedThrough,
        List<Component> components,
        List<Region> regions,
        Map<Cell, CellStatus> current,
        List<Incident> incidents,
        List<OperatorAction.Maintenance> maintenances,
        Map<Cell, SortedMap<LocalDate, DayStats>> history) {

    public StatusSnapshot {
        components = List.copyOf(components);
        regions = List.copyOf(regions);
        current = Map.copyOf(current);
        incidents = List.copyOf(incidents);
        maintenances = List.copyOf(maintenances);
        history = Map.copyOf(history);
    }

    /** The state of {@code cell}, {@link ComponentStatus#NO_DATA} when never judged. */
    public CellStatus status(Cell cell) {
        return current.getOrDefault(cell, new CellStatus(ComponentStatus.NO_DATA, "no probe reported"));
    }

    /** A component across regions: major outage when down everywhere, partial when down somewhere. */
    public ComponentStatus componentStatus(Component component) {
        return combine(regions.stream().map(r -> status(new Cell(component, r)).status()).toList());
    }

    /** A region across components: major outage when everything in it is down, partial when something is. */
    public ComponentStatus regionStatus(Region region) {
        return combine(components.stream().map(c -> status(new Cell(c, region)).status()).toList());
    }

    /** The worst component status on the page. */
    public ComponentStatus overallStatus() {
        return components.stream().map(this::componentStatus).reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worse);
    }

    /** Incidents not resolved yet. */
    public List<Incident> unresolvedIncidents() {
        return incidents.stream().filter(i -> !i.isResolved()).toList();
    }

    /** The counters of {@code cell} on {@code day}, empty counters when nothing was judged. */
    public DayStats day(Cell cell, LocalDate day) {
        SortedMap<LocalDate, DayStats> days = history.get(cell);
        return days == null ? DayStats.EMPTY : days.getOrDefault(day, DayStats.EMPTY);
    }

    private static ComponentStatus combine(List<ComponentStatus> statuses) {
        long down = statuses.stream().filter(s -> s == ComponentStatus.MAJOR_OUTAGE).count();
        if (down > 0) {
            return down == statuses.size() ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.PARTIAL_OUTAGE;
        }
        return statuses.stream().reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worse);
    }
}
