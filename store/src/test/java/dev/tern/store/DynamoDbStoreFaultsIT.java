package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.FaultInjector;
import dev.tern.testkit.FaultInjector.Fault;
import dev.tern.testkit.FaultInjector.Mode;
import dev.tern.testkit.LinkFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;

/** What callers see when DynamoDB throttles, times out or loses an acknowledgement: core's errors, and no double counting. */
class DynamoDbStoreFaultsIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final FaultInjector faults = new FaultInjector();
    private static DynamoDbStores stores;

    @BeforeAll
    static void createTables() {
        stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix())),
                "test", List.of(faults));
        stores.createTablesIfMissing();
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @AfterEach
    void disarm() {
        faults.clear();
    }

    @Test
    void find_throttledOnEveryAttempt_throwsStoreUnavailableWithoutInternals() {
        Link link = newLink();
        stores.stores().links().insertNew(link);
        int before = faults.injected("GetItem");
        faults.failNext(100, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThatThrownBy(() -> stores.stores().links().find(link.code()))
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(SdkException.class)
                .satisfies(e -> {
                    StoreUnavailableException unavailable = (StoreUnavailableException) e;
                    assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(unavailable.detail()).contains("throttling").doesNotContain(ddb.tablePrefix(), "links", "Dynamo");
                });
        assertThat(faults.injected("GetItem") - before).as("attempts the SDK made").isBetween(2, 3);
    }

    @Test
    void find_throttledOnce_isRetriedByTheSdkAndSucceeds() {
        Link link = newLink();
        stores.stores().links().insertNew(link);
        faults.failNext(1, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThat(stores.stores().links().find(link.code())).contains(link);
    }

    @Test
    void insertNew_timingOutOnEveryAttempt_throwsStoreUnavailableAndStoresNothing() {
        Link link = newLink();
        faults.failNext(100, "PutItem", Mode.BEFORE_SEND, Fault.TIMEOUT);

        assertThatThrownBy(() -> stores.stores().links().insertNew(link)).isInstanceOf(StoreUnavailableException.class);
        faults.clear();
        assertThat(stores.stores().links().findLatest(link.code())).isEmpty();
    }

    @Test
    void insertNew_lostAcknowledgementThenRetry_succeedsWithTheOneLink() {
        Link link = newLink();
        faults.failNext(1, "PutItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        assertThatThrownBy(() -> stores.stores().links().insertNew(link)).isInstanceOf(StoreUnavailableException.class);
        stores.stores().links().insertNew(link);

        assertThat(stores.stores().links().findLatest(link.code())).contains(link);
        Link other = LinkFixtures.link(link.code()).target("https://example.com/someone-else").build();
        assertThatThrownBy(() -> stores.stores().links().insertNew(other)).isInstanceOf(CodeTakenException.class);
    }

    @Test
    void claim_lostAcknowledgementThenRetry_returnsTheSameRecord() {
        IdempotencyRecord record = new IdempotencyRecord("key:faults " + NEXT.incrementAndGet(), "f", new ShortCode("claim01"), Instant.now());
        faults.failNext(1, "PutItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        assertThatThrownBy(() -> stores.stores().idempotency().claim(record)).isInstanceOf(StoreUnavailableException.class);

        assertThat(stores.stores().idempotency().claim(record)).contains(record);
    }

    @Test
    void add_lostAcknowledgementThenRetryOfTheSameBatch_countsItOnce() {
        ShortCode code = new ShortCode("clicks" + NEXT.incrementAndGet());
        ClickTally tally = ClickTally.of(code, clicks(code, 9));
        faults.failNext(1, "TransactWriteItems", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        assertThatThrownBy(() -> stores.stores().clicks().add("batch-1", tally)).isInstanceOf(StoreUnavailableException.class);
        assertThat(stores.stores().clicks().total(code)).as("applied although the caller saw a failure").isEqualTo(9);
        stores.stores().clicks().add("batch-1", tally);

        assertThat(stores.stores().clicks().total(code)).isEqualTo(9);
        assertThat(faults.injected("TransactWriteItems")).isPositive();
    }

    @Test
    void addAll_lostAcknowledgementOfAChunk_isRetriedAndCountsEachLinkOnce() {
        List<ClickTally> tallies = twoChunksOfTallies();
        faults.failNext(1, "TransactWriteItems", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        stores.stores().clicks().addAll("batch-4", tallies); // retries the chunk itself, finds its marker
        stores.stores().clicks().addAll("batch-4", tallies);

        for (ClickTally tally : tallies) {
            assertThat(stores.stores().clicks().total(tally.code())).as(tally.code().value()).isEqualTo(tally.total());
        }
        assertThat(faults.injected("TransactWriteItems")).isPositive();
    }

    @Test
    void addAll_throttledOnEveryAttempt_throwsStoreUnavailableAndARetryCountsOnce() {
        List<ClickTally> tallies = twoChunksOfTallies();
        faults.failNext(1000, "TransactWriteItems", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThatThrownBy(() -> stores.stores().clicks().addAll("batch-5", tallies)).isInstanceOf(StoreUnavailableException.class);
        faults.clear();
        assertThat(tallies).allSatisfy(tally -> assertThat(stores.stores().clicks().total(tally.code())).isZero());
        stores.stores().clicks().addAll("batch-5", tallies);
        stores.stores().clicks().addAll("batch-5", tallies);

        for (ClickTally tally : tallies) {
            assertThat(stores.stores().clicks().total(tally.code())).as(tally.code().value()).isEqualTo(tally.total());
        }
    }

    @Test
    void add_throttledOnEveryAttempt_throwsStoreUnavailableAndARetryCountsOnce() {
        ShortCode code = new ShortCode("clicks" + NEXT.incrementAndGet());
        ClickTally tally = ClickTally.of(code, clicks(code, 4));
        faults.failNext(100, "TransactWriteItems", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThatThrownBy(() -> stores.stores().clicks().add("batch-2", tally)).isInstanceOf(StoreUnavailableException.class);
        faults.clear();
        assertThat(stores.stores().clicks().total(code)).isZero();
        stores.stores().clicks().add("batch-2", tally);
        stores.stores().clicks().add("batch-2", tally);

        assertThat(stores.stores().clicks().total(code)).isEqualTo(4);
    }

    @Test
    void add_longTallyInterruptedBetweenItsParts_isCompletedByRetriesWithoutDoubleCounting() {
        ShortCode code = new ShortCode("history" + NEXT.incrementAndGet());
        List<Click> clicks = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            clicks.add(new Click(code, Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofDays(d)), "direct", "", VisitorClass.BROWSER));
        }
        ClickTally tally = ClickTally.of(code, clicks);
        faults.failEvery(2, "TransactWriteItems", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        int failures = 0;
        while (true) {
            try {
                stores.stores().clicks().add("batch-3", tally);
                break;
            } catch (StoreUnavailableException e) {
                assertThat(++failures).isLessThan(10);
            }
        }

        assertThat(failures).isPositive();
        assertThat(stores.stores().clicks().total(code)).isEqualTo(60);
    }

    private static Link newLink() {
        return LinkFixtures.link("fault" + NEXT.incrementAndGet()).build();
    }

    /** 40 links with 1-5 clicks each: two transactions of {@code addAll}. */
    private static List<ClickTally> twoChunksOfTallies() {
        List<ClickTally> tallies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ShortCode code = new ShortCode("chunk" + NEXT.incrementAndGet());
            tallies.add(ClickTally.of(code, clicks(code, 1 + i % 5)));
        }
        return tallies;
    }

    private static List<Click> clicks(ShortCode code, int n) {
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clicks.add(new Click(code, Instant.parse("2026-11-23T12:00:00Z"), "t.co", "DE", VisitorClass.BROWSER));
        }
        return clicks;
    }
}
