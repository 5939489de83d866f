package dev.tern.local.faults;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickAggregator;
import dev.tern.core.click.ClickBatch;
import dev.tern.core.link.ShortCode;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Aggregates a fixed, known series of click batches into DynamoDB, as the click aggregation function
 * does with the batches CloudWatch Logs delivers (and delivers again after a failure). Run as its own
 * JVM by {@link ClickAggregationKillIT}, which kills it with SIGKILL part-way; it prints
 * {@code applied <n>} after each batch so the test knows how far it got.
 *
 * <pre>java -cp ... dev.tern.local.faults.ClickAggregationWorker ENDPOINT TABLE_PREFIX</pre>
 */
public final class ClickAggregationWorker {
    static final int BATCHES = 400;
    static final List<ShortCode> CODES = List.of(new ShortCode("k1"), new ShortCode("k2"), new ShortCode("k3"),
            new ShortCode("k4"), new ShortCode("k5"));
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private ClickAggregationWorker() {
    }

    public static void main(String[] args) {
        try (DynamoDbStores stores = open(URI.create(args[0]), args[1])) {
            aggregateAll(stores, n -> {
                System.out.println("applied " + n);
                System.out.flush();
            });
        }
    }

    static DynamoDbStores open(URI endpoint, String tablePrefix) {
        // A generous call timeout: the machine running the tests is shared and the point here is the kill, not latency.
        return DynamoDbStores.open(new StoreSettings(TableNames.withPrefix(tablePrefix), Optional.of(endpoint), StoreSettings.LOCAL_REGION,
                Duration.ofSeconds(30)), StoreSettings.LOCAL_REGION);
    }

    /** Applies every batch in order, calling {@code applied} with the number of batches done after each. */
    static void aggregateAll(DynamoDbStores stores, IntConsumer applied) {
        ClickAggregator aggregator = new ClickAggregator(stores.stores().clicks());
        for (int i = 0; i < BATCHES; i++) {
            aggregator.aggregate(batch(i));
            applied.accept(i + 1);
        }
    }

    /** Batch {@code i}: (i % 3) + 1 clicks on each code k1..k5. */
    static ClickBatch batch(int i) {
        List<Click> clicks = new ArrayList<>();
        for (ShortCode code : CODES) {
            for (int c = 0; c < i % 3 + 1; c++) {
                clicks.add(Click.of(code, AT.plusSeconds(i), "https://referrer.example/", null, "Mozilla/5.0"));
            }
        }
        return new ClickBatch("kill-batch-" + i, clicks);
    }

    /** The exact total each code must reach once every batch is applied once. */
    static long expectedTotalPerCode() {
        long total = 0;
        for (int i = 0; i < BATCHES; i++) {
            total += i % 3 + 1;
        }
        return total;
    }
}
