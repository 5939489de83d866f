package dev.tern.status.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.testkit.MutableClock;
import dev.tern.testkit.status.InMemoryProbeResultStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentEngineCheckpointTest {
    private static final List<Region> REGIONS = List.of(ProbeScenario.EU, ProbeScenario.US, ProbeScenario.AP);

    /** Minute {@code m}: the database in us-east-1 fails from minute 3 to 6, the redirect in eu-west-1 is slow at 9-10. */
    static ProbeRound round(Region from, int m) {
        Instant minute = ProbeScenario.minute(m);
        List<ProbeResult> results = new ArrayList<>();
        for (Region target : REGIONS) {
            for (Component c : Component.values()) {
                boolean down = m >= 3 && m < 7 && target.equals(ProbeScenario.US) && c == Component.DATABASE;
                boolean slow = (m == 9 || m == 10) && target.equals(ProbeScenario.EU) && c == Component.REDIRECT;
                results.add(new ProbeResult(from, target, c, minute.plusSeconds(1), down ? Outcome.FAIL : Outcome.PASS,
                        slow ? 5_000 : 30, down ? "HTTP 500" : ""));
            }
        }
        return new ProbeRound(from, minute, results);
    }

    @Test
    void resumeFromACheckpoint_atAnyMinute_endsWhereALiveEngineEnds() {
        List<OperatorAction> actions = List.of(
                new OperatorAction.Maintenance("mw", "Patch", Set.of(Component.WEB), Set.of(ProbeScenario.AP),
                        ProbeScenario.minute(12), ProbeScenario.minute(14), ProbeScenario.minute(0)),
                new OperatorAction.Note("20261123-0903", ProbeScenario.minute(5), "Looking", Optional.empty()));
        for (int cut = 0; cut < 16; cut++) {
            MutableClock clock = new MutableClock(ProbeScenario.START);
            InMemoryProbeResultStore store = new InMemoryProbeResultStore();
            IncidentEngine live = new IncidentEngine(StatusPolicy.defaults(), REGIONS, clock);
            actions.forEach(live::apply);
            EngineState saved = null;
            for (int m = 0; m < 16; m++) {
                clock.advance(Duration.between(clock.instant(), ProbeScenario.minute(m).plusSeconds(30)));
                for (Region from : REGIONS) {
                    ProbeRound round = round(from, m);
                    store.save(round);
                    live.apply(round);
                }
                if (m == cut) {
                    saved = IncidentEngine.resume(StatusPolicy.defaults(), REGIONS, clock, emptyState(), store, actions)
                            .checkpoint();
                }
            }

            IncidentEngine resumed = IncidentEngine.resume(StatusPolicy.defaults(), REGIONS, clock, saved, store, actions);

            assertThat(resumed.snapshot()).as("checkpoint after minute " + cut).isEqualTo(live.snapshot());
        }
    }

    @Test
    void checkpoint_ofTheScenario_hasTheResolvedIncidentAndTheOpenOne() {
        MutableClock clock = new MutableClock(ProbeScenario.START);
        IncidentEngine engine = new IncidentEngine(StatusPolicy.defaults(), REGIONS, clock);
        for (int m = 0; m < 11; m++) {
            clock.advance(Duration.between(clock.instant(), ProbeScenario.minute(m).plusSeconds(30)));
            for (Region from : REGIONS) {
                engine.apply(round(from, m));
            }
        }

        EngineState state = engine.checkpoint();

        assertThat(state.judgedThrough()).contains(ProbeScenario.minute(10));
        assertThat(state.incidents()).extracting(EngineState.IncidentState::resolvedAt)
                .containsExactly(Optional.of(ProbeScenario.minute(7)), Optional.empty());
        assertThat(state.cells().get(new Cell(Component.REDIRECT, ProbeScenario.EU)).confirmed())
                .isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
    }

    private static EngineState emptyState() {
        return new EngineState(Optional.empty(), 0, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), List.of());
    }
}
