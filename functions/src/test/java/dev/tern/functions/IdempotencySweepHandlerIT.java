package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.link.ShortCode;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.DynamoDbIdempotencyStore;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly sweep of expired Idempotency-Key records on DynamoDB Local. The records expire in the
 * real future (DynamoDB Local's own TTL leaves them alone); the sweeping store's clock is two days on.
 */
class IdempotencySweepHandlerIT {
    @RegisterExtension
    static final DynamoDbLocalExtension DDB = DynamoDbLocalExtension.inMemory();

    private static StoreSettings settings;
    private static DynamoDbClient client;

    @BeforeAll
    static void open() {
        settings = StoreSettings.forEndpoint(DDB.endpoint(), TableNames.withPrefix(DDB.tablePrefix()))
                .withCallTimeout(Duration.ofSeconds(30));
        try (DynamoDbStores stores = DynamoDbStores.open(settings, "test")) {
            stores.createTablesIfMissing();
        }
        client = DynamoDbClients.create(settings, List.of());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static DynamoDbIdempotencyStore storeAt(Instant now) {
        return new DynamoDbIdempotencyStore(client, settings.tables().idempotency(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void sweep_deletesTheExpiredRecordsInPages_andReportsWhatItDid() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            storeAt(now).claim(new IdempotencyRecord("sweep-" + i, "f", new ShortCode("sweep" + i), now));
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        IdempotencySweepHandler handler = new IdempotencySweepHandler(storeAt(now.plus(Duration.ofHours(48))), 5, lines::add);

        IdempotencySweepHandler.Outcome outcome = handler.sweep(() -> 60_000);

        assertThat(outcome.deleted()).isEqualTo(12);
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.pages()).isGreaterThanOrEqualTo(3);
        assertThat(lines).singleElement().asString()
                .startsWith("{\"level\":\"INFO\",\"op\":\"idempotency-sweep\"").contains("\"deleted\":12", "\"complete\":true");
        // the records are gone: their keys can be claimed by anyone
        IdempotencyRecord again = new IdempotencyRecord("sweep-0", "other", new ShortCode("other0"), now);
        assertThat(storeAt(now).claim(again)).isEmpty();
    }

    @Test
    void sweep_withTooLittleTimeLeft_stopsBeforeAnyPage() {
        List<String> lines = new CopyOnWriteArrayList<>();
        IdempotencySweepHandler handler = new IdempotencySweepHandler(storeAt(Instant.now()), 5, lines::add);

        IdempotencySweepHandler.Outcome outcome = handler.sweep(() -> IdempotencySweepHandler.RESERVE_MILLIS - 1);

        assertThat(outcome.pages()).isZero();
        assertThat(outcome.complete()).isFalse();
        assertThat(lines).singleElement().asString().contains("\"complete\":false");
    }

    @Test
    void handleRequest_scheduledEventWithoutContext_sweepsToTheEnd() {
        IdempotencySweepHandler handler = new IdempotencySweepHandler(storeAt(Instant.now()), 100, line -> { });

        assertThat(handler.handleRequest(java.util.Map.of("source", "aws.events", "detail-type", "Scheduled Event"), null))
                .contains("\"complete\":true");
    }
}
