package dev.tern.benchmarks;

import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import dev.tern.migration.ConflictPolicy;
import dev.tern.migration.IpMode;
import dev.tern.migration.MigrationOptions;
import dev.tern.migration.MigrationResult;
import dev.tern.migration.YourlsMigration;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.UrlRow;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * End-to-end throughput of {@code tern-migrate} into DynamoDB Local, against the raw
 * {@code BatchWriteItem} throughput of the same endpoint measured in the same run (before and after),
 * with the same link items and the same number of writer threads.
 *
 * <p>Both are counted in items written per second, taken from the requests themselves (an SDK
 * interceptor): the migration writes more than the link items (each link's ranking entry for the
 * YOURLS API, its undated clicks with their exactly-once marker), and DynamoDB Local's cost is per
 * item, so items/s compares the write paths, while links/s is what the operator waits for.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/tern-benchmarks.jar \
 *   dev.tern.benchmarks.MigrationThroughputBenchmark --links 100000 --writers 4</pre>
 */
public final class MigrationThroughputBenchmark {

    private MigrationThroughputBenchmark() {
    }

    /** Counts the items each write request carries. */
    static final class WriteCounter implements ExecutionInterceptor {
        final AtomicLong items = new AtomicLong();
        final AtomicLong requests = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            long n = 0;
            if (request instanceof BatchWriteItemRequest batch) {
                n = batch.requestItems().values().stream().mapToLong(List::size).sum();
            } else if (request instanceof TransactWriteItemsRequest transaction) {
                n = transaction.transactItems().stream().filter(i -> i.conditionCheck() == null).count();
            } else if (request instanceof PutItemRequest || request instanceof UpdateItemRequest) {
                n = 1;
            }
            if (n > 0) {
                items.addAndGet(n);
                requests.incrementAndGet();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int links = intOption(args, "--links", 100_000);
        int writers = intOption(args, "--writers", 4);
        Path dir = Files.createTempDirectory("tern-migration-benchmark");
        Path dump = dir.resolve("yourls.sql");
        DumpParserBenchmark.write(dump, links);
        Path warmUpDump = dir.resolve("warm-up.sql");
        DumpParserBenchmark.write(warmUpDump, Math.min(links, 10_000));
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.startInMemory()) {
            // Warm up both paths (JIT, DynamoDB Local's SQLite) so the first measurement is not the slowest.
            rawBatchWrite(dynamo, warmUpDump, writers, "warm-raw-");
            migrate(dynamo, warmUpDump, writers, "warm-mig-", new WriteCounter());
            double before = rawBatchWrite(dynamo, dump, writers, "raw1-");
            System.out.printf("raw BatchWriteItem:   %,.0f items/s%n", before);

            WriteCounter counter = new WriteCounter();
            long started = System.nanoTime();
            MigrationResult result = migrate(dynamo, dump, writers, "mig-", counter);
            double seconds = (System.nanoTime() - started) / 1e9;
            long rows = result.counts().rowsRead();
            System.out.printf("migration:            %,d links in %.1f s = %,.0f links/s; %,d items in %,d write requests = %,.0f items/s%n",
                    rows, seconds, rows / seconds, counter.items.get(), counter.requests.get(), counter.items.get() / seconds);
            double transactions = rawWrite(dynamo, dump, writers, "tx-", true);
            System.out.printf("links alone, as conditional transactions of 100: %,.0f items/s%n", transactions);
            double after = rawBatchWrite(dynamo, dump, writers, "raw2-");
            System.out.printf("raw BatchWriteItem:   %,.0f items/s (after)%n", after);
            double raw = (before + after) / 2;
            System.out.printf("migration / raw:      %.0f %% of raw items/s; links/s are %.0f %% of raw items/s%n",
                    100 * (counter.items.get() / seconds) / raw, 100 * (rows / seconds) / raw);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The migration of {@code dump} into fresh tables named {@code prefix…}, its writes counted by {@code counter}. */
    private static MigrationResult migrate(EmbeddedDynamoDb dynamo, Path dump, int writers, String prefix, WriteCounter counter) {
        try (DynamoDbStores tern = DynamoDbStores.open(StoreSettings.forEndpoint(dynamo.endpoint(), TableNames.withPrefix(prefix))
                .withCallTimeout(Duration.ofSeconds(60)), "migration", List.of(counter))) {
            tern.createTablesIfMissing();
            counter.items.set(0);
            counter.requests.set(0);
            MigrationOptions options = new MigrationOptions(false, IpMode.HASH, "k".getBytes(StandardCharsets.UTF_8), false,
                    ConflictPolicy.SKIP, 0, writers, Optional.empty(), Optional.empty());
            try (DumpYourlsSource source = DumpYourlsSource.open(dump)) {
                return new YourlsMigration(new YourlsMigration.Target(tern.linkImporter(), tern.clicks(), tern.clicks(),
                        tern.yourlsSite()), TernSettings.fromEnv(Map.of()), options, YourlsMigration.Progress.none())
                        .run(source, Optional.empty());
            }
        }
    }

    /** The dump's links, written as plain {@code BatchWriteItem}s of 25 by {@code writers} threads: items/s. */
    private static double rawBatchWrite(EmbeddedDynamoDb dynamo, Path dump, int writers, String prefix) throws Exception {
        return rawWrite(dynamo, dump, writers, prefix, false);
    }

    /**
     * The dump's links written by {@code writers} threads, as plain {@code BatchWriteItem}s of 25, or
     * ({@code conditional}) as the migration writes them: transactions of 100 conditional puts. Items/s.
     */
    private static double rawWrite(EmbeddedDynamoDb dynamo, Path dump, int writers, String prefix, boolean conditional) throws Exception {
        try (DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(dynamo.endpoint(), TableNames.withPrefix(prefix))
                .withCallTimeout(Duration.ofSeconds(60)), "raw")) {
            stores.createTablesIfMissing();
            List<List<Link>> batches = new ArrayList<>();
            try (DumpYourlsSource source = DumpYourlsSource.open(dump); Stream<UrlRow> rows = source.urls(Optional.empty())) {
                List<Link> batch = new ArrayList<>();
                for (UrlRow row : (Iterable<UrlRow>) rows::iterator) {
                    batch.add(Link.newActive(new ShortCode(row.keyword()), LongUrl.fromStored(row.url()),
                            row.title() == null ? "" : row.title(), Instant.parse("2026-11-23T05:00:00Z"), new Creator("yourls:0123456789abcdef")));
                    if (batch.size() == LinkImporter.MAX_BATCH) {
                        batches.add(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    batches.add(batch);
                }
            }
            LinkImporter importer = stores.linkImporter();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long started = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (List<Link> batch : batches) {
                work.add(pool.submit(() -> {
                    if (conditional) {
                        importer.insertNew(batch); // TransactWriteItems of 100 conditional puts
                    } else {
                        importer.overwrite(batch); // BatchWriteItem, 25 items a call
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            long items = batches.stream().mapToLong(List::size).sum();
            return items / seconds;
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
