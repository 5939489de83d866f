package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does: token buckets that start full, refill at the limit's rate up
 * to its burst, and never hand out one token twice, however many callers ask at once.
 *
 * <p>Time is passed explicitly; nothing sleeps. The instants are near the real clock (a store may
 * let buckets expire some time after they would be full again, as DynamoDB's TTL does).
 *
 * <p><b>A changed limit for an existing key</b> (a redeployment with new settings): the tokens taken
 * and not yet back carry over, counted in requests, and come back at the new rate; a token partly
 * back under the old rate counts as taken. So raising the burst takes effect at once (3 of 5 taken
 * leaves 2 under a burst of 5, 7 under a burst of 10), lowering it never hands out more than the
 * new burst (8 of 10 taken under a burst of 5 means waiting until 4 have come back), and a faster
 * rate refills the tokens already taken faster.
 */
public abstract class RateLimiterContract {
    /** 3 at once, then one every 6 seconds. */
    private static final RateLimit THREE_THEN_TEN_A_MINUTE = new RateLimit(3, 10, Duration.ofMinutes(1));
    private static final Duration SIX_SECONDS = Duration.ofSeconds(6);

    /** Whole milliseconds near the real clock, the same for every test of a class. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The limiter under test (may be shared by the tests of a class). */
    protected abstract RateLimiter limiter();

    /** A bucket key no other test uses. */
    protected static String uniqueKey() {
        return "rl:test" + UniqueNames.suffix();
    }

    /** An instant shared by the tests of a class, near the real clock. */
    protected static Instant t0() {
        return T0;
    }

    private RateDecision acquire(String key, RateLimit limit, Instant at) {
        return limiter().tryAcquire(key, limit, at);
    }

    /** Takes {@code n} tokens at {@code at}, each of which must be granted. */
    private void drain(String key, RateLimit limit, Instant at, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(acquire(key, limit, at).allowed()).as("request %d of %d", i + 1, n).isTrue();
        }
    }

    @Test
    void tryAcquire_newKey_startsFullAndAllows() {
        RateDecision decision = acquire(uniqueKey(), THREE_THEN_TEN_A_MINUTE, T0);

        assertThat(decision).isEqualTo(RateDecision.allow(2));
    }

    @Test
    void tryAcquire_withinTheBurst_countsRemainingDownToZero() {
        String key = uniqueKey();
        RateLimit five = new RateLimit(5, 1, Duration.ofHours(1));

        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RateDecision decision = acquire(key, five, T0);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.retryAfter()).isZero();
            remaining.add(decision.remaining());
        }

        assertThat(remaining).containsExactly(4, 3, 2, 1, 0);
    }

    @Test
    void tryAcquire_burstPlusOneAtOneInstant_isRefusedUntilOneTokenIsBack() {
        String key = uniqueKey();
        drain(key, THREE_THEN_TEN_A_MINUTE, T0, 3);

        RateDecision refused = acquire(key, THREE_THEN_TEN_A_MINUTE, T0);

        assertThat(refused).isEqualTo(RateDecision.refuse(THREE_THEN_TEN_A_MINUTE.refillInterval()));
        assertThat(refused.retryAfter()).isEqualTo(SIX_SECONDS);
    }

    @Test
    void tryAcquire_refusal_takesNothing() {
        String key = uniqueKey();
        drain(key, THREE_THEN_TEN_A_MINUTE, T0, 3);
        for (int i = 0; i < 5; i++) {
            assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, T0.plusSeconds(1)).allowed()).isFalse();
        }

        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, T0.plus(SIX_SECONDS))).isEqualTo(RateDecision.allow(0));
    }

    @Test
    void tryAcquire_tokensComeBackAtTheRate() {
        String key = uniqueKey();
        drain(key, THREE_THEN_TEN_A_MINUTE, T0, 3);

        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, T0.plus(SIX_SECONDS).minusMillis(1)))
                .isEqualTo(RateDecision.refuse(Duration.ofMillis(1)));
        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, T0.plus(SIX_SECONDS))).isEqualTo(RateDecision.allow(0));
        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, T0.plus(SIX_SECONDS)))
                .isEqualTo(RateDecision.refuse(SIX_SECONDS));
    }

    @Test
    void tryAcquire_partOfTheBurstBack_allowsThatMany() {
        String key = uniqueKey();
        RateLimit five = new RateLimit(5, 10, Duration.ofMinutes(1));
        drain(key, five, T0, 5);
        Instant later = T0.plusSeconds(15); // two and a half tokens back

        assertThat(acquire(key, five, later)).isEqualTo(RateDecision.allow(1));
        assertThat(acquire(key, five, later)).isEqualTo(RateDecision.allow(0));
        assertThat(acquire(key, five, later)).isEqualTo(RateDecision.refuse(Duration.ofSeconds(3)));
    }

    @Test
    void tryAcquire_longIdle_refillsNoMoreThanTheBurst() {
        String key = uniqueKey();
        drain(key, THREE_THEN_TEN_A_MINUTE, T0, 3);
        Instant dayLater = T0.plus(Duration.ofDays(1));

        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, dayLater)).isEqualTo(RateDecision.allow(2));
        drain(key, THREE_THEN_TEN_A_MINUTE, dayLater, 2);
        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, dayLater).allowed()).isFalse();
    }

    @Test
    void tryAcquire_differentKeys_areIndependent() {
        String drained = uniqueKey();
        String other = uniqueKey();
        drain(drained, THREE_THEN_TEN_A_MINUTE, T0, 3);

        assertThat(acquire(other, THREE_THEN_TEN_A_MINUTE, T0)).isEqualTo(RateDecision.allow(2));
        assertThat(acquire(drained, THREE_THEN_TEN_A_MINUTE, T0).allowed()).isFalse();
    }

    @Test
    void tryAcquire_keysDifferingOnlyInCase_areDistinct() {
        String suffix = UniqueNames.suffix();
        drain("rl:K" + suffix, THREE_THEN_TEN_A_MINUTE, T0, 3);

        assertThat(acquire("rl:k" + suffix, THREE_THEN_TEN_A_MINUTE, T0).allowed()).isTrue();
    }

    @Test
    void tryAcquire_earlierInstantThanLastSeen_addsNoTokens() {
        String key = uniqueKey();
        drain(key, THREE_THEN_TEN_A_MINUTE, T0, 3);

        // Another container's clock one second behind: the token is back a second later for it.
        assertThat(acquire(key, THREE_THEN_TEN_A_MINUTE, T0.minusSeconds(1)))
                .isEqualTo(RateDecision.refuse(SIX_SECONDS.plusSeconds(1)));
    }

    @Test
    void tryAcquire_32ThreadsAt10RequestsEachOnABurstOf50_allowExactly50() throws Exception {
        String key = uniqueKey();
        RateLimit fifty = new RateLimit(50, 1, Duration.ofHours(1));
        int threads = 32;
        int attempts = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<RateDecision>>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    List<RateDecision> decisions = new ArrayList<>();
                    for (int i = 0; i < attempts; i++) {
                        decisions.add(acquire(key, fifty, T0));
                    }
                    return decisions;
                }));
            }
            start.countDown();
            List<RateDecision> all = new ArrayList<>();
            for (Future<List<RateDecision>> outcome : outcomes) {
                all.addAll(outcome.get(120, TimeUnit.SECONDS));
            }

            assertThat(all).hasSize(threads * attempts);
            assertThat(all).filteredOn(RateDecision::allowed).hasSize(50)
                    .extracting(RateDecision::remaining).containsExactlyInAnyOrderElementsOf(countDown(49));
            assertThat(all).filteredOn(d -> !d.allowed())
                    .allSatisfy(d -> assertThat(d.retryAfter()).isEqualTo(Duration.ofHours(1)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tryAcquire_burstRaisedForAKey_takesEffectAtOnceCountingTokensTaken() {
        String key = uniqueKey();
        drain(key, new RateLimit(5, 1, Duration.ofHours(1)), T0, 3);
        RateLimit ten = new RateLimit(10, 1, Duration.ofHours(1));

        assertThat(acquire(key, ten, T0)).isEqualTo(RateDecision.allow(6));
        drain(key, ten, T0, 6);
        assertThat(acquire(key, ten, T0)).isEqualTo(RateDecision.refuse(Duration.ofHours(1)));
    }

    @Test
    void tryAcquire_burstLoweredBelowTokensTaken_waitsUntilEnoughAreBack() {
        String key = uniqueKey();
        drain(key, new RateLimit(10, 1, Duration.ofMinutes(1)), T0, 8);
        RateLimit five = new RateLimit(5, 1, Duration.ofMinutes(1));

        // 8 taken under a burst of 5: the first token under the new limit is 4 minutes away.
        assertThat(acquire(key, five, T0)).isEqualTo(RateDecision.refuse(Duration.ofMinutes(4)));
        assertThat(acquire(key, five, T0.plus(Duration.ofMinutes(4)))).isEqualTo(RateDecision.allow(0));
    }

    @Test
    void tryAcquire_fasterRateForADrainedKey_refillsAtTheNewRate() {
        String key = uniqueKey();
        RateLimit fivePerHour = new RateLimit(5, 5, Duration.ofHours(1));
        drain(key, fivePerHour, T0, 5);
        RateLimit fivePerTenMinutes = new RateLimit(5, 5, Duration.ofMinutes(10));

        assertThat(acquire(key, fivePerTenMinutes, T0)).isEqualTo(RateDecision.refuse(Duration.ofMinutes(2)));
        assertThat(acquire(key, fivePerTenMinutes, T0.plus(Duration.ofMinutes(2)))).isEqualTo(RateDecision.allow(0));
        assertThat(acquire(key, fivePerTenMinutes, T0.plus(Duration.ofMinutes(10)))).isEqualTo(RateDecision.allow(3));
    }

    @Test
    void tryAcquire_slowerRateForAKey_refillsTokensTakenAtTheNewRate() {
        String key = uniqueKey();
        drain(key, new RateLimit(5, 60, Duration.ofHours(1)), T0, 1);
        RateLimit fivePerHour = new RateLimit(5, 5, Duration.ofHours(1));

        drain(key, fivePerHour, T0.plusSeconds(30), 4);
        assertThat(acquire(key, fivePerHour, T0.plusSeconds(30)))
                .isEqualTo(RateDecision.refuse(Duration.ofMinutes(12)));
    }

    @Test
    void tryAcquire_keyOfOneKilobyte_isAccepted() {
        String key = uniqueKey();
        String kilobyte = key + "é".repeat((1024 - key.length()) / 2) + "x".repeat((1024 - key.length()) % 2);

        assertThat(acquire(kilobyte, THREE_THEN_TEN_A_MINUTE, T0)).isEqualTo(RateDecision.allow(2));
    }

    @Test
    void tryAcquire_emptyOrLongerThanOneKilobyteKey_isRejected() {
        assertThatThrownBy(() -> acquire("", THREE_THEN_TEN_A_MINUTE, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acquire("k".repeat(1025), THREE_THEN_TEN_A_MINUTE, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acquire(null, THREE_THEN_TEN_A_MINUTE, T0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tryAcquire_limitTakingCenturiesToFill_isRejected() {
        RateLimit glacial = new RateLimit(1_000, 1, Duration.ofDays(365));

        assertThatThrownBy(() -> acquire(uniqueKey(), glacial, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> countDown(int from) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i >= 0; i--) {
            values.add(i);
        }
        return values;
    }
}
