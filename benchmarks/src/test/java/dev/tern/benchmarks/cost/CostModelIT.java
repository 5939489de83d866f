package dev.tern.benchmarks.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import dev.tern.core.link.Creator;
import dev.tern.core.link.NewLinkRequest;
import dev.tern.core.settings.TernSettings;
import dev.tern.functions.ClickAggregationHandler;
import dev.tern.functions.LogLineClickSink;
import dev.tern.functions.RedirectHandler;
import dev.tern.functions.Wiring;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a redirect, a click batch and a created link ask of DynamoDB, counted on DynamoDB Local through
 * the real handlers and stores ({@link DynamoDbRequestCounter}): the inputs of the cost model in
 * {@code docs/PERFORMANCE.md}. Each test prints its counts ("COST ..." lines in the failsafe report) and
 * asserts the requests the model prices: a change here is a change of cost, so update the document with it.
 */
class CostModelIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static final DynamoDbRequestCounter counter = new DynamoDbRequestCounter();
    private static final List<String> logLines = new CopyOnWriteArrayList<>();
    private static DynamoDbStores stores;
    private static Wiring wiring;
    private static RedirectHandler redirect;
    private static ClickAggregationHandler aggregation;

    @BeforeAll
    static void wire() {
        StoreSettings settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix() + "cost-"))
                .withCallTimeout(Duration.ofSeconds(30));
        stores = DynamoDbStores.open(settings, "local", List.of(counter));
        stores.createTablesIfMissing();
        TernSettings tern = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://tern.example"));
        wiring = new Wiring(tern, stores.stores(), new LogLineClickSink(logLines::add), Clock.systemUTC());
        redirect = new RedirectHandler(wiring);
        aggregation = new ClickAggregationHandler(wiring);
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @BeforeEach
    void reset() {
        counter.reset();
        logLines.clear();
    }

    @Test
    void createdLink_isOneLinkWrite_plusItsRankingEntry() {
        wiring.links().create(NewLinkRequest.of("https://example.com/created", Creator.UNKNOWN));
        List<DynamoDbRequestCounter.Call> plain = counter.calls();
        report("create", plain);
        counter.reset();

        wiring.links().create(NewLinkRequest.of("https://example.com/created-again", Creator.UNKNOWN).withIdempotencyKey("cost-key-1"));
        report("create with Idempotency-Key", counter.calls());

        // The conditional put of the link; the YOURLS ranking entry (a query for the link's place, then a transaction).
        assertThat(plain).extracting(DynamoDbRequestCounter.Call::operation).containsExactlyInAnyOrder("PutItem", "Query", "TransactWriteItems");
        assertThat(plain).filteredOn(call -> call.operation().equals("PutItem")).singleElement()
                .satisfies(call -> assertThat(call.tables()).contains("cost-links"));
    }

    @Test
    void redirect_missIsOneEventuallyConsistentRead_hitIsNone() {
        String code = wiring.links().create(NewLinkRequest.of("https://example.com/redirected", Creator.UNKNOWN)).link().code().value();
        counter.reset();

        assertThat(get(code).getStatusCode()).isEqualTo(301);
        List<DynamoDbRequestCounter.Call> miss = counter.calls();
        report("redirect, cache miss", miss);
        counter.reset();
        assertThat(get(code).getStatusCode()).isEqualTo(301);
        List<DynamoDbRequestCounter.Call> hit = counter.calls();
        report("redirect, cache hit", hit);

        assertThat(miss).extracting(DynamoDbRequestCounter.Call::operation).containsExactly("GetItem");
        assertThat(miss.getFirst().capacityUnits()).isEqualTo(0.5);
        assertThat(hit).isEmpty();
        assertThat(logLines).hasSize(2).allMatch(line -> line.contains("\"type\":\"tern.click\""));
    }

    @Test
    void clickBatch_costsTheSameRequestsPerDistinctLink_whateverTheClicks() throws IOException {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(wiring.links().create(NewLinkRequest.of("https://example.com/batch/" + i, Creator.UNKNOWN)).link().code().value());
        }
        for (int i = 0; i < 300; i++) {
            get(codes.get(i % codes.size()));
        }
        assertThat(logLines).hasSize(300);
        counter.reset();

        aggregation.handleRequest(logsDelivery(logLines), null);
        List<DynamoDbRequestCounter.Call> batch = counter.calls();
        report("click batch (300 clicks, 10 links)", batch);

        // Per batch: one query of its markers and one transaction for all 10 links (marker, totals
        // shard, each link's total and day item: 22 items); per link: the query and the update that
        // place it in the ranking. Nothing per click.
        assertThat(batch).extracting(DynamoDbRequestCounter.Call::operation).filteredOn("TransactWriteItems"::equals).hasSize(1);
        assertThat(batch).filteredOn(call -> call.operation().equals("TransactWriteItems")).singleElement()
                .satisfies(call -> assertThat(call.capacityUnits()).isEqualTo(2.0 * (2 + 2 * codes.size())));
        assertThat(batch).extracting(DynamoDbRequestCounter.Call::operation).filteredOn("UpdateItem"::equals).hasSize(codes.size());
        assertThat(batch).extracting(DynamoDbRequestCounter.Call::operation).filteredOn("Query"::equals).hasSize(1 + codes.size());
        assertThat(batch).hasSize(2 + 2 * codes.size());
        int clickLineBytes = logLines.stream().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length + 1).sum() / logLines.size();
        System.out.printf(Locale.ROOT, "COST click line: %d bytes on average (with its newline)%n", clickLineBytes);
    }

    private static APIGatewayV2HTTPResponse get(String code) {
        String path = "/" + code;
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("GET").withPath(path).withSourceIp("203.0.113.7").withProtocol("HTTP/1.1")
                .withUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0").build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withRequestId("cost").withDomainName("tern.example").withStage("$default").build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString("")
                .withHeaders(Map.of("host", "tern.example", "referer", "https://news.example/item",
                        "user-agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .withRequestContext(context).withIsBase64Encoded(false).build();
        return redirect.handleRequest(event, null);
    }

    /** A CloudWatch Logs subscription delivery of {@code lines}, as Lambda receives it (gzip, base64). */
    private static CloudWatchLogsEvent logsDelivery(List<String> lines) throws IOException {
        StringBuilder json = new StringBuilder("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"000000000000\",")
                .append("\"logGroup\":\"/aws/lambda/tern-site\",\"logStream\":\"2026/11/23/[1]cost\",")
                .append("\"subscriptionFilters\":[\"clicks\"],\"logEvents\":[");
        for (int i = 0; i < lines.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"timestamp\":1795428000000,\"message\":")
                    .append(quote(lines.get(i))).append('}');
        }
        json.append("]}");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        CloudWatchLogsEvent.AWSLogs logs = new CloudWatchLogsEvent.AWSLogs();
        logs.setData(Base64.getEncoder().encodeToString(gzipped.toByteArray()));
        CloudWatchLogsEvent event = new CloudWatchLogsEvent();
        event.setAwsLogs(logs);
        return event;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void report(String what, List<DynamoDbRequestCounter.Call> calls) {
        calls.forEach(call -> System.out.printf(Locale.ROOT, "COST   %s %s %.1f%n", call.operation(), call.tables(), call.capacityUnits()));
        System.out.printf(Locale.ROOT, "COST %s: %d requests %s, %.1f capacity units, %d bytes sent, %d bytes received%n", what,
                calls.size(), calls.stream().collect(Collectors.groupingBy(DynamoDbRequestCounter.Call::operation, Collectors.counting())),
                calls.stream().mapToDouble(DynamoDbRequestCounter.Call::capacityUnits).sum(),
                calls.stream().mapToLong(DynamoDbRequestCounter.Call::requestBytes).sum(),
                calls.stream().mapToLong(DynamoDbRequestCounter.Call::responseBytes).sum());
    }
}
