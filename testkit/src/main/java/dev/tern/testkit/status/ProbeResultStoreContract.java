package dev.tern.testkit.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProbeResultStore} does (see its Javadoc). The DynamoDB adapter's IT extends this
 * class too. Each test uses minutes of its own, so one store may serve every test of a class.
 */
public abstract class ProbeResultStoreContract {
    protected static final Region EU = Region.of("eu-west-1");
    protected static final Region US = Region.of("us-east-1");
    protected static final Region AP = Region.of("ap-southeast-2");

    /** The store under test. */
    protected abstract ProbeResultStore store();

    /** A round of {@code from} at {@code minute} checking every component of {@code targets}. */
    protected static ProbeRound round(Region from, Instant minute, Outcome outcome, Region... targets) {
        List<ProbeResult> results = new ArrayList<>();
        for (Region target : targets) {
            for (Component c : Component.values()) {
                results.add(new ProbeResult(from, target, c, minute.plusSeconds(3), outcome, 42,
                        outcome == Outcome.PASS ? "" : "HTTP 503"));
            }
        }
        return new ProbeRound(from, minute, results);
    }

    @Test
    void results_ofSavedRound_areReturnedWhole() {
        Instant minute = Instant.parse("2026-01-01T10:00:00Z");
        store().save(round(EU, minute, Outcome.PASS, EU, US));

        List<ProbeResult> read = store().results(minute, minute.plusSeconds(60));

        assertThat(read).hasSize(2 * Component.values().length)
                .allSatisfy(r -> assertThat(r.probingRegion()).isEqualTo(EU));
        assertThat(read).containsExactlyInAnyOrderElementsOf(round(EU, minute, Outcome.PASS, EU, US).results());
    }

    @Test
    void save_sameRegionAndMinuteAgain_replacesTheRound() {
        Instant minute = Instant.parse("2026-01-02T10:00:00Z");
        store().save(round(US, minute, Outcome.PASS, EU, US));
        store().save(round(US, minute, Outcome.FAIL, EU));

        List<ProbeResult> read = store().results(minute, minute.plusSeconds(60));

        assertThat(read).hasSize(Component.values().length)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FAIL));
    }

    @Test
    void results_rangeIsHalfOpen_andOrderedByMinuteThenProbingRegion() {
        Instant start = Instant.parse("2026-01-03T10:00:00Z");
        store().save(round(US, start.plusSeconds(60), Outcome.PASS, EU));
        store().save(round(EU, start.plusSeconds(60), Outcome.PASS, EU));
        store().save(round(AP, start, Outcome.PASS, EU));
        store().save(round(EU, start.plusSeconds(120), Outcome.PASS, EU));
        store().save(round(EU, start.minusSeconds(60), Outcome.PASS, EU));

        List<ProbeResult> read = store().results(start, start.plusSeconds(120));

        assertThat(read.stream().map(r -> r.minute() + " " + r.probingRegion()).distinct())
                .containsExactly(start + " ap-southeast-2",
                        start.plusSeconds(60) + " eu-west-1",
                        start.plusSeconds(60) + " us-east-1");
        assertThat(read).isSortedAccordingTo(ProbeResult.ORDER);
    }

    @Test
    void results_emptyOrBackwardsRange_isEmpty() {
        Instant minute = Instant.parse("2026-01-04T10:00:00Z");
        store().save(round(EU, minute, Outcome.PASS, EU));

        assertThat(store().results(minute, minute)).isEmpty();
        assertThat(store().results(minute.plusSeconds(60), minute)).isEmpty();
    }

    @Test
    void results_eightyNineDaysOld_areStillThere() {
        Instant minute = Instant.parse("2026-01-05T10:00:00Z");
        store().save(round(AP, minute, Outcome.TIMEOUT, US));

        assertThat(store().results(minute, minute.plus(Duration.ofDays(89))))
                .hasSize(Component.values().length)
                .first()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
                    assertThat(r.detail()).isEqualTo("HTTP 503");
                    assertThat(r.latencyMillis()).isEqualTo(42);
                    assertThat(r.time()).isEqualTo(minute.plusSeconds(3));
                });
    }
}
