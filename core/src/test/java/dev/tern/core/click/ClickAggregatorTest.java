package dev.tern.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tern.core.fakes.MapClickCounterStore;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClickAggregatorTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static Click click(String code) {
        return Click.of(new ShortCode(code), AT, null, null, null);
    }

    /** Fails every add for the given links, and passes the rest on. */
    private static final class FailingFor implements ClickCounterStore {
        private final ClickCounterStore next;
        private final Set<String> failing;
        final List<String> attempted = new ArrayList<>();

        FailingFor(ClickCounterStore next, String... failing) {
            this.next = next;
            this.failing = Set.of(failing);
        }

        @Override
        public void add(String batchId, ClickTally tally) {
            attempted.add(tally.code().value());
            if (failing.contains(tally.code().value())) {
                throw new IllegalStateException("store down for " + tally.code());
            }
            next.add(batchId, tally);
        }

        @Override
        public long total(ShortCode code) {
            return next.total(code);
        }

        @Override
        public java.util.SortedMap<java.time.LocalDate, dev.tern.core.click.DayTally> days(ShortCode code, java.time.LocalDate from,
                java.time.LocalDate to) {
            return next.days(code, from, to);
        }
    }

    @Test
    void aggregate_writesOncePerLink_underTheBatchId() {
        MapClickCounterStore store = new MapClickCounterStore();
        ClickBatch batch = new ClickBatch("b-1", List.of(click("a"), click("b"), click("a"), click("c"), click("a")));

        int written = new ClickAggregator(store).aggregate(batch);

        assertThat(written).isEqualTo(3);
        assertThat(store.calls()).hasSize(3).allMatch(call -> call.batchId().equals("b-1"));
        assertThat(store.calls()).extracting(call -> call.tally().code().value()).containsExactly("a", "b", "c");
        assertThat(store.total(new ShortCode("a"))).isEqualTo(3);
        assertThat(store.total(new ShortCode("b"))).isEqualTo(1);
        assertThat(store.total(new ShortCode("c"))).isEqualTo(1);
    }

    @Test
    void aggregate_emptyBatch_writesNothing() {
        MapClickCounterStore store = new MapClickCounterStore();
        assertThat(new ClickAggregator(store).aggregate(new ClickBatch("b-1", List.of()))).isZero();
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void aggregate_failingLink_doesNotStopTheOthers_andTheFailureIsThrownAfterwards() {
        MapClickCounterStore store = new MapClickCounterStore();
        FailingFor failing = new FailingFor(store, "b");
        ClickBatch batch = new ClickBatch("b-1", List.of(click("a"), click("b"), click("c")));

        Throwable thrown = catchThrowable(() -> new ClickAggregator(failing).aggregate(batch));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("b");
        assertThat(failing.attempted).containsExactly("a", "b", "c");
        assertThat(store.total(new ShortCode("a"))).isEqualTo(1);
        assertThat(store.total(new ShortCode("c"))).isEqualTo(1);
    }

    @Test
    void aggregate_severalFailingLinks_throwsTheFirstWithTheOthersSuppressed() {
        FailingFor failing = new FailingFor(new MapClickCounterStore(), "a", "c");
        ClickBatch batch = new ClickBatch("b-1", List.of(click("a"), click("b"), click("c")));

        Throwable thrown = catchThrowable(() -> new ClickAggregator(failing).aggregate(batch));

        assertThat(thrown).hasMessageContaining("store down for a");
        assertThat(thrown.getSuppressed()).hasSize(1);
        assertThat(thrown.getSuppressed()[0]).hasMessageContaining("store down for c");
    }

    @Test
    void aggregate_retriedBatch_isCountedOnce_withAnExactlyOnceStore() {
        MapClickCounterStore store = new MapClickCounterStore();
        ClickBatch batch = new ClickBatch("b-1", List.of(click("a"), click("b"), click("b")));
        FailingFor halfDown = new FailingFor(store, "b");

        assertThatThrownBy(() -> new ClickAggregator(halfDown).aggregate(batch)).isInstanceOf(IllegalStateException.class);
        new ClickAggregator(store).aggregate(batch);
        new ClickAggregator(store).aggregate(batch);

        assertThat(store.total(new ShortCode("a"))).isEqualTo(1);
        assertThat(store.total(new ShortCode("b"))).isEqualTo(2);
    }

    @Test
    void clickBatch_idMustBe1To128Characters_andClicksAreCopied() {
        assertThatThrownBy(() -> new ClickBatch("", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClickBatch("x".repeat(129), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ClickBatch("x".repeat(128), List.of()).id()).hasSize(128);
        List<Click> clicks = new ArrayList<>(List.of(click("a")));
        ClickBatch batch = new ClickBatch("b", clicks);
        clicks.add(click("b"));
        assertThat(batch.clicks()).hasSize(1);
    }
}
