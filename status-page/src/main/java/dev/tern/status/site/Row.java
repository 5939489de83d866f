package dev.tern.status.site;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.Region;
import dev.tern.status.incident.ComponentStatus;
import dev.tern.status.incident.DayStats;
import dev.tern.status.incident.Incident;
import dev.tern.status.incident.StatusSnapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One row of 90 day bars: a component across its regions, or a region across its components. A row's
 * day sums the minutes of its cells.
 */
record Row(String id, String name, ComponentStatus status, Set<Cell> cells, List<Day> days) {

    /** One day of a row. */
    record Day(LocalDate date, DayStats stats, int incidents) {}

    static List<Row> all(StatusSnapshot snapshot, int dayCount) {
        List<Row> rows = new ArrayList<>();
        for (Component c : snapshot.components()) {
            Set<Cell> cells = Set.copyOf(snapshot.regions().stream().map(r -> new Cell(c, r)).toList());
            rows.add(row(c.id(), c.displayName(), snapshot.componentStatus(c), cells, snapshot, dayCount));
        }
        for (Region r : snapshot.regions()) {
            Set<Cell> cells = Set.copyOf(snapshot.components().stream().map(c -> new Cell(c, r)).toList());
            rows.add(row("region-" + r.code(), "Region " + r.code(), snapshot.regionStatus(r), cells, snapshot, dayCount));
        }
        return rows;
    }

    private static Row row(String id, String name, ComponentStatus status, Set<Cell> cells, StatusSnapshot snapshot,
            int dayCount) {
        LocalDate today = LocalDate.ofInstant(snapshot.asOf(), ZoneOffset.UTC);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(dayCount - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            DayStats sum = DayStats.EMPTY;
            for (Cell cell : cells) {
                sum = sum.plus(snapshot.day(cell, d));
            }
            var from = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            var to = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            int incidents = (int) snapshot.incidents().stream()
                    .filter(i -> i.overlaps(from, to) && touches(i, cells))
                    .count();
            days.add(new Day(d, sum, incidents));
        }
        return new Row(id, name, status, cells, days);
    }

    private static boolean touches(Incident incident, Set<Cell> cells) {
        return incident.affected().stream().anyMatch(cells::contains);
    }

    /** The row's uptime over all its days, empty without observed minutes. */
    OptionalDouble uptime() {
        DayStats total = days.stream().map(Day::stats).reduce(DayStats.EMPTY, DayStats::plus);
        return total.uptime();
    }
}
