package dev.tern.benchmarks;

import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import dev.tern.store.DynamoDbLinkStore;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Warm link reads ({@code DynamoDbLinkStore.find}, the redirect's one read) over the two HTTP clients
 * {@code TERN_DYNAMODB_HTTP_CLIENT} offers, the JDK's {@code url-connection} and the AWS CRT, against
 * DynamoDB Local in this JVM on loopback: rounds alternate between the clients so that a shared
 * machine's noise falls on both. Reports reads per second and the median read, at 1 thread (one
 * Lambda container serves one request at a time) and at 8.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/tern-benchmarks.jar:benchmarks/target/crt-lib/*
 * dev.tern.benchmarks.HttpClientReadBenchmark [reads-per-round] [rounds]}.
 */
public final class HttpClientReadBenchmark {
    private HttpClientReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            TernSettings tern = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://tern.example"));
            List<ShortCode> codes = new ArrayList<>();
            try (DynamoDbStores setup = open(dynamoDb, "url-connection")) {
                setup.createTablesIfMissing();
                for (int i = 0; i < 100; i++) {
                    ShortCode code = new ShortCode("read" + i);
                    setup.links().insertNew(Link.newActive(code, LongUrl.parse("https://example.com/page/" + i, tern.urlPolicy()), "",
                            Instant.parse("2026-11-01T00:00:00Z"), Creator.UNKNOWN));
                    codes.add(code);
                }
            }
            for (String client : List.of("url-connection", "crt")) {
                try (DynamoDbStores stores = open(dynamoDb, client)) {
                    measure(stores.links(), codes, reads, 1); // warm-up: JIT, connections
                }
            }
            System.out.println("| round | client | threads | reads | reads/s | median read (ms) |");
            System.out.println("|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                for (int threads : new int[] {1, 8}) {
                    for (String client : List.of("url-connection", "crt")) {
                        try (DynamoDbStores stores = open(dynamoDb, client)) {
                            measure(stores.links(), codes, 200, threads);
                            double[] result = measure(stores.links(), codes, reads, threads);
                            System.out.printf(Locale.ROOT, "| %d | %s | %d | %,d | %,.0f | %.2f |%n", round, client, threads, reads,
                                    result[0], result[1]);
                        }
                    }
                }
            }
        }
    }

    private static DynamoDbStores open(EmbeddedDynamoDb dynamoDb, String client) {
        return DynamoDbStores.open(StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "TERN_DYNAMODB_HTTP_CLIENT", client)).withCallTimeout(Duration.ofSeconds(30)), "local");
    }

    /** Returns {reads per second, median read in ms}. */
    private static double[] measure(DynamoDbLinkStore links, List<ShortCode> codes, int reads, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int perThread = reads / threads;
            long start = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    long[] took = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        long before = System.nanoTime();
                        if (links.find(codes.get((offset + i) % codes.size())).isEmpty()) {
                            throw new IllegalStateException("a seeded link was not found");
                        }
                        took[i] = System.nanoTime() - before;
                    }
                    return took;
                }));
            }
            long[] all = new long[perThread * threads];
            int n = 0;
            for (Future<long[]> future : futures) {
                for (long took : future.get()) {
                    all[n++] = took;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            return new double[] {all.length / seconds, all[all.length / 2] / 1e6};
        } finally {
            pool.shutdownNow();
        }
    }
}
