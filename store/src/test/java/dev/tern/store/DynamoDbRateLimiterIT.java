package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.FaultInjector;
import dev.tern.testkit.FaultInjector.Fault;
import dev.tern.testkit.FaultInjector.Mode;
import dev.tern.testkit.RateLimiterContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbRateLimiterIT extends RateLimiterContract {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    /** 3 at once, then one every 6 seconds. */
    private static final RateLimit THREE_THEN_TEN_A_MINUTE = new RateLimit(3, 10, Duration.ofMinutes(1));
    private static final long SIX_SECONDS_MICROS = 6_000_000;

    private static final FaultInjector faults = new FaultInjector();
    private static StoreSettings settings;
    private static DynamoDbStores stores;
    private static DynamoDbClient client;

    /**
     * Generous call timeouts. On a busy machine DynamoDB Local can answer a write after the attempt
     * timeout; the SDK then retries a write that was applied, and that takes a second token (see
     * {@link DynamoDbRateLimiter}: a lost answer errs towards limiting). The contract's exact counts
     * are about races; a lost answer is {@link #tryAcquire_acknowledgementLost_costsTheTokenTaken}.
     */
    @BeforeAll
    static void createTables() {
        settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()))
                .withCallTimeout(Duration.ofSeconds(30));
        stores = DynamoDbStores.open(settings, "test", List.of(faults));
        stores.createTablesIfMissing();
        client = DynamoDbClients.create(settings, List.of());
    }

    @AfterAll
    static void close() {
        client.close();
        stores.close();
    }

    @AfterEach
    void disarm() {
        faults.clear();
    }

    @Override
    protected RateLimiter limiter() {
        return stores.rateLimiter();
    }

    @Test
    void tryAcquire_newKey_storesWhenTheBucketIsFullAgainAndExpiresAnHourAfterItCouldBeFull() {
        String key = uniqueKey();
        Instant now = t0().truncatedTo(ChronoUnit.SECONDS).plusMillis(250);

        limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, now);

        Map<String, AttributeValue> item = item(key);
        long nowMicros = now.toEpochMilli() * 1_000;
        assertThat(item).containsOnlyKeys("key", "fullAt", "interval", "expiresAt");
        assertThat(item.get("fullAt").n()).isEqualTo(Long.toString(nowMicros + SIX_SECONDS_MICROS));
        assertThat(item.get("interval").n()).isEqualTo(Long.toString(SIX_SECONDS_MICROS));
        // The latest it could be full again: now + 3 tokens of 6 s (rounded up to a second), plus an hour.
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(now.getEpochSecond() + 18 + 1 + 3600));
    }

    @Test
    void tryAcquire_itemPastItsTimeToLiveButNotYetDeleted_isAFullBucket() {
        String key = uniqueKey();
        Instant dayAgo = t0().minus(Duration.ofDays(1));
        client.putItem(r -> r.tableName(settings.tables().rateLimits()).item(Map.of(
                "key", AttributeValue.fromS(key),
                "fullAt", AttributeValue.fromN(Long.toString(dayAgo.toEpochMilli() * 1_000)),
                "interval", AttributeValue.fromN(Long.toString(SIX_SECONDS_MICROS)),
                "expiresAt", AttributeValue.fromN(Long.toString(dayAgo.getEpochSecond())))));

        assertThat(limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, t0())).isEqualTo(RateDecision.allow(2));
    }

    @Test
    void tryAcquire_refused_readsButDoesNotWrite() {
        String key = uniqueKey();
        for (int i = 0; i < 3; i++) {
            limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, t0());
        }
        int writes = faults.calls("UpdateItem", Mode.BEFORE_SEND);
        int reads = faults.calls("GetItem", Mode.BEFORE_SEND);

        assertThat(limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, t0()).allowed()).isFalse();

        assertThat(faults.calls("UpdateItem", Mode.BEFORE_SEND)).isEqualTo(writes);
        assertThat(faults.calls("GetItem", Mode.BEFORE_SEND)).isEqualTo(reads + 1);
    }

    @Test
    void tryAcquire_changedInterval_storesTheBucketRemeasuredEvenWhenRefusing() {
        String key = uniqueKey();
        for (int i = 0; i < 3; i++) {
            limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, t0());
        }
        RateLimit threePerMinute = new RateLimit(3, 3, Duration.ofMinutes(1));

        assertThat(limiter().tryAcquire(key, threePerMinute, t0())).isEqualTo(RateDecision.refuse(Duration.ofSeconds(20)));

        Map<String, AttributeValue> item = item(key);
        assertThat(item.get("interval").n()).isEqualTo("20000000");
        assertThat(item.get("fullAt").n()).isEqualTo(Long.toString(t0().toEpochMilli() * 1_000 + 60_000_000));
    }

    @Test
    void tryAcquire_twoContainersWith16ThreadsEach_allowExactlyTheBurst() throws Exception {
        String key = uniqueKey();
        RateLimit twenty = new RateLimit(20, 1, Duration.ofHours(1));
        try (DynamoDbClient otherClient = DynamoDbClients.create(settings, List.of())) {
            List<RateLimiter> containers = List.of(
                    new DynamoDbRateLimiter(client, settings.tables().rateLimits()),
                    new DynamoDbRateLimiter(otherClient, settings.tables().rateLimits()));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> allowed = new ArrayList<>();
                for (int t = 0; t < 32; t++) {
                    RateLimiter container = containers.get(t % 2);
                    Instant at = t0().plusMillis(t % 3); // clocks a millisecond or two apart
                    allowed.add(pool.submit(() -> {
                        start.await();
                        int n = 0;
                        for (int i = 0; i < 3; i++) {
                            n += container.tryAcquire(key, twenty, at).allowed() ? 1 : 0;
                        }
                        return n;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : allowed) {
                    total += f.get(120, TimeUnit.SECONDS);
                }

                assertThat(total).isEqualTo(20);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void tryAcquire_throttledOnEveryAttempt_throwsStoreUnavailableWithoutInternals() {
        faults.failNext(100, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThatThrownBy(() -> limiter().tryAcquire(uniqueKey(), THREE_THEN_TEN_A_MINUTE, t0()))
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(SdkException.class)
                .satisfies(e -> {
                    StoreUnavailableException unavailable = (StoreUnavailableException) e;
                    assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(unavailable.detail()).contains("throttling").doesNotContain(ddb.tablePrefix(), "rate-limits", "Dynamo");
                });
    }

    @Test
    void tryAcquire_writeTimingOut_throwsStoreUnavailable() {
        faults.failNext(100, "UpdateItem", Mode.BEFORE_SEND, Fault.TIMEOUT);

        assertThatThrownBy(() -> limiter().tryAcquire(uniqueKey(), THREE_THEN_TEN_A_MINUTE, t0()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void tryAcquire_acknowledgementLost_costsTheTokenTaken() {
        String key = uniqueKey();
        faults.failNext(1, "UpdateItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        assertThatThrownBy(() -> limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, t0()))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(limiter().tryAcquire(key, THREE_THEN_TEN_A_MINUTE, t0())).isEqualTo(RateDecision.allow(1));
    }

    private static Map<String, AttributeValue> item(String key) {
        return client.getItem(r -> r.tableName(settings.tables().rateLimits())
                .key(Map.of("key", AttributeValue.fromS(key))).consistentRead(true)).item();
    }
}
