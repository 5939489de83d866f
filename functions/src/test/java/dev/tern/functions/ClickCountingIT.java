package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import dev.tern.core.click.BatchingClickChannel;
import dev.tern.core.click.ClickAggregator;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.FaultInjector.Fault;
import dev.tern.testkit.FaultInjector.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clicks from redirects to the counters, through both channels, with lost acknowledgements on the way. */
class ClickCountingIT {
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "curl/8.5.0",
        null
    };

    @RegisterExtension
    static final DynamoDbLocalExtension DDB = DynamoDbLocalExtension.inMemory();

    private static LocalDynamoDb local;

    @BeforeAll
    static void open() {
        local = new LocalDynamoDb(DDB);
    }

    @AfterEach
    void disarm() {
        local.faults.clear();
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @Test
    void redirects_5000ThroughTheBatchingChannel_withLostAcks_countExactly5000() throws Exception {
        ClickAggregator aggregator = new ClickAggregator(local.dynamoDb.stores().clicks());
        try (BatchingClickChannel channel = new BatchingClickChannel(aggregator, 500, Duration.ofMillis(100), 100_000)) {
            Wiring wiring = local.wiring(channel);
            RedirectHandler redirect = new RedirectHandler(wiring);
            LinksApiHandler api = new LinksApiHandler(wiring);
            LocalDynamoDb.create(api, "{\"url\":\"https://example.com/hot\",\"code\":\"hot\"}");
            // Lost acknowledgements of the counting transactions (the store retries them itself and
            // finds its marker) and of the rank updates (the channel retries the whole batch).
            local.faults.failEvery(3, "TransactWriteItems", Mode.AFTER_RESPONSE, Fault.TIMEOUT);
            local.faults.failEvery(4, "UpdateItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

            int total = redirects(redirect, "hot", 8, 625);
            assertThat(channel.flush(Duration.ofSeconds(60))).as("all clicks applied in time").isTrue();

            assertThat(total).isEqualTo(5000);
            assertThat(local.faults.injected("TransactWriteItems")).as("acks lost on the way").isPositive();
            assertThat(channel.failedAttempts()).isPositive();
            assertThat(channel.dropped()).isZero();
            local.faults.clear();
            assertThat(clicksOf(api, "hot")).isEqualTo(5000);
        }
    }

    @Test
    void redirects_throughLogLinesAndTheAggregator_redeliveredAndRetried_countExactlyOnce() throws Exception {
        List<String> stdout = new CopyOnWriteArrayList<>();
        Wiring wiring = local.wiring(new LogLineClickSink(stdout::add));
        RedirectHandler redirect = new RedirectHandler(wiring);
        LinksApiHandler api = new LinksApiHandler(wiring);
        ClickAggregationHandler aggregation = new ClickAggregationHandler(wiring);
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/logged\",\"code\":\"logged\"}");

        int total = redirects(redirect, "logged", 4, 250);
        List<CloudWatchLogsEvent> deliveries = deliveries(stdout, 200);
        local.faults.failEvery(2, "TransactWriteItems", Mode.AFTER_RESPONSE, Fault.THROTTLING);
        local.faults.failEvery(2, "UpdateItem", Mode.AFTER_RESPONSE, Fault.THROTTLING);
        int retries = 0;
        for (CloudWatchLogsEvent delivery : deliveries) {
            retries += invokeLikeLambda(aggregation, delivery);
        }
        retries += invokeLikeLambda(aggregation, deliveries.get(0)); // CloudWatch delivered it twice
        retries += invokeLikeLambda(aggregation, deliveries.get(deliveries.size() - 1));
        local.faults.clear();

        assertThat(total).isEqualTo(1000);
        assertThat(stdout).hasSize(1000);
        assertThat(retries).as("Lambda retries after lost acknowledgements").isPositive();
        assertThat(local.faults.injected("TransactWriteItems")).isPositive();
        assertThat(clicksOf(api, "logged")).isEqualTo(1000);
    }

    /** {@code threads} × {@code each} GETs of {@code /code}, each of which must redirect. */
    private static int redirects(RedirectHandler redirect, String code, int threads, int each) throws Exception {
        List<Callable<Integer>> visitors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            visitors.add(() -> {
                for (int i = 0; i < each; i++) {
                    Events.Builder request = Events.get("/" + code).header("referer", "https://site" + (i % 7) + ".example/page");
                    String agent = AGENTS[(thread + i) % AGENTS.length];
                    if (agent != null) {
                        request.header("user-agent", agent);
                    }
                    APIGatewayV2HTTPResponse response = redirect.handleRequest(request.build(), null);
                    assertThat(response.getStatusCode()).isEqualTo(301);
                }
                return each;
            });
        }
        return LocalDynamoDb.runTogether(threads, visitors).stream().mapToInt(Integer::intValue).sum();
    }

    /** The log lines cut into CloudWatch deliveries of {@code size} events, with the runtime's own lines between them. */
    private static List<CloudWatchLogsEvent> deliveries(List<String> lines, int size) {
        List<CloudWatchLogsEvent> deliveries = new ArrayList<>();
        long id = 1000;
        for (int from = 0; from < lines.size(); from += size) {
            List<Fixtures.LogEvent> events = new ArrayList<>();
            events.add(new Fixtures.LogEvent(Long.toString(id++), 0, "START RequestId: 42 Version: $LATEST"));
            for (String line : lines.subList(from, Math.min(lines.size(), from + size))) {
                events.add(new Fixtures.LogEvent(Long.toString(id++), 0, line));
            }
            events.add(new Fixtures.LogEvent(Long.toString(id++), 0, "REPORT RequestId: 42 Duration: 1.2 ms"));
            deliveries.add(Fixtures.delivery("/aws/lambda/tern-redirect", "2026/11/23/[$LATEST]0f1e2d3c", events));
        }
        return deliveries;
    }

    /** Invokes as Lambda would for an asynchronous event: again after a thrown error. Returns the retries. */
    private static int invokeLikeLambda(ClickAggregationHandler handler, CloudWatchLogsEvent delivery) {
        for (int attempt = 0; ; attempt++) {
            try {
                handler.handleRequest(delivery, null);
                return attempt;
            } catch (StoreUnavailableException e) {
                assertThat(attempt).as("retries of one delivery").isLessThan(5);
            }
        }
    }

    private static long clicksOf(LinksApiHandler api, String code) {
        APIGatewayV2HTTPResponse response = api.handleRequest(Events.get("/api/v1/links/" + code).build(), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Fixtures.tree(response.getBody()).path("clicks").asLong();
    }
}
