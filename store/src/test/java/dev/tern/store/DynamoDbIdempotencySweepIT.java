package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sweep of expired idempotency records (MRSC tables have no TTL). Every record here expires in
 * the real future, so DynamoDB Local's own TTL never removes one; the sweeping store's clock is two
 * days ahead, so to it the old records have expired.
 */
class DynamoDbIdempotencySweepIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static StoreSettings settings;
    private static DynamoDbStores stores;
    private static DynamoDbClient client;

    @BeforeAll
    static void tables() {
        settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()))
                .withCallTimeout(Duration.ofSeconds(30));
        stores = DynamoDbStores.open(settings, "test");
        stores.createTablesIfMissing();
        client = DynamoDbClients.create(settings, List.of());
    }

    @AfterAll
    static void close() {
        client.close();
        stores.close();
    }

    private static DynamoDbIdempotencyStore storeAt(Instant now) {
        return new DynamoDbIdempotencyStore(client, settings.tables().idempotency(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static boolean stored(String key) {
        return client.getItem(r -> r.tableName(settings.tables().idempotency())
                .key(Map.of("idemKey", AttributeValue.fromS(key))).consistentRead(true)).hasItem();
    }

    @Test
    void sweepExpired_inPages_deletesEveryExpiredRecordAndKeepsTheLiveOnes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant sweepTime = now.plus(Duration.ofHours(48));
        Set<String> old = new HashSet<>();
        Set<String> live = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            IdempotencyRecord record = new IdempotencyRecord("old-" + i, "f", new ShortCode("old" + i), now);
            storeAt(now).claim(record);
            old.add(record.key());
        }
        for (int i = 0; i < 5; i++) {
            // created "later": to the sweeping store they are an hour old
            IdempotencyRecord record = new IdempotencyRecord("live-" + i, "f", new ShortCode("live" + i),
                    sweepTime.minus(Duration.ofHours(1)));
            storeAt(now).claim(record);
            live.add(record.key());
        }

        DynamoDbIdempotencyStore sweeper = storeAt(sweepTime);
        int deleted = 0;
        int pages = 0;
        Optional<String> start = Optional.empty();
        do {
            DynamoDbIdempotencyStore.SweepPage page = sweeper.sweepExpired(start, 7);
            assertThat(page.examined()).isLessThanOrEqualTo(7);
            deleted += page.deleted();
            start = page.nextStart();
            pages++;
        } while (start.isPresent());

        assertThat(deleted).isEqualTo(25);
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertThat(old).noneMatch(DynamoDbIdempotencySweepIT::stored);
        assertThat(live).allMatch(DynamoDbIdempotencySweepIT::stored);
        // A second sweep finds nothing more to delete.
        assertThat(sweeper.sweepExpired(Optional.empty(), 1000).deleted()).isZero();
    }

    @Test
    void sweepExpired_keyClaimedAgainSinceTheScan_keepsTheNewRecord() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(Duration.ofHours(30));
        IdempotencyRecord first = new IdempotencyRecord("again-1", "f1", new ShortCode("again1"), now);
        storeAt(now).claim(first);
        // The record expired and the key was claimed again, as claim allows: the sweep must not delete the new claim.
        IdempotencyRecord second = new IdempotencyRecord("again-1", "f2", new ShortCode("again2"), later);
        assertThat(storeAt(later).claim(second)).isEmpty();

        storeAt(later).sweepExpired(Optional.empty(), 1000);

        assertThat(storeAt(later).claim(new IdempotencyRecord("again-1", "f3", new ShortCode("again3"), later)))
                .contains(second);
    }

    @Test
    void sweepExpired_pageSizeOutOfRange_isRefused() {
        assertThatThrownBy(() -> storeAt(Instant.now()).sweepExpired(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storeAt(Instant.now()).sweepExpired(Optional.empty(), 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
