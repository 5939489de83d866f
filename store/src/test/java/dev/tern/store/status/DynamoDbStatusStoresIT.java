package dev.tern.store.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
import dev.tern.core.status.EngineCheckpointStore;
import dev.tern.core.status.OperatorActionStore;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.store.TernTables;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.status.EngineCheckpointStoreContract;
import dev.tern.testkit.status.OperatorActionStoreContract;
import dev.tern.testkit.status.ProbeResultStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The status stores on DynamoDB Local pass the same contracts as the in-memory ones. */
class DynamoDbStatusStoresIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();
    private static final AtomicInteger TABLES = new AtomicInteger();
    static DynamoDbClient client;
    static String table;

    @BeforeAll
    static void tables() {
        TableNames names = TableNames.withPrefix(ddb.tablePrefix());
        StoreSettings settings = new StoreSettings(names, java.util.Optional.of(ddb.endpoint()), StoreSettings.LOCAL_REGION,
                Duration.ofSeconds(30));
        client = DynamoDbClients.create(settings, List.of());
        TernTables.createAll(client, names);
        table = names.health();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void save_keepsOneItemPerRound_expiringNinetyDaysAfterItsMinute() {
        // A minute far from the contract's (2026-01), which shares the table.
        Instant minute = Instant.parse("2030-03-01T23:59:00Z");
        Region eu = Region.of("eu-west-1");
        ProbeResult result = new ProbeResult(eu, eu, Component.REDIRECT, minute.plusSeconds(2), Outcome.PASS, 12, "");
        new DynamoDbProbeResultStore(client, table).save(new ProbeRound(eu, minute, List.of(result)));

        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("round#2030-03-01"), "sk", AttributeValue.fromS("2030-03-01T23:59Z#eu-west-1")))).item();

        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(minute.plus(Duration.ofDays(90)).getEpochSecond()));
        assertThat(item.get("results").l()).hasSize(1);
    }

    @Nested
    class ProbeResults extends ProbeResultStoreContract {
        private final ProbeResultStore store = new DynamoDbProbeResultStore(client, table);

        @Override
        protected ProbeResultStore store() {
            return store;
        }
    }

    @Nested
    class OperatorActions extends OperatorActionStoreContract {
        @Override
        protected OperatorActionStore newStore() {
            // Each test needs an empty store: remove what the previous test added.
            client.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(java.util.Map.of(":pk", AttributeValue.fromS(DynamoDbOperatorActionStore.PARTITION))))
                    .items().forEach(item -> client.deleteItem(d -> d.tableName(table)
                            .key(java.util.Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
            return new DynamoDbOperatorActionStore(client, table);
        }
    }

    @Nested
    class Checkpoints extends EngineCheckpointStoreContract {
        @Override
        protected EngineCheckpointStore newStore() {
            return new DynamoDbEngineCheckpointStore(client, table, Region.of("r" + TABLES.incrementAndGet()));
        }
    }
}
