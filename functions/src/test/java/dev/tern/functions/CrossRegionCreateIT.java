package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.ClickSink;
import dev.tern.core.settings.TernSettings;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * No acknowledged link is lost when two regions create links at the same time, including the same
 * custom codes and the same Idempotency-Keys from both sides (the consistency ADR's proof, as far as
 * one machine can give it; {@code docs/adr/2026-11-23-links-consistency.md} says what only a real
 * deployment proves).
 *
 * <p>Each "region" is a complete, independent set of functions: its own {@link Wiring}, its own
 * DynamoDB clients, its own link cache. They share what the deployment modes make them share:
 * <ul>
 *   <li><b>MRSC</b>: one strongly consistent table, which every region's conditional writes see;
 *   <li><b>MREC with a home write region</b>: each region reads its own replica, and every link and
 *       idempotency write goes to the home region's ({@code TERN_LINKS_WRITE_REGION}); replication to
 *       the other replica is simulated after the race by copying the home replica's items over.
 * </ul>
 * A third test shows that the check has teeth: MREC with each region writing its own replica
 * acknowledges one contested code to both sides, and replication then loses one of them.
 */
class CrossRegionCreateIT {
    @RegisterExtension
    static final DynamoDbLocalExtension DDB = DynamoDbLocalExtension.inMemory();

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final int CONTESTED = 40;
    private static final int GENERATED_PER_REGION = 60;
    private static final int SHARED_IDEMPOTENCY_KEYS = 20;

    /** One region's functions over its own clients. */
    private record Region(String name, DynamoDbStores stores, LinksApiHandler api, RedirectHandler redirect,
            List<String> logLines) implements AutoCloseable {
        @Override
        public void close() {
            stores.close();
        }
    }

    /** What the race acknowledged: code → the URL each 201 named, and the contested codes' outcomes. */
    private record Race(Map<String, Set<String>> acknowledged, Map<String, List<Integer>> contested,
            Map<String, Set<String>> idempotentCodes) {
    }

    private static Region region(String name, StoreSettings reads, Optional<StoreSettings> writes) {
        DynamoDbStores stores = writes.isPresent()
                ? DynamoDbStores.open(reads, writes.get(), name, List.of())
                : DynamoDbStores.open(reads, name, List.of());
        TernSettings settings = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", LocalDynamoDb.BASE));
        ApiSettings api = ApiSettings.fromEnv(Map.of("TERN_BOOTSTRAP_ADMIN_KEY", TestKeys.ADMIN,
                "TERN_API_BURST", "1000000", "TERN_API_REQUESTS_PER_MINUTE", "1000000"));
        List<String> logLines = new CopyOnWriteArrayList<>();
        Wiring wiring = new Wiring(settings, api, stores.stores(), stores.apiKeys(), stores.rateLimiter(), ClickSink.DISCARD,
                Clock.systemUTC(), logLines::add, () -> { });
        return new Region(name, stores, new LinksApiHandler(wiring), new RedirectHandler(wiring), logLines);
    }

    private static StoreSettings tables(String replica) {
        return StoreSettings.forEndpoint(DDB.endpoint(), TableNames.withPrefix(DDB.tablePrefix() + replica))
                .withCallTimeout(GENEROUS);
    }

    private static void createTables(StoreSettings settings) {
        try (DynamoDbStores stores = DynamoDbStores.open(settings, "setup")) {
            stores.createTablesIfMissing();
        }
    }

    @Test
    void mrsc_twoRegionsOnOneStronglyConsistentTable_loseNoAcknowledgedLink() throws Exception {
        StoreSettings table = tables("mrsc-");
        createTables(table);
        try (Region east = region("us-east-1", table, Optional.empty());
                Region west = region("us-west-2", table, Optional.empty())) {
            Race race = race("s", east, west);

            assertEveryAcknowledgedLinkHolds(race, east, west);
        }
    }

    @Test
    void mrec_writesPinnedToTheHomeRegion_loseNoAcknowledgedLink() throws Exception {
        StoreSettings home = tables("home-");
        StoreSettings other = tables("other-");
        createTables(home);
        createTables(other);
        try (Region east = region("eu-west-1", home, Optional.empty());
                Region west = region("us-east-1", other, Optional.of(home))) {
            Race race = race("h", east, west);

            // Nothing was written to the other replica: every write went home.
            assertThat(itemCount(other)).isZero();
            replicate(home, other);
            assertEveryAcknowledgedLinkHolds(race, east, west);
        }
    }

    @Test
    void mrecWithEachRegionWritingItsOwnReplica_acknowledgesAContestedCodeTwice_andReplicationLosesOne() throws Exception {
        StoreSettings a = tables("own-a-");
        StoreSettings b = tables("own-b-");
        createTables(a);
        createTables(b);
        try (Region east = region("eu-west-1", a, Optional.empty()); Region west = region("us-east-1", b, Optional.empty())) {
            APIGatewayV2HTTPResponse fromEast = create(east, "{\"url\":\"https://east.example/promo\",\"code\":\"promo\"}", null);
            APIGatewayV2HTTPResponse fromWest = create(west, "{\"url\":\"https://west.example/promo\",\"code\":\"promo\"}", null);

            // Both told "created": exactly what the home region and MRSC prevent.
            assertThat(fromEast.getStatusCode()).isEqualTo(201);
            assertThat(fromWest.getStatusCode()).isEqualTo(201);
            // Last writer wins (east's, say) in both replicas: west's acknowledged link is gone.
            replicate(a, b);
            assertThat(resolve(west, "promo")).isEqualTo("https://east.example/promo");
        }
    }

    /**
     * Both regions at once: the same {@value #CONTESTED} custom codes from each side (different URLs),
     * {@value #GENERATED_PER_REGION} generated codes each, and {@value #SHARED_IDEMPOTENCY_KEYS}
     * Idempotency-Keys sent with the same body to both (a client retrying in the other region).
     */
    private static Race race(String run, Region east, Region west) throws Exception {
        List<Callable<List<Result>>> tasks = new ArrayList<>();
        for (Region region : List.of(east, west)) {
            for (int i = 0; i < CONTESTED; i++) {
                String code = run + "c" + i;
                String body = "{\"url\":\"https://" + region.name() + ".example/" + code + "\",\"code\":\"" + code + "\"}";
                tasks.add(() -> List.of(new Result(Kind.CONTESTED, code, create(region, body, null))));
            }
            for (int i = 0; i < SHARED_IDEMPOTENCY_KEYS; i++) {
                String key = run + "-retry-" + i;
                String body = "{\"url\":\"https://client.example/" + key + "\"}";
                tasks.add(() -> List.of(new Result(Kind.IDEMPOTENT, key, create(region, body, key))));
            }
            tasks.add(() -> {
                List<Result> made = new ArrayList<>();
                for (int i = 0; i < GENERATED_PER_REGION; i++) {
                    String body = "{\"url\":\"https://" + region.name() + ".example/" + run + "/gen/" + i + "\"}";
                    made.add(new Result(Kind.GENERATED, null, create(region, body, null)));
                }
                return made;
            });
        }

        List<List<Result>> outcomes = LocalDynamoDb.runTogether(16, tasks);

        Map<String, Set<String>> acknowledged = new HashMap<>();
        Map<String, List<Integer>> contested = new HashMap<>();
        Map<String, Set<String>> idempotentCodes = new HashMap<>();
        for (List<Result> results : outcomes) {
            for (Result result : results) {
                int status = result.response().getStatusCode();
                if (result.kind() == Kind.CONTESTED) {
                    contested.computeIfAbsent(result.label(), c -> new ArrayList<>()).add(status);
                } else {
                    assertThat(status).as(result.response().getBody()).isEqualTo(201);
                }
                if (status == 201) {
                    JsonNode body = Fixtures.tree(result.response().getBody());
                    String code = body.path("code").asText();
                    acknowledged.computeIfAbsent(code, c -> new HashSet<>()).add(body.path("url").asText());
                    if (result.kind() == Kind.IDEMPOTENT) {
                        idempotentCodes.computeIfAbsent(result.label(), k -> new HashSet<>()).add(code);
                    }
                } else {
                    assertThat(status).as(result.response().getBody()).isEqualTo(409);
                    assertThat(Fixtures.tree(result.response().getBody()).path("code").asText()).isEqualTo("code-taken");
                }
            }
        }
        return new Race(acknowledged, contested, idempotentCodes);
    }

    private static void assertEveryAcknowledgedLinkHolds(Race race, Region east, Region west) {
        // every contested code: exactly one winner, one clean refusal
        assertThat(race.contested()).hasSize(CONTESTED).allSatisfy((code, statuses) ->
                assertThat(statuses).as(code).containsExactlyInAnyOrder(201, 409));
        // a retry in the other region is answered with the first link, not a second one
        assertThat(race.idempotentCodes()).hasSize(SHARED_IDEMPOTENCY_KEYS).allSatisfy((key, codes) ->
                assertThat(codes).as(key).hasSize(1));
        // nothing acknowledged twice: one URL per acknowledged code
        assertThat(race.acknowledged()).allSatisfy((code, urls) -> assertThat(urls).as(code).hasSize(1));
        assertThat(race.acknowledged()).hasSize(CONTESTED + 2 * GENERATED_PER_REGION + SHARED_IDEMPOTENCY_KEYS);
        // every acknowledged link resolves, from both regions, to exactly the URL acknowledged
        race.acknowledged().forEach((code, urls) -> {
            String url = urls.iterator().next();
            assertThat(resolve(east, code)).as("%s from %s", code, east.name()).isEqualTo(url);
            assertThat(resolve(west, code)).as("%s from %s", code, west.name()).isEqualTo(url);
        });
        assertThat(east.logLines()).isEmpty();
        assertThat(west.logLines()).isEmpty();
    }

    private enum Kind { CONTESTED, GENERATED, IDEMPOTENT }

    private record Result(Kind kind, String label, APIGatewayV2HTTPResponse response) {
    }

    private static APIGatewayV2HTTPResponse create(Region region, String json, String idempotencyKey) {
        Events.Builder event = Events.postJson("/api/v1/links", json);
        if (idempotencyKey != null) {
            event.header("Idempotency-Key", idempotencyKey);
        }
        return region.api().handleRequest(event.build(), null);
    }

    /** The Location a region's redirect answers for {@code code} (failing on anything but a redirect). */
    private static String resolve(Region region, String code) {
        APIGatewayV2HTTPResponse response = region.redirect().handleRequest(Events.get("/" + code).build(), null);
        assertThat(response.getStatusCode()).as("GET /%s in %s", code, region.name()).isEqualTo(301);
        return response.getHeaders().get("Location");
    }

    /** What replication does once it has caught up: every item of {@code from}'s links table in {@code to}'s. */
    private static void replicate(StoreSettings from, StoreSettings to) {
        try (DynamoDbClient client = DynamoDbClients.create(from, List.of())) {
            for (Map<String, AttributeValue> item : client.scanPaginator(r -> r.tableName(from.tables().links())
                    .consistentRead(true)).items()) {
                client.putItem(r -> r.tableName(to.tables().links()).item(item));
            }
        }
    }

    private static int itemCount(StoreSettings settings) {
        try (DynamoDbClient client = DynamoDbClients.create(settings, List.of())) {
            int links = client.scan(r -> r.tableName(settings.tables().links()).select("COUNT")).count();
            int claims = client.scan(r -> r.tableName(settings.tables().idempotency()).select("COUNT")).count();
            return links + claims;
        }
    }
}
