package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.idempotency.IdempotencyStore;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} does. Records are created "now": a store may forget a record
 * a day after its creation, which these tests never reach.
 */
public abstract class IdempotencyStoreContract {

    /** The store under test (may be shared by the tests of a class). */
    protected abstract IdempotencyStore store();

    /** A key no other test uses, shaped like the scoped keys {@code LinkService} stores. */
    protected static String uniqueKey() {
        return "key:test client-key" + UniqueNames.suffix();
    }

    private static IdempotencyRecord record(String key, String fingerprint, String code) {
        return new IdempotencyRecord(key, fingerprint, new ShortCode(code), Instant.now());
    }

    @Test
    void claim_newKey_returnsEmpty() {
        assertThat(store().claim(record(uniqueKey(), "f1", "abc1234"))).isEmpty();
    }

    @Test
    void claim_takenKey_returnsTheFirstRecordUnchanged() {
        String key = uniqueKey();
        IdempotencyRecord first = record(key, "fingerprint-1", "first01");
        store().claim(first);

        Optional<IdempotencyRecord> second = store().claim(record(key, "fingerprint-2", "second2"));

        assertThat(second).contains(first);
    }

    @Test
    void claim_sameRecordAgain_returnsIt() {
        IdempotencyRecord record = record(uniqueKey(), "f", "same001");
        store().claim(record);

        assertThat(store().claim(record)).contains(record);
    }

    @Test
    void claim_keysDifferingOnlyInCase_areDistinct() {
        String suffix = UniqueNames.suffix();
        IdempotencyRecord upper = record("key:test K" + suffix, "f", "upper01");
        IdempotencyRecord lower = record("key:test k" + suffix, "f", "lower01");

        assertThat(store().claim(upper)).isEmpty();
        assertThat(store().claim(lower)).isEmpty();
    }

    @Test
    void reassign_whileCodeIsExpected_pointsTheKeyAtTheReplacement() {
        IdempotencyRecord record = record(uniqueKey(), "f", "old0001");
        store().claim(record);

        IdempotencyRecord reassigned = store().reassign(record.key(), record.code(), new ShortCode("new0001"));

        assertThat(reassigned).isEqualTo(record.withCode(new ShortCode("new0001")));
        assertThat(store().claim(record)).contains(reassigned);
    }

    @Test
    void reassign_afterAnotherReassign_returnsTheCurrentRecordUnchanged() {
        IdempotencyRecord record = record(uniqueKey(), "f", "old0002");
        store().claim(record);
        IdempotencyRecord winner = store().reassign(record.key(), record.code(), new ShortCode("winner2"));

        IdempotencyRecord late = store().reassign(record.key(), record.code(), new ShortCode("loser02"));

        assertThat(late).isEqualTo(winner);
        assertThat(store().claim(record)).contains(winner);
    }

    @Test
    void reassign_unknownKey_throwsIllegalState() {
        assertThatThrownBy(() -> store().reassign(uniqueKey(), new ShortCode("abc"), new ShortCode("def")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void claim_16ConcurrentClaimsOfOneKey_exactlyOneWinsAndTheOthersSeeIt() throws Exception {
        String key = uniqueKey();
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<IdempotencyRecord> candidates = new ArrayList<>();
            List<Future<Optional<IdempotencyRecord>>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                IdempotencyRecord candidate = record(key, "fingerprint-" + i, "code" + (1000 + i));
                candidates.add(candidate);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return store().claim(candidate);
                }));
            }
            start.countDown();
            List<IdempotencyRecord> winners = new ArrayList<>();
            List<IdempotencyRecord> seen = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Optional<IdempotencyRecord> earlier = outcomes.get(i).get(60, TimeUnit.SECONDS);
                if (earlier.isEmpty()) {
                    winners.add(candidates.get(i));
                } else {
                    seen.add(earlier.get());
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(seen).hasSize(threads - 1).allSatisfy(r -> assertThat(r).isEqualTo(winners.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }
}
