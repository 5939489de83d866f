package dev.tern.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tern.core.fakes.MapClickCounterStore;
import dev.tern.core.link.ShortCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local click channel. Waits are on latches and conditions (with generous limits that only
 * guard against a hang), never fixed sleeps; nothing here asserts how long anything takes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchingClickChannelTest {
    private static final Duration FOREVER = Duration.ofMinutes(10);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final ShortCode A = new ShortCode("a");
    private static final ShortCode B = new ShortCode("b");

    private final MapClickCounterStore store = new MapClickCounterStore();
    private final List<BatchingClickChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(BatchingClickChannel::close);
    }

    private BatchingClickChannel channel(ClickCounterStore counters, int maxBatchSize, Duration maxDelay, int capacity) {
        BatchingClickChannel channel = new BatchingClickChannel(new ClickAggregator(counters), maxBatchSize, maxDelay, capacity);
        channels.add(channel);
        return channel;
    }

    private static Click click(ShortCode code) {
        return Click.of(code, AT, null, null, null);
    }

    /** A store in front of {@link #store} whose behaviour per call a test scripts. */
    private abstract class ScriptedStore implements ClickCounterStore {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> batchIds = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void add(String batchId, ClickTally tally) {
            batchIds.add(batchId);
            onAdd(calls.incrementAndGet(), batchId, tally);
        }

        abstract void onAdd(int call, String batchId, ClickTally tally);

        @Override
        public long total(ShortCode code) {
            return store.total(code);
        }

        @Override
        public java.util.SortedMap<java.time.LocalDate, dev.tern.core.click.DayTally> days(ShortCode code, java.time.LocalDate from,
                java.time.LocalDate to) {
            return store.days(code, from, to);
        }
    }

    @Test
    void flush_returnsOnceEveryEmittedClickIsApplied_withoutWaitingForTheDelay() throws InterruptedException {
        BatchingClickChannel channel = channel(store, 1000, FOREVER, 10_000);
        for (int i = 0; i < 25; i++) {
            channel.emit(click(i % 5 == 0 ? B : A));
        }

        assertThat(channel.flush(PATIENCE)).isTrue();

        assertThat(store.total(A)).isEqualTo(20);
        assertThat(store.total(B)).isEqualTo(5);
        assertThat(channel.applied()).isEqualTo(25);
        assertThat(channel.dropped()).isZero();
    }

    @Test
    void flush_withNothingEmitted_returnsTrue() throws InterruptedException {
        assertThat(channel(store, 10, FOREVER, 10).flush(PATIENCE)).isTrue();
    }

    @Test
    void batch_makesOneWritePerLink() throws InterruptedException {
        BatchingClickChannel channel = channel(store, 1000, FOREVER, 10_000);
        for (int i = 0; i < 10; i++) {
            channel.emit(click(A));
            channel.emit(click(B));
        }
        channel.flush(PATIENCE);

        assertThat(store.calls()).hasSize(2);
        assertThat(store.calls()).extracting(call -> call.tally().total()).containsOnly(10L);
    }

    @Test
    void batches_areCutBySize() throws InterruptedException {
        BatchingClickChannel channel = channel(store, 4, FOREVER, 100);
        for (int i = 0; i < 10; i++) {
            channel.emit(click(A));
        }

        // Two full batches go without any flush; the last two clicks wait for the (endless) delay.
        assertThat(store.awaitGrandTotal(8, PATIENCE.toMillis())).isTrue();
        assertThat(channel.flush(PATIENCE)).isTrue();

        assertThat(store.calls()).extracting(call -> call.tally().total()).containsExactly(4L, 4L, 2L);
        assertThat(store.calls()).extracting(MapClickCounterStore.Call::batchId).doesNotHaveDuplicates();
    }

    @Test
    void batches_areCutByDelay() throws InterruptedException {
        BatchingClickChannel channel = channel(store, 1000, Duration.ofMillis(20), 100);
        channel.emit(click(A));
        channel.emit(click(A));
        channel.emit(click(B));

        // Far below the batch size, and no flush: only the delay can have cut these batches.
        assertThat(store.awaitGrandTotal(3, PATIENCE.toMillis())).as("applied without a flush").isTrue();
        assertThat(store.total(A)).isEqualTo(2);
        assertThat(store.total(B)).isEqualTo(1);
    }

    @Test
    void failingStore_isRetriedWithTheSameBatchId_untilApplied() throws InterruptedException {
        ScriptedStore flaky = new ScriptedStore() {
            @Override
            void onAdd(int call, String batchId, ClickTally tally) {
                if (call <= 3) {
                    throw new IllegalStateException("throttled");
                }
                store.add(batchId, tally);
            }
        };
        BatchingClickChannel channel = channel(flaky, 1000, FOREVER, 100);
        for (int i = 0; i < 5; i++) {
            channel.emit(click(A));
        }

        assertThat(channel.flush(PATIENCE)).isTrue();

        assertThat(store.total(A)).isEqualTo(5);
        assertThat(flaky.batchIds).hasSize(4).containsOnly(flaky.batchIds.get(0));
        assertThat(channel.failedAttempts()).isEqualTo(3);
        assertThat(channel.applied()).isEqualTo(5);
    }

    @Test
    void lostAcknowledgements_areRetried_andAnExactlyOnceStoreCountsEachClickOnce() throws InterruptedException {
        Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ScriptedStore losesAcks = new ScriptedStore() {
            @Override
            void onAdd(int call, String batchId, ClickTally tally) {
                store.add(batchId, tally);
                if (answered.add(batchId + " " + tally.code())) {
                    throw new IllegalStateException("timed out after the write"); // the first answer is always lost
                }
            }
        };
        BatchingClickChannel channel = channel(losesAcks, 3, Duration.ofMillis(5), 1000);
        for (int i = 0; i < 30; i++) {
            channel.emit(click(i % 2 == 0 ? A : B));
        }

        assertThat(channel.flush(PATIENCE)).isTrue();

        assertThat(store.total(A)).isEqualTo(15);
        assertThat(store.total(B)).isEqualTo(15);
        assertThat(channel.failedAttempts()).isPositive();
    }

    @Test
    void manyConcurrentEmitters_withAFlakyStore_countEveryClickExactlyOnce() throws Exception {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ScriptedStore flaky = new ScriptedStore() {
            @Override
            void onAdd(int call, String batchId, ClickTally tally) {
                boolean firstTime = seen.add(batchId + " " + tally.code());
                if (firstTime && Math.floorMod(batchId.hashCode(), 2) == 0) {
                    store.add(batchId, tally); // applied, but the answer is lost
                }
                if (firstTime) {
                    throw new IllegalStateException("first attempt of every write fails");
                }
                store.add(batchId, tally);
            }
        };
        BatchingClickChannel channel = channel(flaky, 500, Duration.ofMillis(10), 100_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> emitters = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                emitters.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        channel.emit(click(i % 3 == 0 ? B : A));
                    }
                }));
            }
            for (Future<?> emitter : emitters) {
                emitter.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(channel.flush(PATIENCE)).isTrue();

        assertThat(store.grandTotal()).isEqualTo(8000);
        assertThat(store.total(B)).isEqualTo(8 * 334);
        assertThat(channel.applied()).isEqualTo(8000);
        assertThat(channel.dropped()).isZero();
    }

    @Test
    void emit_neverBlocks_andCountsDropsWhenFull() throws InterruptedException {
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedStore stuck = new ScriptedStore() {
            @Override
            void onAdd(int call, String batchId, ClickTally tally) {
                inStore.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                store.add(batchId, tally);
            }
        };
        BatchingClickChannel channel = channel(stuck, 1, FOREVER, 2);
        channel.emit(click(A));
        assertThat(inStore.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // The worker is stuck in the store: two clicks fit in the queue, the other three are dropped.
        assertTimeoutPreemptively(PATIENCE, () -> {
            for (int i = 0; i < 5; i++) {
                channel.emit(click(B));
            }
        }, "emit blocked");
        assertThat(channel.dropped()).isEqualTo(3);

        release.countDown();
        assertThat(channel.flush(PATIENCE)).isTrue();
        assertThat(store.total(A)).isEqualTo(1);
        assertThat(store.total(B)).isEqualTo(2);
        assertThat(channel.applied()).isEqualTo(3);
    }

    @Test
    void flush_whileTheStoreHangs_givesUpAtTheTimeout() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedStore hanging = new ScriptedStore() {
            @Override
            void onAdd(int call, String batchId, ClickTally tally) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                store.add(batchId, tally);
            }
        };
        BatchingClickChannel channel = channel(hanging, 10, FOREVER, 100);
        channel.emit(click(A));

        assertThat(channel.flush(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(channel.flush(PATIENCE)).isTrue();
        assertThat(store.total(A)).isEqualTo(1);
    }

    @Test
    void close_appliesEverythingQueued_andRefusesLaterClicks() {
        BatchingClickChannel channel = channel(store, 4, FOREVER, 100);
        for (int i = 0; i < 7; i++) {
            channel.emit(click(A));
        }

        channel.close();

        assertThat(store.total(A)).isEqualTo(7);
        assertThat(channel.applied()).isEqualTo(7);
        channel.emit(click(A));
        assertThat(channel.dropped()).isEqualTo(1);
        assertThat(store.total(A)).isEqualTo(7);
    }

    @Test
    void close_withAStoreThatNeverRecovers_givesUpAndCountsTheClicksAsDropped() throws InterruptedException {
        ScriptedStore down = new ScriptedStore() {
            @Override
            void onAdd(int call, String batchId, ClickTally tally) {
                throw new IllegalStateException("down for good");
            }
        };
        BatchingClickChannel channel = channel(down, 100, FOREVER, 100);
        for (int i = 0; i < 3; i++) {
            channel.emit(click(A));
        }

        channel.close();

        assertThat(channel.applied()).isZero();
        assertThat(channel.dropped()).isEqualTo(3);
        assertThat(down.batchIds).hasSizeGreaterThanOrEqualTo(5).containsOnly(down.batchIds.get(0));
    }

    @Test
    void close_wakesAWaitingFlush() throws Exception {
        BatchingClickChannel channel = channel(store, 100, FOREVER, 100);
        channel.emit(click(A));
        channel.close();

        assertThat(channel.flush(PATIENCE)).isTrue();
        assertThat(store.total(A)).isEqualTo(1);
    }

    @Test
    void batchIds_areUniqueAcrossChannels() throws InterruptedException {
        BatchingClickChannel first = channel(store, 1, FOREVER, 10);
        BatchingClickChannel second = channel(store, 1, FOREVER, 10);
        first.emit(click(A));
        second.emit(click(A));
        first.flush(PATIENCE);
        second.flush(PATIENCE);

        Set<String> ids = new HashSet<>();
        store.calls().forEach(call -> ids.add(call.batchId()));
        assertThat(ids).hasSize(2);
        assertThat(store.total(A)).isEqualTo(2);
    }

    @Test
    void badArguments_areRefused() {
        ClickAggregator aggregator = new ClickAggregator(store);
        assertThatThrownBy(() -> new BatchingClickChannel(aggregator, 0, FOREVER, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchingClickChannel(aggregator, 10, FOREVER, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchingClickChannel(aggregator, 10, Duration.ofMillis(-1), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withDefaults_countsClicks() throws InterruptedException {
        BatchingClickChannel channel = BatchingClickChannel.withDefaults(new ClickAggregator(store));
        channels.add(channel);
        channel.emit(click(A));
        assertThat(channel.flush(PATIENCE)).isTrue();
        assertThat(store.total(A)).isEqualTo(1);
    }
}
