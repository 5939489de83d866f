package dev.tern.status.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import dev.tern.core.status.Component;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.status.probe.CanaryLink;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.store.status.DynamoDbProbeResultStore;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lambda entry point wired from its environment against DynamoDB Local and one "region" served by
 * a small HTTP server on 127.0.0.1 that answers the probe plan as a healthy Tern does. The site goes to
 * a publisher in memory instead of S3.
 */
class StatusProbeHandlerIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();
    private static final AtomicInteger UNMARKED = new AtomicInteger();
    private static HttpServer region;
    private static TableNames tables;

    @BeforeAll
    static void start() throws IOException {
        tables = TableNames.withPrefix(ddb.tablePrefix());
        try (DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), tables), "test")) {
            stores.createTablesIfMissing();
        }
        region = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        region.createContext("/", exchange -> {
            if (exchange.getRequestHeaders().getFirst("X-Tern-Probe") == null) {
                UNMARKED.incrementAndGet();
            }
            String path = exchange.getRequestURI().getPath();
            int status = switch (path) {
                case "/" + CanaryLink.CODE -> 302;
                case "/yourls-api.php" -> 403;
                default -> 200;
            };
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", CanaryLink.TARGET.toASCIIString());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        region.start();
    }

    @AfterAll
    static void stop() {
        region.stop(0);
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        for (Setting table : List.of(Setting.LINKS_TABLE, Setting.CLICKS_TABLE, Setting.IDEMPOTENCY_TABLE, Setting.RATE_LIMITS_TABLE,
                Setting.API_KEYS_TABLE, Setting.YOURLS_TABLE, Setting.HEALTH_TABLE)) {
            env.put(table.variable(), tables.nameOf(table));
        }
        env.put("TERN_DYNAMODB_ENDPOINT", ddb.endpoint().toString());
        env.put("TERN_DYNAMODB_TIMEOUT_MILLIS", "30000");
        env.put("AWS_REGION", "eu-west-1");
        env.put("TERN_STATUS_ENDPOINTS", "eu-west-1=http://127.0.0.1:" + region.getAddress().getPort());
        env.put("TERN_STATUS_BUCKET", "status-bucket");
        env.put("TERN_STATUS_URL", "https://status.tern.example/");
        return env;
    }

    @Test
    void handleRequest_createsTheCanary_probesSavesTheRound_andPublishesTheSite() throws IOException {
        Map<String, byte[]> published = new ConcurrentHashMap<>();
        StatusProbeHandler handler = new StatusProbeHandler(env(), published::putAll, Clock.systemUTC());

        String report = handler.handleRequest(Map.of("source", "aws.events", "detail-type", "Scheduled Event"), null);

        assertThat(report).contains("\"op\":\"status-probe\"").contains("\"region\":\"eu-west-1\"").contains("\"failures\":0");
        assertThat(UNMARKED).as("every probe request carries the probe header").hasValue(0);
        try (DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), tables), "test")) {
            assertThat(stores.links().findLatest(ShortCode.parse(CanaryLink.CODE))).isPresent();
        }
        try (var client = DynamoDbClients.create(StoreSettings.forEndpoint(ddb.endpoint(), tables), List.of())) {
            Instant now = Instant.now();
            List<ProbeResult> saved = new DynamoDbProbeResultStore(client, tables.health())
                    .results(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(1)));
            assertThat(saved).extracting(ProbeResult::component).containsExactlyInAnyOrder(Component.values());
            assertThat(saved).extracting(ProbeResult::outcome).containsOnly(Outcome.PASS);
        }
        assertThat(published).containsKeys("index.html", "status.css", "api/v2/summary.json", "api/v2/status.json",
                "api/v2/components.json", "api/v2/incidents.json", "api/v2/incidents/unresolved.json",
                "api/v2/scheduled-maintenances.json", "history.atom", "badge.svg", "badge.json");
        JsonNode summary = new ObjectMapper().readTree(published.get("api/v2/summary.json"));
        assertThat(summary.path("page").path("url").asText()).isEqualTo("https://status.tern.example/");
    }

    @Test
    void handleRequest_again_leavesTheCanaryAsItWas() {
        Map<String, byte[]> published = new ConcurrentHashMap<>();
        StatusProbeHandler handler = new StatusProbeHandler(env(), published::putAll, Clock.systemUTC());
        handler.handleRequest(Map.of(), null);
        Instant created;
        try (DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), tables), "test")) {
            created = stores.links().findLatest(ShortCode.parse(CanaryLink.CODE)).orElseThrow().createdAt();
        }

        handler.handleRequest(null, null);

        try (DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), tables), "test")) {
            assertThat(stores.links().findLatest(ShortCode.parse(CanaryLink.CODE)).orElseThrow().createdAt()).isEqualTo(created);
        }
    }
}
