package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.ClickSink;
import dev.tern.core.settings.TernSettings;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.FaultInjector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * For the ITs: the functions over DynamoDB Local (tables of the test class's own), with a
 * {@link FaultInjector} on the client, and helpers to run many requests at once.
 */
final class LocalDynamoDb implements AutoCloseable {
    static final String BASE = "http://127.0.0.1:8080";

    final FaultInjector faults = new FaultInjector();
    final DynamoDbStores dynamoDb;
    final TernSettings settings = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", BASE));
    /** The test admin key, and a limit no test reaches. */
    final ApiSettings apiSettings = ApiSettings.fromEnv(Map.of("TERN_BOOTSTRAP_ADMIN_KEY", TestKeys.ADMIN,
            "TERN_API_BURST", "1000000", "TERN_API_REQUESTS_PER_MINUTE", "1000000"));
    final List<String> logLines = new CopyOnWriteArrayList<>();

    LocalDynamoDb(DynamoDbLocalExtension ddb) {
        StoreSettings store = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()));
        // Tables are made by a client of their own with a generous timeout: creating them on a loaded
        // machine can take longer than the 2 s the stores under test keep.
        try (DynamoDbStores setup = DynamoDbStores.open(store.withCallTimeout(java.time.Duration.ofSeconds(60)), "test")) {
            setup.createTablesIfMissing();
        }
        dynamoDb = DynamoDbStores.open(store, "test", List.of(faults));
    }

    /** A wiring over the DynamoDB Local stores sending clicks to {@code clicks}; its log lines go to {@link #logLines}. */
    Wiring wiring(ClickSink clicks) {
        return new Wiring(settings, apiSettings, dynamoDb.stores(), dynamoDb.apiKeys(), dynamoDb.rateLimiter(), clicks,
                Clock.systemUTC(), logLines::add, () -> { });
    }

    @Override
    public void close() {
        dynamoDb.close();
    }

    /** Creates a link through the API and returns its response body. */
    static JsonNode create(LinksApiHandler api, String json) {
        APIGatewayV2HTTPResponse response = api.handleRequest(Events.postJson("/api/v1/links", json).build(), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return Fixtures.tree(response.getBody());
    }

    /** Runs {@code tasks} on {@code threads} threads, released together, and returns their results in order. */
    static <T> List<T> runTogether(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(Math.min(threads, tasks.size()));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
