package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.idempotency.IdempotencyStore;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.IdempotencyStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbIdempotencyStoreIT extends IdempotencyStoreContract {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static StoreSettings settings;
    private static DynamoDbStores stores;
    private static DynamoDbClient client;

    @BeforeAll
    static void createTables() {
        settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()));
        stores = DynamoDbStores.open(settings, "test");
        stores.createTablesIfMissing();
        client = DynamoDbClients.create(settings, List.of());
    }

    @AfterAll
    static void close() {
        client.close();
        stores.close();
    }

    @Override
    protected IdempotencyStore store() {
        return stores.stores().idempotency();
    }

    @Test
    void claim_storesTheRecordWithItsTimeToLive() {
        Instant createdAt = Instant.parse("2026-11-23T10:00:00.5Z");
        IdempotencyRecord record = new IdempotencyRecord(uniqueKey(), "f", new ShortCode("ttl0001"), createdAt);
        storeAt(createdAt).claim(record);

        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(settings.tables().idempotency())
                .key(Map.of("idemKey", AttributeValue.fromS(record.key()))).consistentRead(true)).item();

        assertThat(item).containsOnlyKeys("idemKey", "fingerprint", "code", "createdAt", "expiresAt");
        assertThat(item.get("createdAt").s()).isEqualTo("2026-11-23T10:00:00.500000000Z");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(createdAt.plus(Duration.ofHours(24)).getEpochSecond()));
    }

    @Test
    void claim_takenKeyWithinADay_returnsTheFirstRecord() {
        // Relative to the real clock: DynamoDB Local's TTL sweeper may delete items whose expiry has
        // passed, so the fresh record must expire in the future (the old one may go either way).
        Instant createdAt = Instant.now().minus(Duration.ofHours(48)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        IdempotencyRecord first = new IdempotencyRecord(uniqueKey(), "f1", new ShortCode("first01"), createdAt);
        storeAt(createdAt).claim(first);

        IdempotencyRecord second = new IdempotencyRecord(first.key(), "f2", new ShortCode("second1"), createdAt.plus(Duration.ofHours(23)));

        assertThat(storeAt(createdAt.plus(Duration.ofHours(23))).claim(second)).contains(first);
    }

    @Test
    void claim_keyOfARecordOlderThanADay_isFreeEvenBeforeTtlDeletesIt() {
        // Relative to the real clock: DynamoDB Local's TTL sweeper may delete items whose expiry has
        // passed, so the fresh record must expire in the future (the old one may go either way).
        Instant createdAt = Instant.now().minus(Duration.ofHours(48)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        IdempotencyRecord old = new IdempotencyRecord(uniqueKey(), "f1", new ShortCode("old0001"), createdAt);
        storeAt(createdAt).claim(old);

        Instant later = createdAt.plus(Duration.ofHours(25));
        IdempotencyRecord fresh = new IdempotencyRecord(old.key(), "f2", new ShortCode("fresh01"), later);

        assertThat(storeAt(later).claim(fresh)).isEmpty();
        assertThat(storeAt(later).claim(old)).contains(fresh);
    }

    private static DynamoDbIdempotencyStore storeAt(Instant now) {
        return new DynamoDbIdempotencyStore(client, settings.tables().idempotency(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
