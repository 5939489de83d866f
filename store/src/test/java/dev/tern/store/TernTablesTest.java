package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.settings.Setting;
import dev.tern.store.TableDefinition.AttributeType;
import dev.tern.store.TableDefinition.Replication;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TernTablesTest {
    private final List<TableDefinition> definitions = TernTables.definitions(TableNames.withPrefix("t-"));

    @Test
    void definitions_describeLinksClicksIdempotencyAndRateLimits() {
        assertThat(definitions).extracting(TableDefinition::name)
                .containsExactly("t-links", "t-clicks", "t-idempotency", "t-rate-limits", "t-api-keys", "t-yourls", "t-health");
        assertThat(definitions).extracting(TableDefinition::setting)
                .containsExactly(Setting.LINKS_TABLE, Setting.CLICKS_TABLE, Setting.IDEMPOTENCY_TABLE, Setting.RATE_LIMITS_TABLE,
                        Setting.API_KEYS_TABLE, Setting.YOURLS_TABLE, Setting.HEALTH_TABLE);
        assertThat(definitions).allSatisfy(d -> {
            assertThat(d.partitionKey().type()).isEqualTo(AttributeType.STRING);
            assertThat(d.billing()).isEqualTo(TableDefinition.Billing.ON_DEMAND);
        });
    }

    @Test
    void definitions_linksHaveNoTtlNorTransactionsSoTheyMayBeStronglyConsistent() {
        TableDefinition links = definitions.get(0);

        assertThat(links.partitionKey().name()).isEqualTo("code");
        assertThat(links.sortKey()).isEmpty();
        assertThat(links.timeToLiveAttribute()).isEmpty();
        assertThat(links.allowsMultiRegionStrongConsistency()).isTrue();
    }

    @Test
    void definitions_linksAreListedNewestFirst_allAndPerCreator() {
        TableDefinition links = definitions.get(0);

        assertThat(links.indexes()).extracting(TableDefinition.SecondaryIndex::name).containsExactly("byTime", "byCreator", "byTarget");
        assertThat(links.indexes()).allSatisfy(index ->
                assertThat(index.sortKey()).contains(TableDefinition.KeyAttribute.string("createdAt")));
        assertThat(TernTables.createRequest(links).globalSecondaryIndexes()).hasSize(3);
        assertThat(TernTables.createRequest(links).attributeDefinitions()).extracting(a -> a.attributeName())
                .containsExactly("code", "listKey", "createdAt", "creator", "urlHash");
    }

    @Test
    void definitions_clicksAreTransactionalWithTtlSoAlwaysEventuallyConsistent() {
        TableDefinition clicks = definitions.get(1);

        assertThat(clicks.sortKey()).contains(TableDefinition.KeyAttribute.string("sk"));
        assertThat(clicks.timeToLiveAttribute()).contains("expiresAt");
        assertThat(clicks.transactional()).isTrue();
        assertThat(clicks.allowsMultiRegionStrongConsistency()).isFalse();
    }

    @Test
    void definitions_idempotencyRecordsExpireButMayStillBeStronglyConsistent() {
        TableDefinition idempotency = definitions.get(2);

        assertThat(idempotency.partitionKey().name()).isEqualTo("idemKey");
        assertThat(idempotency.timeToLiveAttribute()).isEqualTo(Optional.of("expiresAt"));
        assertThat(idempotency.transactional()).isFalse();
        assertThat(idempotency.allowsMultiRegionStrongConsistency()).isTrue();
    }

    @Test
    void definitions_linksClicksAndIdempotencyAreGlobalTables() {
        assertThat(definitions.subList(0, 3)).extracting(TableDefinition::replication).containsOnly(Replication.GLOBAL);
    }

    @Test
    void definitions_rateLimitsAreRegionalWithTtlSoNeverStronglyConsistent() {
        TableDefinition rateLimits = definitions.get(3);

        assertThat(rateLimits.partitionKey()).isEqualTo(TableDefinition.KeyAttribute.string("key"));
        assertThat(rateLimits.sortKey()).isEmpty();
        assertThat(rateLimits.timeToLiveAttribute()).contains("expiresAt");
        assertThat(rateLimits.transactional()).isFalse();
        assertThat(rateLimits.replication()).isEqualTo(Replication.REGIONAL);
        assertThat(rateLimits.allowsMultiRegionStrongConsistency()).isFalse();
    }

    @Test
    void createRequest_mapsKeysAndOnDemandBilling() {
        CreateTableRequest request = TernTables.createRequest(definitions.get(1));

        assertThat(request.tableName()).isEqualTo("t-clicks");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("code:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(request.attributeDefinitions()).allSatisfy(a -> assertThat(a.attributeType()).isEqualTo(ScalarAttributeType.S));
    }

    @Test
    void definitions_healthIsOneGlobalTableOfRoundsActionsAndCheckpointsThatExpire() {
        TableDefinition health = definitions.get(6);

        assertThat(health.setting()).isEqualTo(Setting.HEALTH_TABLE);
        assertThat(health.partitionKey()).isEqualTo(TableDefinition.KeyAttribute.string("pk"));
        assertThat(health.sortKey()).contains(TableDefinition.KeyAttribute.string("sk"));
        assertThat(health.timeToLiveAttribute()).contains("expiresAt");
        assertThat(health.replication()).isEqualTo(Replication.GLOBAL);
        assertThat(health.transactional()).isFalse();
        assertThat(health.indexes()).isEmpty();
    }
}
