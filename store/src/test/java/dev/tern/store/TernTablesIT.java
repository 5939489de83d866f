package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.link.ShortCode;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.LinkFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TernTablesIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbClients.create(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix("unused-")), List.of());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void createAll_addsTheIndexesAnOlderLinksTableLacks() {
        TableNames names = TableNames.withPrefix(ddb.tablePrefix() + "old-");
        TableDefinition links = TernTables.definitions(names).get(0);
        client.createTable(TernTables.createRequest(new TableDefinition(links.name(), links.setting(), links.partitionKey(),
                links.sortKey(), links.timeToLiveAttribute(), links.transactional(), links.replication(), links.billing())));

        TernTables.createAll(client, names);

        assertThat(client.describeTable(r -> r.tableName(links.name())).table().globalSecondaryIndexes())
                .extracting(index -> index.indexName()).containsExactlyInAnyOrder("byTime", "byCreator", "byTarget");
    }

    @Test
    void createAll_createsEveryTableActiveOnDemandWithItsKeysAndTimeToLive() {
        TableNames names = TableNames.withPrefix(ddb.tablePrefix() + "create-");

        TernTables.createAll(client, names);

        for (TableDefinition definition : TernTables.definitions(names)) {
            TableDescription table = client.describeTable(r -> r.tableName(definition.name())).table();
            assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(table.keySchema()).anySatisfy(key -> {
                assertThat(key.attributeName()).isEqualTo(definition.partitionKey().name());
                assertThat(key.keyType()).isEqualTo(KeyType.HASH);
            });
            assertThat(table.keySchema()).hasSize(definition.sortKey().isPresent() ? 2 : 1);
            var ttl = client.describeTimeToLive(r -> r.tableName(definition.name())).timeToLiveDescription();
            if (definition.timeToLiveAttribute().isPresent()) {
                assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                assertThat(ttl.attributeName()).isEqualTo(definition.timeToLiveAttribute().get());
            } else {
                assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
            }
        }
    }

    @Test
    void createAll_again_leavesExistingTablesAndTheirItemsAlone() {
        StoreSettings settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix() + "again-"));
        try (DynamoDbStores stores = DynamoDbStores.open(settings, "test")) {
            stores.createTablesIfMissing();
            stores.stores().links().insertNew(LinkFixtures.link("kept").build());

            stores.createTablesIfMissing();

            assertThat(stores.stores().links().findLatest(new ShortCode("kept"))).isPresent();
        }
    }

    @Test
    void stores_withoutTheirTables_failWithIllegalStateNamingTheSetting() {
        StoreSettings settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix() + "missing-"));
        try (DynamoDbStores stores = DynamoDbStores.open(settings, "test")) {
            assertThatThrownBy(() -> stores.stores().links().find(new ShortCode("abc")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TERN_LINKS_TABLE");
            assertThatThrownBy(() -> stores.stores().clicks().total(new ShortCode("abc")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TERN_CLICKS_TABLE");
            assertThatThrownBy(() -> stores.stores().idempotency().reassign("k", new ShortCode("a"), new ShortCode("b")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TERN_IDEMPOTENCY_TABLE");
            assertThatThrownBy(() -> stores.rateLimiter().tryAcquire("k", new RateLimit(1, 1, Duration.ofMinutes(1)), Instant.now()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TERN_RATE_LIMITS_TABLE");
        }
    }
}
