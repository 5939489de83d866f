package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tern.store.DynamoDbIdempotencyStore;
import dev.tern.store.DynamoDbIdempotencyStore.SweepPage;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Deletes expired Idempotency-Key records, page by page: what DynamoDB's TTL does on an MREC table
 * and nothing does on an MRSC one (no TTL there; see {@code docs/adr/2026-11-23-links-consistency.md}).
 * Run hourly by an EventBridge schedule; the event itself carries nothing it needs.
 *
 * <p>It stops early when the invocation has less than {@value #RESERVE_MILLIS} ms left, and the next
 * run starts over from the table's beginning: the records already deleted are gone, so every run makes
 * progress, and overlapping or repeated runs delete nothing twice (each delete is conditional on the
 * record still being expired). A store failure is thrown, so the invocation counts as an error and
 * the schedule's next run tries again. One JSON line reports each run.
 */
public final class IdempotencySweepHandler implements RequestHandler<Map<String, Object>, String> {
    /** Records examined per page (one Scan of at most this many, then a conditional delete each). */
    static final int PAGE_SIZE = 500;
    /** Time kept back for the last page and the report: a page of deletes takes well under this. */
    static final long RESERVE_MILLIS = 20_000;

    private final DynamoDbIdempotencyStore records;
    private final int pageSize;
    private final Consumer<String> log;

    /** The Lambda entry point: the idempotency table named by the environment, in {@code TERN_LINKS_WRITE_REGION} when set. */
    public IdempotencySweepHandler() {
        this(DynamoDbStores.open(StoreSettings.fromEnv(System.getenv()), "sweeper").idempotency(), PAGE_SIZE,
                new PrintStream(System.out, true, StandardCharsets.UTF_8)::println);
    }

    IdempotencySweepHandler(DynamoDbIdempotencyStore records, int pageSize, Consumer<String> log) {
        this.records = Objects.requireNonNull(records, "records");
        this.pageSize = pageSize;
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public String handleRequest(Map<String, Object> scheduledEvent, Context context) {
        LongSupplier remaining = context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis();
        return sweep(remaining).toString();
    }

    /**
     * What one run did.
     *
     * @param pages    pages swept
     * @param examined records examined
     * @param deleted  expired records deleted
     * @param complete whether the run reached the table's end (rather than stopping for time)
     */
    record Outcome(int pages, long examined, long deleted, boolean complete) {
        String toJson() {
            return "{\"level\":\"INFO\",\"op\":\"idempotency-sweep\",\"pages\":" + pages + ",\"examined\":" + examined
                    + ",\"deleted\":" + deleted + ",\"complete\":" + complete + "}";
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    Outcome sweep(LongSupplier remainingMillis) {
        int pages = 0;
        long examined = 0;
        long deleted = 0;
        Optional<String> start = Optional.empty();
        boolean complete = false;
        while (remainingMillis.getAsLong() > RESERVE_MILLIS) {
            SweepPage page = records.sweepExpired(start, pageSize);
            pages++;
            examined += page.examined();
            deleted += page.deleted();
            start = page.nextStart();
            if (start.isEmpty()) {
                complete = true;
                break;
            }
        }
        Outcome outcome = new Outcome(pages, examined, deleted, complete);
        log.accept(outcome.toJson());
        return outcome;
    }
}
