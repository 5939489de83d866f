package dev.tern.status.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Region;
import dev.tern.status.incident.ComponentStatus;
import dev.tern.status.incident.Incident;
import dev.tern.status.incident.IncidentUpdate;
import dev.tern.status.incident.StatusSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Statuspage v2 JSON feeds ({@code /api/v2/*.json}), so tools that read Atlassian Statuspage pages
 * read Tern's. Components are the five components (each across every region) and, as component groups,
 * one group per region holding its five cells.
 *
 * <p>Statuspage has no "unknown" status. A cell without data is reported as {@code degraded_performance}
 * (never {@code operational}), its description says "No data", and each component carries Tern's own
 * field {@code tern_status} with {@code no_data}; readers that do not know the field ignore it.
 */
final class StatuspageFeeds {
    private static final int INCIDENT_LIMIT = 50;
    private final ObjectMapper json;

    StatuspageFeeds(ObjectMapper json) {
        this.json = json;
    }

    /** Path (under the site root) → JSON document. */
    Map<String, ObjectNode> documents(StatusView view) {
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        ObjectNode summary = page(view);
        summary.set("components", components(view));
        summary.set("incidents", incidents(view, view.snapshot().unresolvedIncidents()));
        summary.set("scheduled_maintenances", maintenances(view, true));
        summary.set("status", status(view.snapshot()));
        docs.put("api/v2/summary.json", summary);

        ObjectNode status = page(view);
        status.set("status", status(view.snapshot()));
        docs.put("api/v2/status.json", status);

        ObjectNode components = page(view);
        components.set("components", components(view));
        docs.put("api/v2/components.json", components);

        ObjectNode incidents = page(view);
        incidents.set("incidents", incidents(view,
                view.snapshot().incidents().stream().limit(INCIDENT_LIMIT).toList()));
        docs.put("api/v2/incidents.json", incidents);

        ObjectNode unresolved = page(view);
        unresolved.set("incidents", incidents(view, view.snapshot().unresolvedIncidents()));
        docs.put("api/v2/incidents/unresolved.json", unresolved);

        ObjectNode maintenances = page(view);
        maintenances.set("scheduled_maintenances", maintenances(view, false));
        docs.put("api/v2/scheduled-maintenances.json", maintenances);
        return docs;
    }

    /** Statuspage's wording of the page indicator for the worst status. */
    static String description(ComponentStatus overall) {
        return switch (overall) {
            case OPERATIONAL -> "All Systems Operational";
            case DEGRADED_PERFORMANCE -> "Minor Service Outage";
            case NO_DATA -> "No Data From Some Probes";
            case PARTIAL_OUTAGE -> "Partial System Outage";
            case MAJOR_OUTAGE -> "Major System Outage";
            case UNDER_MAINTENANCE -> "Service Under Maintenance";
        };
    }

    /** {@code none}, {@code minor}, {@code major}, {@code critical} or {@code maintenance}. */
    static String indicator(ComponentStatus overall) {
        return switch (overall) {
            case OPERATIONAL -> "none";
            case DEGRADED_PERFORMANCE, NO_DATA -> "minor";
            case PARTIAL_OUTAGE -> "major";
            case MAJOR_OUTAGE -> "critical";
            case UNDER_MAINTENANCE -> "maintenance";
        };
    }

    /** The Statuspage component status for {@code status}: no data is degraded, never operational. */
    static String statuspageStatus(ComponentStatus status) {
        return status == ComponentStatus.NO_DATA ? ComponentStatus.DEGRADED_PERFORMANCE.id() : status.id();
    }

    private ObjectNode page(StatusView view) {
        ObjectNode root = json.createObjectNode();
        ObjectNode page = root.putObject("page");
        page.put("id", view.page().id());
        page.put("name", view.page().name());
        page.put("url", view.page().url().toString());
        page.put("time_zone", "Etc/UTC");
        page.put("updated_at", view.snapshot().asOf().toString());
        return root;
    }

    private ObjectNode status(StatusSnapshot s) {
        ObjectNode status = json.createObjectNode();
        status.put("indicator", indicator(s.overallStatus()));
        status.put("description", description(s.overallStatus()));
        return status;
    }

    private ArrayNode components(StatusView view) {
        StatusSnapshot s = view.snapshot();
        ArrayNode out = json.createArrayNode();
        int position = 1;
        for (Component c : s.components()) {
            out.add(component(view, c.id(), c.displayName(), s.componentStatus(c), position++, null,
                    "Checked in " + String.join(", ", s.regions().stream().map(Region::code).toList()), List.of()));
        }
        for (Region r : s.regions()) {
            String groupId = "region-" + r.code();
            List<String> children = new ArrayList<>();
            for (Component c : s.components()) {
                children.add(cellId(new Cell(c, r)));
            }
            out.add(component(view, groupId, "Region " + r.code(), s.regionStatus(r), position++, null,
                    "Every component in " + r.code(), children));
            for (Component c : s.components()) {
                Cell cell = new Cell(c, r);
                out.add(component(view, cellId(cell), c.displayName() + " (" + r.code() + ")", s.status(cell).status(),
                        position++, groupId, s.status(cell).detail(), List.of()));
            }
        }
        return out;
    }

    static String cellId(Cell cell) {
        return cell.component().id() + "@" + cell.region().code();
    }

    private ObjectNode component(StatusView view, String id, String name, ComponentStatus status, int position,
            String groupId, String description, List<String> children) {
        ObjectNode c = json.createObjectNode();
        c.put("id", id);
        c.put("name", name);
        c.put("status", statuspageStatus(status));
        c.put("tern_status", status.id());
        c.put("created_at", view.page().since().toString());
        c.put("updated_at", view.snapshot().asOf().toString());
        c.put("position", position);
        c.put("description", status == ComponentStatus.NO_DATA ? "No data: " + description : description);
        c.put("showcase", groupId == null);
        c.put("start_date", LocalDate.ofInstant(view.page().since(), ZoneOffset.UTC).toString());
        c.put("group_id", groupId);
        c.put("page_id", view.page().id());
        c.put("group", !children.isEmpty());
        c.put("only_show_if_degraded", false);
        if (!children.isEmpty()) {
            ArrayNode ids = c.putArray("components");
            children.forEach(ids::add);
        }
        return c;
    }

    private ArrayNode incidents(StatusView view, List<Incident> incidents) {
        ArrayNode out = json.createArrayNode();
        for (Incident i : incidents) {
            ObjectNode n = out.addObject();
            n.put("id", i.id());
            n.put("name", i.title());
            n.put("status", i.status().id());
            n.put("created_at", i.updates().getFirst().at().toString());
            n.put("updated_at", i.updatedAt().toString());
            n.putNull("monitoring_at");
            n.put("resolved_at", i.resolvedAt().map(Instant::toString).orElse(null));
            n.put("impact", i.impact().id());
            n.put("shortlink", view.page().resolve("#incident-" + i.id()).toString());
            n.put("started_at", i.startedAt().toString());
            n.put("page_id", view.page().id());
            ArrayNode updates = n.putArray("incident_updates");
            List<IncidentUpdate> list = i.updates();
            for (int k = list.size() - 1; k >= 0; k--) {
                IncidentUpdate u = list.get(k);
                ObjectNode un = updates.addObject();
                un.put("id", i.id() + "-" + (k + 1));
                un.put("status", u.status().id());
                un.put("body", u.body());
                un.put("incident_id", i.id());
                un.put("created_at", u.at().toString());
                un.put("updated_at", u.at().toString());
                un.put("display_at", u.at().toString());
                un.putNull("affected_components");
            }
            n.set("components", affectedComponents(view, i.affected()));
        }
        return out;
    }

    private ArrayNode affectedComponents(StatusView view, Set<Cell> cells) {
        ArrayNode out = json.createArrayNode();
        cells.stream().sorted().forEach(cell -> out.add(component(view, cellId(cell),
                cell.component().displayName() + " (" + cell.region().code() + ")",
                view.snapshot().status(cell).status(), 0, "region-" + cell.region().code(),
                view.snapshot().status(cell).detail(), List.of())));
        return out;
    }

    private ArrayNode maintenances(StatusView view, boolean activeOrUpcomingOnly) {
        Instant now = view.snapshot().asOf();
        ArrayNode out = json.createArrayNode();
        for (OperatorAction.Maintenance m : view.snapshot().maintenances()) {
            boolean completed = !m.until().isAfter(now);
            if (activeOrUpcomingOnly && completed) {
                continue;
            }
            String status = completed ? "completed" : m.from().isAfter(now) ? "scheduled" : "in_progress";
            ObjectNode n = out.addObject();
            n.put("id", m.id());
            n.put("name", m.title());
            n.put("status", status);
            n.put("created_at", m.announcedAt().toString());
            n.put("updated_at", (completed ? m.until() : m.announcedAt()).toString());
            n.putNull("monitoring_at");
            n.put("resolved_at", completed ? m.until().toString() : null);
            n.put("impact", "maintenance");
            n.put("shortlink", view.page().url().toString());
            n.put("started_at", m.from().toString());
            n.put("page_id", view.page().id());
            ObjectNode update = n.putArray("incident_updates").addObject();
            update.put("id", m.id() + "-1");
            update.put("status", "scheduled");
            update.put("body", m.title());
            update.put("incident_id", m.id());
            update.put("created_at", m.announcedAt().toString());
            update.put("updated_at", m.announcedAt().toString());
            update.put("display_at", m.announcedAt().toString());
            update.putNull("affected_components");
            ArrayNode comps = n.putArray("components");
            for (Component c : m.components().isEmpty() ? view.snapshot().components() : m.components().stream().sorted().toList()) {
                for (Region r : m.regions().isEmpty() ? view.snapshot().regions() : m.regions().stream().sorted().toList()) {
                    Cell cell = new Cell(c, r);
                    comps.add(component(view, cellId(cell), c.displayName() + " (" + r.code() + ")",
                            view.snapshot().status(cell).status(), 0, "region-" + r.code(),
                            view.snapshot().status(cell).detail(), List.of()));
                }
            }
            n.put("scheduled_for", m.from().toString());
            n.put("scheduled_until", m.until().toString());
        }
        return out;
    }
}
