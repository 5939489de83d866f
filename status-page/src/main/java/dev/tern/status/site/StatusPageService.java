package dev.tern.status.site;

import dev.tern.core.status.OperatorActionStore;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.status.incident.EngineStateStore;
import dev.tern.status.incident.IncidentEngine;
import dev.tern.status.incident.StatusPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status page's use case, what a scheduled probe function or the local platform calls each minute:
 * keep the round, then regenerate the site from the stored results and operator actions (see
 * docs/adr/2026-11-23-status-page.md for why the state is derived rather than kept). The engine
 * resumes from the region's last checkpoint, so a regeneration reads only the results since then.
 */
public final class StatusPageService {
    private final StatusPage page;
    private final StatusPolicy policy;
    private final List<Region> regions;
    private final ProbeResultStore results;
    private final OperatorActionStore actions;
    private final EngineStateStore checkpoints;
    private final StatusSiteGenerator generator;
    private final Clock clock;

    public StatusPageService(StatusPage page, StatusPolicy policy, List<Region> regions, ProbeResultStore results,
            OperatorActionStore actions, EngineStateStore checkpoints, StatusSiteGenerator generator, Clock clock) {
        this.page = Objects.requireNonNull(page, "page");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.regions = List.copyOf(regions);
        this.results = Objects.requireNonNull(results, "results");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Saves this region's round, then returns the regenerated site. */
    public Map<String, byte[]> record(ProbeRound round) {
        results.save(round);
        return generate();
    }

    /** The site as the stored results and operator actions say now. */
    public Map<String, byte[]> generate() {
        IncidentEngine engine = checkpoints.load()
                .map(state -> IncidentEngine.resume(policy, regions, clock, state, results, actions.all()))
                .orElseGet(() -> IncidentEngine.replay(policy, regions, clock, results, actions.all()));
        Map<String, byte[]> site = generator.generate(new StatusView(page, policy, engine.snapshot()));
        checkpoints.save(engine.checkpoint());
        return site;
    }
}
