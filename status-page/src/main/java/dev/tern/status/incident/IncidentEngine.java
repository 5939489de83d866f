package dev.tern.status.incident;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns probe rounds into cell states, daily history and incidents, deterministically: the same rounds,
 * actions and clock give the same snapshot in every region, so every region's page agrees without
 * sharing any state but the stored results.
 *
 * <p>Minutes are judged in order, each once: as soon as every probing region has reported it, or
 * {@link StatusPolicy#settleDelay()} after it ended, whichever comes first (a round arriving later is
 * ignored and counted in {@link #lateRounds()}). For each cell a minute is down when enough probing regions
 * saw it fail ({@link StatusPolicy#agreeingRegions()}); the cell's confirmed state changes only after
 * {@link StatusPolicy#consecutiveRuns()} minutes agree. Down minutes always count in the day's history,
 * however short. One incident is open at a time: it opens when a cell's confirmed state becomes down or
 * degraded, records every change as an update, and resolves when every affected cell is confirmed
 * operational again.
 *
 * <p>Not thread-safe: one engine per generator run.
 */
public final class IncidentEngine {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INCIDENT_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    private static final int HISTORY_DAYS = 90;

    private final StatusPolicy policy;
    private final List<Region> regions;
    private final List<Component> components = List.of(Component.values());
    private final Clock clock;
    private final int required;

    private final TreeMap<Instant, Map<Region, ProbeRound>> pending = new TreeMap<>();
    private Instant lastJudged;
    private int lateRounds;

    private final Map<Cell, CellMachine> machines = new TreeMap<>();
    private final Map<Cell, CellStatus> current = new HashMap<>();
    private final Map<Cell, TreeMap<LocalDate, DayStats>> history = new HashMap<>();
    private final List<OpenIncident> incidents = new ArrayList<>();
    private final List<OperatorAction.Note> notes = new ArrayList<>();
    private final List<OperatorAction.Maintenance> maintenances = new ArrayList<>();

    /**
     * @param policy the rules
     * @param regions every region: each probes every other and is probed by every other
     * @param clock decides which minutes are settled
     */
    public IncidentEngine(StatusPolicy policy, List<Region> regions, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.regions = List.copyOf(new TreeSet<>(regions));
        if (this.regions.isEmpty()) {
            throw new IllegalArgumentException("The status engine needs at least one region");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.required = Math.min(policy.agreeingRegions(), this.regions.size());
        for (Component c : components) {
            for (Region r : this.regions) {
                machines.put(new Cell(c, r), new CellMachine());
            }
        }
    }

    /**
     * Replays the stored results of the 90 days before the clock's time into a new engine, after
     * {@code actions} (maintenance windows must be known before the minutes they cover are judged).
     */
    public static IncidentEngine replay(StatusPolicy policy, List<Region> regions, Clock clock, ProbeResultStore store,
            List<? extends OperatorAction> actions) {
        IncidentEngine engine = new IncidentEngine(policy, regions, clock);
        actions.forEach(engine::apply);
        engine.catchUp(store, clock.instant().minus(Duration.ofDays(HISTORY_DAYS)));
        return engine;
    }

    /**
     * Resumes from {@code state} (a {@link #checkpoint()} of an engine with the same policy and regions):
     * applies {@code actions}, then replays only the stored results after the state's last judged minute.
     * Without a judged minute in the state, this is {@link #replay}.
     */
    public static IncidentEngine resume(StatusPolicy policy, List<Region> regions, Clock clock, EngineState state,
            ProbeResultStore store, List<? extends OperatorAction> actions) {
        if (state.judgedThrough().isEmpty()) {
            return replay(policy, regions, clock, store, actions);
        }
        IncidentEngine engine = new IncidentEngine(policy, regions, clock);
        actions.forEach(engine::apply);
        engine.restore(state);
        engine.catchUp(store, engine.lastJudged.plus(1, ChronoUnit.MINUTES));
        return engine;
    }

    /** Reads the stored rounds from {@code from} to now, then judges. */
    private void catchUp(ProbeResultStore store, Instant from) {
        Map<String, List<ProbeResult>> rounds = new LinkedHashMap<>();
        for (ProbeResult r : store.results(from, clock.instant())) {
            rounds.computeIfAbsent(r.probingRegion() + "@" + r.minute(), k -> new ArrayList<>()).add(r);
        }
        // Buffer everything before judging: with the clock at the end, judging round by round would
        // settle each minute on the first region's round and call the others late.
        rounds.values().forEach(results -> buffer(ProbeRound.of(results)));
        settle();
    }

    /**
     * The judged state, to be stored and given to {@link #resume} next time: every minute settled by the
     * clock is judged first; rounds still waiting for their minute are not included (resume reads them
     * again from the store). History and resolved incidents older than 90 days are left out.
     */
    public EngineState checkpoint() {
        settle();
        LocalDate firstDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(HISTORY_DAYS - 1);
        Instant oldest = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Cell, EngineState.CellState> cells = new HashMap<>();
        machines.forEach((cell, m) -> cells.put(cell, new EngineState.CellState(m.confirmed.status,
                Optional.ofNullable(m.candidate).map(l -> l.status), m.streak, Optional.ofNullable(m.streakStart))));
        Map<Cell, SortedMap<LocalDate, DayStats>> days = new HashMap<>();
        history.forEach((cell, byDay) -> days.put(cell, Collections.unmodifiableSortedMap(new TreeMap<>(byDay.tailMap(firstDay)))));
        List<EngineState.IncidentState> kept = new ArrayList<>();
        for (OpenIncident i : incidents) {
            if (i.resolvedAt == null || i.resolvedAt.isAfter(oldest)) {
                Map<Cell, ComponentStatus> levels = new HashMap<>();
                i.levels.forEach((cell, level) -> levels.put(cell, level.status));
                kept.add(new EngineState.IncidentState(i.id, i.startedAt, Optional.ofNullable(i.resolvedAt), i.impact,
                        List.copyOf(i.affected), levels, i.updates));
            }
        }
        return new EngineState(Optional.ofNullable(lastJudged), lateRounds, cells, current, days, kept);
    }

    private void restore(EngineState state) {
        lastJudged = state.judgedThrough().orElseThrow();
        lateRounds = state.lateRounds();
        state.cells().forEach((cell, s) -> {
            CellMachine m = machines.get(cell);
            if (m == null) {
                return; // a region no longer deployed
            }
            m.confirmed = Level.of(s.confirmed());
            m.candidate = s.candidate().map(Level::of).orElse(null);
            m.streak = s.streak();
            m.streakStart = s.streakStart().orElse(null);
        });
        current.putAll(state.current());
        state.history().forEach((cell, byDay) -> history.put(cell, new TreeMap<>(byDay)));
        for (EngineState.IncidentState i : state.incidents()) {
            OpenIncident incident = new OpenIncident(i.id(), i.startedAt());
            incident.resolvedAt = i.resolvedAt().orElse(null);
            incident.impact = i.impact();
            incident.affected.addAll(i.affected());
            i.levels().forEach((cell, status) -> incident.levels.put(cell, Level.of(status)));
            incident.updates.addAll(i.updates());
            incidents.add(incident);
        }
    }

    /** Takes in one region's round; minutes that are now settled are judged. */
    public void apply(ProbeRound round) {
        buffer(round);
        settle();
    }

    private void buffer(ProbeRound round) {
        if (lastJudged != null && !round.minute().isAfter(lastJudged)) {
            lateRounds++;
            return;
        }
        pending.computeIfAbsent(round.minute(), m -> new TreeMap<>()).put(round.probingRegion(), round);
    }

    /** Takes in an operator's note or maintenance window. */
    public void apply(OperatorAction action) {
        switch (action) {
            case OperatorAction.Note note -> notes.add(note);
            case OperatorAction.Maintenance window -> {
                maintenances.removeIf(m -> m.id().equals(window.id()));
                maintenances.add(window);
                maintenances.sort(Comparator.comparing(OperatorAction.Maintenance::from));
            }
        }
    }

    /** Rounds that arrived after their minute had been judged, and were ignored. */
    public int lateRounds() {
        return lateRounds;
    }

    /** The page's state now: judges every settled minute first. */
    public StatusSnapshot snapshot() {
        settle();
        Instant now = clock.instant();
        LocalDate firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(HISTORY_DAYS - 1);
        Map<Cell, SortedMap<LocalDate, DayStats>> days = new HashMap<>();
        history.forEach((cell, byDay) -> days.put(cell, Collections.unmodifiableSortedMap(new TreeMap<>(byDay.tailMap(firstDay)))));
        Instant oldest = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Incident> shown = new ArrayList<>();
        for (int i = incidents.size() - 1; i >= 0; i--) {
            Incident incident = incidents.get(i).toIncident(notes);
            if (incident.overlaps(oldest, Instant.MAX)) {
                shown.add(incident);
            }
        }
        return new StatusSnapshot(now, Optional.ofNullable(lastJudged), components, regions, current, shown,
                maintenances, days);
    }

    private void settle() {
        Instant now = clock.instant();
        if (lastJudged == null) {
            if (pending.isEmpty()) {
                return;
            }
            lastJudged = pending.firstKey().minus(1, ChronoUnit.MINUTES);
        }
        while (true) {
            Instant next = lastJudged.plus(1, ChronoUnit.MINUTES);
            Map<Region, ProbeRound> reported = pending.getOrDefault(next, Map.of());
            boolean everyoneReported = reported.keySet().containsAll(regions);
            boolean timeIsUp = !now.isBefore(next.plus(1, ChronoUnit.MINUTES).plus(policy.settleDelay()));
            if (!everyoneReported && !timeIsUp) {
                return;
            }
            pending.remove(next);
            judge(next, reported);
            lastJudged = next;
        }
    }

    private void judge(Instant minute, Map<Region, ProbeRound> reported) {
        Map<Cell, List<ProbeResult>> byCell = new HashMap<>();
        for (ProbeRound round : reported.values()) {
            for (ProbeResult r : round.results()) {
                byCell.computeIfAbsent(new Cell(r.component(), r.targetRegion()), c -> new ArrayList<>()).add(r);
            }
        }
        LocalDate day = LocalDate.ofInstant(minute, ZoneOffset.UTC);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Cell, CellMachine> e : machines.entrySet()) {
            Cell cell = e.getKey();
            Judgement judgement = withMaintenance(cell, minute, QuorumJudge.judge(byCell.getOrDefault(cell, List.of()),
                    required, policy.degradedAbove(cell.component())));
            history.computeIfAbsent(cell, c -> new TreeMap<>()).merge(day, DayStats.EMPTY.count(judgement),
                    (old, one) -> old.count(judgement));
            CellMachine machine = e.getValue();
            Optional<Level> change = machine.observe(judgement.verdict(), minute, policy.consecutiveRuns());
            change.ifPresent(level -> changes.add(new Change(cell, level, machine.streakStart, judgement.detail())));
            current.put(cell, new CellStatus(shown(machine.confirmed, judgement.verdict()), judgement.detail()));
        }
        // Worse news first, so a cell recovering in the same minute another fails cannot resolve the incident.
        for (Level level : List.of(Level.DOWN, Level.DEGRADED, Level.OPERATIONAL)) {
            List<Change> same = changes.stream().filter(c -> c.level == level).toList();
            if (!same.isEmpty()) {
                onChanges(level, same, minute);
            }
        }
    }

    /** Cells whose confirmed level changed to the same level in the same minute: one timeline update. */
    private void onChanges(Level level, List<Change> changes, Instant minute) {
        OpenIncident open = incidents.isEmpty() || incidents.getLast().resolvedAt != null ? null : incidents.getLast();
        String runs = policy.consecutiveRuns() + " consecutive minute" + (policy.consecutiveRuns() == 1 ? "" : "s");
        Instant since = changes.stream().map(Change::streakStart).min(Instant::compareTo).orElseThrow();
        if (level == Level.OPERATIONAL) {
            if (open == null) {
                return;
            }
            changes.forEach(c -> open.levels.put(c.cell, Level.OPERATIONAL));
            boolean allWell = open.levels.values().stream().allMatch(l -> l == Level.OPERATIONAL);
            String recovered = "Recovered at " + MINUTE.format(since) + ": " + describe(changes, false) + ".";
            if (allWell) {
                open.resolvedAt = since;
                open.updates.add(new IncidentUpdate(minute, IncidentStatus.RESOLVED, recovered
                        + " Every affected component has been operational for " + runs + "; this incident is resolved.", false));
            } else {
                open.updates.add(new IncidentUpdate(minute, open.status(), recovered, false));
            }
            return;
        }
        OpenIncident incident = open;
        if (incident == null) {
            incident = new OpenIncident(INCIDENT_ID.format(since), since);
            incidents.add(incident);
        }
        for (Change c : changes) {
            incident.levels.put(c.cell, level);
            incident.affected.add(c.cell);
        }
        incident.impact = worse(incident.impact, impactNow(incident));
        incident.updates.add(new IncidentUpdate(minute, incident.status(), "Confirmed "
                + level.status.label().toLowerCase(Locale.ROOT) + " since " + MINUTE.format(since) + ", for " + runs
                + ": " + describe(changes, true) + ".", false));
    }

    /** "eu-west-1: Redirects, REST API (failing from …); us-east-1: Database (…)". */
    private static String describe(List<Change> changes, boolean withDetail) {
        Map<Region, List<Change>> byRegion = new TreeMap<>();
        changes.forEach(c -> byRegion.computeIfAbsent(c.cell.region(), r -> new ArrayList<>()).add(c));
        List<String> parts = new ArrayList<>();
        byRegion.forEach((region, list) -> parts.add(region + ": "
                + String.join(", ", list.stream().map(c -> c.cell.component().displayName()).toList())
                + (withDetail ? " (" + list.getFirst().detail + ")" : "")));
        return String.join("; ", parts);
    }

    /** A cell's confirmed level changed. */
    private record Change(Cell cell, Level level, Instant streakStart, String detail) {}

    /** Inside a planned window, whatever the probes saw is maintenance (unless nothing was seen at all). */
    private Judgement withMaintenance(Cell cell, Instant minute, Judgement judgement) {
        if (judgement.verdict() == Verdict.NO_DATA) {
            return judgement;
        }
        return maintenances.stream()
                .filter(m -> m.covers(cell, minute))
                .findFirst()
                .map(m -> new Judgement(Verdict.MAINTENANCE, judgement.failingRegions(), judgement.medianLatencyMillis(),
                        "planned maintenance: " + m.title()))
                .orElse(judgement);
    }

    private static ComponentStatus shown(Level confirmed, Verdict latest) {
        return switch (latest) {
            case NO_DATA -> ComponentStatus.NO_DATA;
            case MAINTENANCE -> ComponentStatus.UNDER_MAINTENANCE;
            default -> confirmed.status;
        };
    }

    private Impact impactNow(OpenIncident open) {
        Impact impact = Impact.NONE;
        for (Component c : components) {
            long down = regions.stream().filter(r -> open.levels.get(new Cell(c, r)) == Level.DOWN).count();
            boolean degraded = regions.stream().anyMatch(r -> open.levels.get(new Cell(c, r)) == Level.DEGRADED);
            Impact here = down == regions.size() ? Impact.CRITICAL : down > 0 ? Impact.MAJOR : degraded ? Impact.MINOR : Impact.NONE;
            impact = worse(impact, here);
        }
        return impact;
    }

    private static Impact worse(Impact a, Impact b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A cell's confirmed level. */
    private enum Level {
        OPERATIONAL(ComponentStatus.OPERATIONAL),
        DEGRADED(ComponentStatus.DEGRADED_PERFORMANCE),
        DOWN(ComponentStatus.MAJOR_OUTAGE);

        final ComponentStatus status;

        Level(ComponentStatus status) {
            this.status = status;
        }

        static Level of(ComponentStatus status) {
            for (Level level : values()) {
                if (level.status == status) {
                    return level;
                }
            }
            throw new IllegalArgumentException("Not a confirmed state of a cell: " + status.id());
        }
    }

    /** The N-consecutive-runs rule for one cell. */
    private static final class CellMachine {
        Level confirmed = Level.OPERATIONAL;
        Level candidate;
        int streak;
        Instant streakStart;

        /** The new confirmed level, when this minute completes a streak that changes it. */
        Optional<Level> observe(Verdict verdict, Instant minute, int needed) {
            Level seen = switch (verdict) {
                case UP -> Level.OPERATIONAL;
                case DEGRADED -> Level.DEGRADED;
                case DOWN -> Level.DOWN;
                // Nothing known, or failures excused by a planned window: neither confirms nor clears.
                case NO_DATA, MAINTENANCE -> null;
            };
            if (seen == null || seen == confirmed) {
                candidate = null;
                streak = 0;
                return Optional.empty();
            }
            if (seen == candidate) {
                streak++;
            } else {
                candidate = seen;
                streak = 1;
                streakStart = minute;
            }
            if (streak >= needed) {
                confirmed = seen;
                candidate = null;
                streak = 0;
                return Optional.of(seen);
            }
            return Optional.empty();
        }
    }

    /** The mutable form of an incident while the engine runs. */
    private static final class OpenIncident {
        final String id;
        final Instant startedAt;
        Instant resolvedAt;
        Impact impact = Impact.NONE;
        final Set<Cell> affected = new LinkedHashSet<>();
        final Map<Cell, Level> levels = new TreeMap<>();
        final List<IncidentUpdate> updates = new ArrayList<>();

        OpenIncident(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        IncidentStatus status() {
            return updates.isEmpty() ? IncidentStatus.INVESTIGATING : updates.getLast().status();
        }

        Incident toIncident(List<OperatorAction.Note> notes) {
            List<IncidentUpdate> timeline = new ArrayList<>(updates);
            for (OperatorAction.Note note : notes) {
                if (note.incidentId().equals(id)) {
                    timeline.add(new IncidentUpdate(note.at(), IncidentStatus.INVESTIGATING, note.body(), true));
                }
            }
            timeline.sort(Comparator.comparing(IncidentUpdate::at));
            // Statuses follow the timeline: a note may move the status on; automatic updates keep the
            // latest status until the rules resolve the incident.
            List<IncidentUpdate> withStatus = new ArrayList<>();
            IncidentStatus status = IncidentStatus.INVESTIGATING;
            for (IncidentUpdate u : timeline) {
                if (u.status() == IncidentStatus.RESOLVED) {
                    status = IncidentStatus.RESOLVED;
                } else if (u.byOperator()) {
                    status = noteStatus(notes, u).orElse(status);
                }
                withStatus.add(new IncidentUpdate(u.at(), status, u.body(), u.byOperator()));
            }
            Map<Component, Set<Region>> byComponent = new EnumMap<>(Component.class);
            affected.forEach(c -> byComponent.computeIfAbsent(c.component(), k -> new TreeSet<>()).add(c.region()));
            List<String> parts = new ArrayList<>();
            byComponent.forEach((c, rs) -> parts.add(c.displayName() + " in " + String.join(", ", rs.stream().map(Region::code).toList())));
            String kind = impact == Impact.MINOR ? "Degraded performance" : "Outage";
            return new Incident(id, kind + ": " + String.join("; ", parts), impact, startedAt,
                    Optional.ofNullable(resolvedAt), affected, withStatus);
        }

        private Optional<IncidentStatus> noteStatus(List<OperatorAction.Note> notes, IncidentUpdate u) {
            return notes.stream()
                    .filter(n -> n.incidentId().equals(id) && n.at().equals(u.at()) && n.body().equals(u.body()))
                    .findFirst()
                    .flatMap(OperatorAction.Note::status);
        }
    }
}
