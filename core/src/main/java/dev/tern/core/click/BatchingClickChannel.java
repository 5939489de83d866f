package dev.tern.core.click;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process click channel: {@link #emit} queues a click without blocking, and one background
 * thread cuts the queue into batches and hands them to a {@link ClickAggregator}, retrying a failed
 * batch (same id, same clicks) until it is applied. Used by {@code local/} and tests in place of the
 * log-subscription channel that AWS provides.
 *
 * <p>Clicks are held in memory until applied: a process that dies loses the clicks still queued
 * (the local platform accepts that; in AWS the log stream is the durable queue).
 */
public final class BatchingClickChannel implements ClickSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BatchingClickChannel.class.getName());
    /** While closing, a failing batch is given up after this many attempts. */
    private static final int ATTEMPTS_WHILE_CLOSING = 5;

    private final ClickAggregator aggregator;
    private final int maxBatchSize;
    private final Duration maxDelay;
    private final Duration maxBackoff;
    /** Clicks, and the {@link FlushMarker}s of {@link #flush} calls, in the order they were offered. */
    private final BlockingQueue<Object> queue;
    private final String idPrefix = "local-" + UUID.randomUUID() + "-";
    private final AtomicLong batchSequence = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final Thread worker;
    private volatile boolean closing;

    /**
     * @param maxBatchSize the most clicks in one batch
     * @param maxDelay     the longest a click waits before its batch is cut
     * @param capacity     the most clicks held; beyond it new clicks are dropped and counted in {@link #dropped()}
     */
    public BatchingClickChannel(ClickAggregator aggregator, int maxBatchSize, Duration maxDelay, int capacity) {
        this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
        if (maxBatchSize < 1 || capacity < 1) {
            throw new IllegalArgumentException("batch size and capacity must be positive");
        }
        this.maxBatchSize = maxBatchSize;
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maximum delay must not be negative");
        }
        this.maxBackoff = Duration.ofSeconds(5);
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform().daemon().name("tern-click-aggregator").unstarted(this::run);
        this.worker.start();
    }

    /**
     * A channel whose batches are cut every second (or at 100,000 clicks). A batch costs a few writes
     * per distinct link whatever its size, so under load the cost of counting follows the number of
     * batches, not of clicks: cutting by time keeps it flat as traffic grows. At 200 ms, counting into
     * DynamoDB Local took half of a 2-core machine's CPU at 8,000 redirects/s (docs/PERFORMANCE.md §2);
     * a click still shows up within about a second, as it does in AWS (seconds).
     */
    public static BatchingClickChannel withDefaults(ClickAggregator aggregator) {
        return new BatchingClickChannel(aggregator, 100_000, Duration.ofSeconds(1), 1_000_000);
    }

    /** Queues the click; never blocks. When the channel is full or closing the click is dropped and counted. */
    @Override
    public void emit(Click click) {
        Objects.requireNonNull(click, "click");
        if (closing || !queue.offer(click)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Waits until every click emitted before this call has been applied. A marker is queued behind
     * those clicks, and the worker cuts its batch when it meets the marker, so flush does not wait for
     * {@code maxDelay}.
     *
     * @return {@code true} if they were applied, {@code false} if {@code timeout} passed first or some
     *     clicks had to be given up while closing
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lostBefore = lost.get();
        FlushMarker marker = new FlushMarker();
        if (!worker.isAlive() || !queue.offer(marker, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return !worker.isAlive() && queue.stream().noneMatch(Click.class::isInstance) && lost.get() == lostBefore;
        }
        while (!marker.done.await(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)),
                TimeUnit.NANOSECONDS)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (!worker.isAlive()) { // closed while waiting, and the marker was never reached
                return queue.stream().noneMatch(Click.class::isInstance) && lost.get() == lostBefore;
            }
        }
        return lost.get() == lostBefore;
    }

    /** Clicks applied so far. */
    public long applied() {
        return applied.get();
    }

    /** Clicks not counted: refused because the channel was full or closing, or given up while closing. */
    public long dropped() {
        return dropped.get();
    }

    /** Batch attempts that failed and were retried. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /**
     * Stops accepting clicks, applies what is queued (a batch that keeps failing is given up after a
     * few attempts), and stops the worker, waiting at most 10 s.
     */
    @Override
    public void close() {
        closing = true;
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class FlushMarker {
        final CountDownLatch done = new CountDownLatch(1);
    }

    private void run() {
        List<Click> batch = new ArrayList<>(maxBatchSize);
        List<FlushMarker> markers = new ArrayList<>();
        boolean more = true;
        while (more) {
            try {
                more = collect(batch, markers);
            } catch (InterruptedException e) {
                // close() wakes the worker; anything else that interrupts it is ignored. What was
                // collected so far is kept and applied.
                more = true;
            }
            if (!batch.isEmpty()) {
                applyUntilDone(new ClickBatch(idPrefix + batchSequence.incrementAndGet(), batch));
                batch = new ArrayList<>(maxBatchSize);
            }
            markers.forEach(marker -> marker.done.countDown());
            markers.clear();
        }
    }

    /**
     * Fills {@code batch} until it is full, {@code maxDelay} has passed since its first click, or a
     * flush marker arrives. Returns {@code false} when closing with nothing left.
     */
    private boolean collect(List<Click> batch, List<FlushMarker> markers) throws InterruptedException {
        Object first = closing ? queue.poll() : queue.take();
        if (first == null) {
            return false;
        }
        if (!add(first, batch, markers)) {
            return true;
        }
        long deadline = System.nanoTime() + maxDelay.toNanos();
        while (batch.size() < maxBatchSize) {
            Object next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closing) {
                    break;
                }
                next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (!add(next, batch, markers)) {
                break;
            }
        }
        return true;
    }

    /** Adds a click to the batch and returns {@code true}; or records a flush marker and returns {@code false}. */
    private static boolean add(Object item, List<Click> batch, List<FlushMarker> markers) {
        if (item instanceof FlushMarker marker) {
            markers.add(marker);
            return false;
        }
        batch.add((Click) item);
        return true;
    }

    private void applyUntilDone(ClickBatch batch) {
        long backoffMillis = 50;
        int attempts = 0;
        while (true) {
            try {
                aggregator.aggregate(batch);
                applied.addAndGet(batch.clicks().size());
                return;
            } catch (RuntimeException e) {
                attempts++;
                failedAttempts.incrementAndGet();
                if (attempts == 1 || attempts % 20 == 0) {
                    LOG.log(System.Logger.Level.WARNING, "click batch " + batch.id() + " failed (attempt " + attempts
                            + "), retrying: " + e);
                }
                if (closing && attempts >= ATTEMPTS_WHILE_CLOSING) {
                    LOG.log(System.Logger.Level.ERROR, "giving up on click batch " + batch.id() + " of "
                            + batch.clicks().size() + " clicks while shutting down");
                    dropped.addAndGet(batch.clicks().size());
                    lost.addAndGet(batch.clicks().size());
                    return;
                }
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
            }
        }
    }

    /** Sleeps; an interrupt (from close()) ends the sleep early and is not kept, so later pauses still wait. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // close() only wakes the worker up; it keeps working until the queue is drained.
        }
    }
}
