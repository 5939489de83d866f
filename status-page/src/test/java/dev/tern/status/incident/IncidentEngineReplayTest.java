package dev.tern.status.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
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
import org.junit.jupiter.api.Test;

class IncidentEngineReplayTest {
    private static final List<Region> REGIONS = List.of(ProbeScenario.EU, ProbeScenario.US);

    @Test
    void replay_ofStoredRounds_givesTheSameIncidentsAsLiveRounds() {
        MutableClock clock = new MutableClock(ProbeScenario.START);
        IncidentEngine live = new IncidentEngine(StatusPolicy.defaults(), REGIONS, clock);
        InMemoryProbeResultStore store = new InMemoryProbeResultStore();
        for (int m = 0; m < 8; m++) {
            Instant minute = ProbeScenario.minute(m);
            clock.advance(Duration.between(clock.instant(), minute.plusSeconds(30)));
            for (Region from : REGIONS) {
                List<ProbeResult> results = new ArrayList<>();
                for (Region target : REGIONS) {
                    for (Component c : Component.values()) {
                        boolean down = m >= 2 && m < 5 && target.equals(ProbeScenario.US);
                        results.add(new ProbeResult(from, target, c, minute.plusSeconds(1),
                                down ? Outcome.FAIL : Outcome.PASS, 30, down ? "HTTP 500" : ""));
                    }
                }
                ProbeRound round = new ProbeRound(from, minute, results);
                live.apply(round);
                store.save(round);
            }
        }

        IncidentEngine replayed = IncidentEngine.replay(StatusPolicy.defaults(), REGIONS, clock, store, List.of());

        assertThat(replayed.snapshot()).isEqualTo(live.snapshot());
        assertThat(replayed.snapshot().incidents()).singleElement()
                .satisfies(i -> assertThat(i.resolvedAt()).contains(ProbeScenario.minute(5)));
    }
}
