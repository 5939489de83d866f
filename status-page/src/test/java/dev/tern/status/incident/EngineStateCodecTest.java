package dev.tern.status.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
import dev.tern.core.status.EngineCheckpointStore;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.testkit.MutableClock;
import dev.tern.testkit.status.InMemoryEngineCheckpointStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineStateCodecTest {
    private static final List<Region> REGIONS = List.of(ProbeScenario.EU, ProbeScenario.US, ProbeScenario.AP);
    private final EngineStateCodec codec = new EngineStateCodec();

    @Test
    void decode_ofEncode_isTheSameState_withIncidentsNotesAndHistory() {
        MutableClock clock = new MutableClock(ProbeScenario.START);
        IncidentEngine engine = new IncidentEngine(StatusPolicy.defaults(), REGIONS, clock);
        engine.apply(new OperatorAction.Note("x", ProbeScenario.minute(4), "Looking into it", Optional.empty()));
        for (int m = 0; m < 11; m++) {
            clock.advance(Duration.between(clock.instant(), ProbeScenario.minute(m).plusSeconds(30)));
            for (Region from : REGIONS) {
                engine.apply(IncidentEngineCheckpointTest.round(from, m));
            }
        }
        EngineState state = engine.checkpoint();

        assertThat(codec.decode(codec.encode(state))).contains(state);
    }

    @Test
    void decode_ofSomethingElse_isEmpty_soTheCallerReplays() {
        assertThat(codec.decode("not gzip".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.decode(new byte[0])).isEmpty();
    }

    @Test
    void encode_ofNinetyDaysOfSixRegions_fitsACheckpointStore() {
        List<Region> six = List.of(Region.of("eu-west-1"), Region.of("eu-central-1"), Region.of("us-east-1"),
                Region.of("us-west-2"), Region.of("ap-southeast-2"), Region.of("ap-northeast-1"));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        IncidentEngine engine = new IncidentEngine(StatusPolicy.defaults(), six, clock);
        // One round an hour is enough to touch every cell's counters on every day.
        for (int hour = 0; hour < 90 * 24; hour += 6) {
            Instant minute = start.plus(Duration.ofHours(hour));
            clock.advance(Duration.between(clock.instant(), minute.plusSeconds(30)));
            for (Region from : six) {
                List<ProbeResult> results = new ArrayList<>();
                for (Region target : six) {
                    for (Component c : Component.values()) {
                        results.add(new ProbeResult(from, target, c, minute.plusSeconds(1), Outcome.PASS, 30 + hour % 17, ""));
                    }
                }
                engine.apply(new ProbeRound(from, minute, results));
            }
        }
        EngineState state = engine.checkpoint();

        byte[] bytes = codec.encode(state);

        assertThat(bytes.length).isLessThan(EngineCheckpointStore.MAX_BYTES);
        assertThat(codec.decode(bytes)).contains(state);
    }

    @Test
    void checkpointedStore_keepsTheStateThroughTheBytesPort() {
        CheckpointedEngineStateStore store = new CheckpointedEngineStateStore(new InMemoryEngineCheckpointStore());
        EngineState state = new EngineState(Optional.of(ProbeScenario.minute(3)), 2, java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), List.of());

        assertThat(store.load()).isEmpty();
        store.save(state);

        assertThat(store.load()).contains(state);
    }
}
