package dev.tern.status.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.Region;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns an {@link EngineState} into bytes and back, for an {@code EngineCheckpointStore}: gzipped JSON
 * with a format version, so a checkpoint written by another version is recognised and replaced by a
 * replay rather than misread. 90 days × 30 cells of counters gzip to a few tens of KB.
 */
public final class EngineStateCodec {
    /** Bumped whenever the layout changes; a checkpoint of another version is ignored. */
    static final int VERSION = 1;

    private final ObjectMapper json = new ObjectMapper();

    /** The state as gzipped JSON. */
    public byte[] encode(EngineState state) {
        ObjectNode root = json.createObjectNode();
        root.put("v", VERSION);
        state.judgedThrough().ifPresent(t -> root.put("judgedThrough", t.toString()));
        root.put("lateRounds", state.lateRounds());
        ObjectNode cells = root.putObject("cells");
        state.cells().forEach((cell, s) -> {
            ObjectNode n = cells.putObject(key(cell));
            n.put("confirmed", s.confirmed().name());
            s.candidate().ifPresent(c -> n.put("candidate", c.name()));
            n.put("streak", s.streak());
            s.streakStart().ifPresent(t -> n.put("streakStart", t.toString()));
        });
        ObjectNode current = root.putObject("current");
        state.current().forEach((cell, s) -> current.putObject(key(cell)).put("status", s.status().name()).put("detail", s.detail()));
        ObjectNode history = root.putObject("history");
        state.history().forEach((cell, days) -> {
            ObjectNode n = history.putObject(key(cell));
            days.forEach((day, d) -> n.putArray(day.toString()).add(d.upMinutes()).add(d.degradedMinutes())
                    .add(d.downMinutes()).add(d.maintenanceMinutes()).add(d.latencySumMillis()).add(d.latencyCount()));
        });
        ArrayNode incidents = root.putArray("incidents");
        for (EngineState.IncidentState i : state.incidents()) {
            ObjectNode n = incidents.addObject();
            n.put("id", i.id());
            n.put("startedAt", i.startedAt().toString());
            i.resolvedAt().ifPresent(t -> n.put("resolvedAt", t.toString()));
            n.put("impact", i.impact().name());
            ArrayNode affected = n.putArray("affected");
            i.affected().forEach(c -> affected.add(key(c)));
            ObjectNode levels = n.putObject("levels");
            i.levels().forEach((c, s) -> levels.put(key(c), s.name()));
            ArrayNode updates = n.putArray("updates");
            for (IncidentUpdate u : i.updates()) {
                updates.addObject().put("at", u.at().toString()).put("status", u.status().name()).put("body", u.body())
                        .put("byOperator", u.byOperator());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write an engine checkpoint", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The state in {@code bytes}, or empty when they are not a checkpoint of this version (another
     * version, or damaged): the caller then replays, which is always correct.
     */
    public Optional<EngineState> decode(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            JsonNode root = json.readTree(in);
            if (root == null || root.path("v").asInt() != VERSION) {
                return Optional.empty();
            }
            return Optional.of(read(root));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static EngineState read(JsonNode root) {
        Map<Cell, EngineState.CellState> cells = new HashMap<>();
        root.path("cells").properties().forEach(e -> {
            JsonNode n = e.getValue();
            cells.put(cell(e.getKey()), new EngineState.CellState(ComponentStatus.valueOf(n.path("confirmed").asText()),
                    text(n, "candidate").map(ComponentStatus::valueOf), n.path("streak").asInt(),
                    text(n, "streakStart").map(Instant::parse)));
        });
        Map<Cell, CellStatus> current = new HashMap<>();
        root.path("current").properties().forEach(e -> current.put(cell(e.getKey()),
                new CellStatus(ComponentStatus.valueOf(e.getValue().path("status").asText()), e.getValue().path("detail").asText())));
        Map<Cell, SortedMap<LocalDate, DayStats>> history = new HashMap<>();
        root.path("history").properties().forEach(e -> {
            SortedMap<LocalDate, DayStats> days = new TreeMap<>();
            e.getValue().properties().forEach(d -> {
                JsonNode a = d.getValue();
                days.put(LocalDate.parse(d.getKey()), new DayStats(a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt(),
                        a.get(3).asInt(), a.get(4).asLong(), a.get(5).asInt()));
            });
            history.put(cell(e.getKey()), days);
        });
        List<EngineState.IncidentState> incidents = new ArrayList<>();
        for (JsonNode n : root.path("incidents")) {
            List<Cell> affected = new ArrayList<>();
            n.path("affected").forEach(c -> affected.add(cell(c.asText())));
            Map<Cell, ComponentStatus> levels = new HashMap<>();
            n.path("levels").properties().forEach(e -> levels.put(cell(e.getKey()), ComponentStatus.valueOf(e.getValue().asText())));
            List<IncidentUpdate> updates = new ArrayList<>();
            for (JsonNode u : n.path("updates")) {
                updates.add(new IncidentUpdate(Instant.parse(u.path("at").asText()), IncidentStatus.valueOf(u.path("status").asText()),
                        u.path("body").asText(), u.path("byOperator").asBoolean()));
            }
            incidents.add(new EngineState.IncidentState(n.path("id").asText(), Instant.parse(n.path("startedAt").asText()),
                    text(n, "resolvedAt").map(Instant::parse), Impact.valueOf(n.path("impact").asText()), affected, levels, updates));
        }
        return new EngineState(text(root, "judgedThrough").map(Instant::parse), root.path("lateRounds").asInt(), cells, current,
                history, incidents);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String key(Cell cell) {
        return cell.component().id() + "@" + cell.region().code();
    }

    private static Cell cell(String key) {
        int at = key.lastIndexOf('@');
        return new Cell(Component.fromId(key.substring(0, at)), Region.of(key.substring(at + 1)));
    }
}
