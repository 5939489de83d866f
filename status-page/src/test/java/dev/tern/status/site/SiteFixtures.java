package dev.tern.status.site;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Region;
import dev.tern.status.incident.CellStatus;
import dev.tern.status.incident.ComponentStatus;
import dev.tern.status.incident.DayStats;
import dev.tern.status.incident.Impact;
import dev.tern.status.incident.Incident;
import dev.tern.status.incident.IncidentUpdate;
import dev.tern.status.incident.StatusPolicy;
import dev.tern.status.incident.StatusSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Status views with 90 days of history, built directly (the engine's own tests cover how they arise). */
final class SiteFixtures {
    static final Instant AS_OF = Instant.parse("2026-11-23T12:00:00Z");
    static final String HOSTILE_NOTE = "Rolled back <script>alert('x')</script> & \"fixed\" it";
    static final StatusPage PAGE = new StatusPage("tern-test", "Tern", URI.create("https://status.example.test/"),
            Instant.parse("2026-08-01T00:00:00Z"));
    static final List<Region> THREE_REGIONS =
            List.of(Region.of("ap-southeast-2"), Region.of("eu-west-1"), Region.of("us-east-1"));

    private SiteFixtures() {}

    /**
     * 90 days for every cell of {@code regions}: the first five days without data, a maintenance day,
     * short outages and slow days spread over the rest, {@code incidentCount} incidents (the newest
     * unresolved, with a hostile operator note), and one cell down now.
     */
    static StatusView ninetyDays(List<Region> regions, int incidentCount) {
        LocalDate today = LocalDate.parse("2026-11-23");
        Map<Cell, SortedMap<LocalDate, DayStats>> history = new HashMap<>();
        Map<Cell, CellStatus> current = new HashMap<>();
        for (Component c : Component.values()) {
            for (int r = 0; r < regions.size(); r++) {
                Cell cell = new Cell(c, regions.get(r));
                TreeMap<LocalDate, DayStats> days = new TreeMap<>();
                for (int d = 5; d < 90; d++) {
                    int down = d % 17 == 3 ? 12 : d % 29 == 7 ? 300 : 0;
                    int degraded = d % 11 == 5 ? 30 : 0;
                    int maintenance = d == 40 ? 60 : 0;
                    int up = 1440 - down - degraded - maintenance;
                    long latency = 40 + 30L * r + d % 7;
                    days.put(today.minusDays(89 - d),
                            new DayStats(up, degraded, down, maintenance, latency * (up + degraded), up + degraded));
                }
                history.put(cell, days);
                current.put(cell, new CellStatus(ComponentStatus.OPERATIONAL, "median response 41 ms"));
            }
        }
        Cell broken = new Cell(Component.REDIRECT, regions.getFirst());
        current.put(broken, new CellStatus(ComponentStatus.MAJOR_OUTAGE, "failing from every region: fail (HTTP 503)"));

        List<Incident> incidents = new ArrayList<>();
        for (int k = 0; k < incidentCount; k++) {
            Instant start = AS_OF.minus(Duration.ofDays(7L * k)).minus(Duration.ofMinutes(30));
            boolean newest = k == 0;
            List<IncidentUpdate> updates = new ArrayList<>();
            updates.add(new IncidentUpdate(start.plusSeconds(60), IncidentStatus.INVESTIGATING,
                    broken.describe() + ": major outage since " + start + ", confirmed for 2 consecutive minutes.", false));
            updates.add(new IncidentUpdate(start.plusSeconds(300), IncidentStatus.IDENTIFIED, HOSTILE_NOTE, true));
            if (!newest) {
                updates.add(new IncidentUpdate(start.plusSeconds(1200), IncidentStatus.RESOLVED,
                        broken.describe() + " recovered. This incident is resolved.", false));
            }
            incidents.add(new Incident("2026" + k, "Outage: Redirects in " + broken.region(), Impact.MAJOR, start,
                    newest ? Optional.empty() : Optional.of(start.plusSeconds(1140)), Set.of(broken), updates));
        }
        List<OperatorAction.Maintenance> maintenances = List.of(
                new OperatorAction.Maintenance("mw-old", "Table class change", Set.of(Component.DATABASE), Set.of(),
                        AS_OF.minus(Duration.ofDays(49)), AS_OF.minus(Duration.ofDays(49)).plusSeconds(3600),
                        AS_OF.minus(Duration.ofDays(55))),
                new OperatorAction.Maintenance("mw-next", "Runtime upgrade <Java 25>", Set.of(), Set.of(regions.getLast()),
                        AS_OF.plus(Duration.ofDays(2)), AS_OF.plus(Duration.ofDays(2)).plusSeconds(1800), AS_OF));
        StatusSnapshot snapshot = new StatusSnapshot(AS_OF, Optional.of(AS_OF.minusSeconds(120)),
                List.of(Component.values()), regions, current, incidents, maintenances, history);
        return new StatusView(PAGE, StatusPolicy.defaults(), snapshot);
    }
}
