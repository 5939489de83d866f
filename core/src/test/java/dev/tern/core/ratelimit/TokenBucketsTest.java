package dev.tern.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.ratelimit.TokenBuckets.Bucket;
import dev.tern.core.ratelimit.TokenBuckets.Rate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The token-bucket arithmetic shared by the DynamoDB and in-memory limiters. */
class TokenBucketsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final long NOW_MICROS = NOW.toEpochMilli() * 1_000;
    private static final RateLimit THREE_THEN_TEN_A_MINUTE = new RateLimit(3, 10, Duration.ofMinutes(1));
    private static final long SIX_SECONDS_MICROS = 6_000_000;

    @Test
    void rate_isInWholeMicrosecondsRoundedUp() {
        assertThat(Rate.of(THREE_THEN_TEN_A_MINUTE)).isEqualTo(new Rate(3, SIX_SECONDS_MICROS, 3 * SIX_SECONDS_MICROS));
        // 3600 s / 7 = 514.285714285 s
        assertThat(Rate.of(new RateLimit(1, 7, Duration.ofHours(1))).interval()).isEqualTo(514_285_715);
        assertThat(Rate.of(new RateLimit(1, 3, Duration.ofNanos(1_000))).interval()).isEqualTo(1);
    }

    @Test
    void rate_takingCenturiesToFill_isRejected() {
        assertThatThrownBy(() -> Rate.of(new RateLimit(2, 1, Duration.ofDays(365 * 60)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.of(new RateLimit(1, 1, Duration.ofDays(365 * 200)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rate.of(new RateLimit(1, 1, Duration.ofDays(365 * 60))).burst()).isEqualTo(1);
    }

    @Test
    void debtAt_isTheTimeUntilFullAndNeverNegative() {
        Bucket bucket = new Bucket(NOW_MICROS + 10, 6);

        assertThat(bucket.debtAt(NOW_MICROS, 6)).isEqualTo(10);
        assertThat(bucket.debtAt(NOW_MICROS + 10, 6)).isZero();
        assertThat(bucket.debtAt(NOW_MICROS + 1_000, 6)).isZero();
    }

    @Test
    void debtAt_underAnotherInterval_countsEachTokenLackedPartlyRefilledOrNot() {
        Bucket bucket = new Bucket(NOW_MICROS + 13, 6); // 2 1/6 tokens lacking

        assertThat(bucket.debtAt(NOW_MICROS, 100)).isEqualTo(300);
        assertThat(bucket.debtAt(NOW_MICROS, 1)).isEqualTo(3);
    }

    @Test
    void requireKey_refusesEmptyAndOverlongKeys() {
        assertThatThrownBy(() -> TokenBuckets.requireKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenBuckets.requireKey("é".repeat(513))).isInstanceOf(IllegalArgumentException.class);
        TokenBuckets.requireKey("k".repeat(TokenBuckets.MAX_KEY_BYTES));
    }

    @Test
    void rate_decisions_followTheDebt() {
        Rate rate = Rate.of(THREE_THEN_TEN_A_MINUTE);
        assertThat(rate.hasTokenAt(2 * SIX_SECONDS_MICROS)).isTrue();
        assertThat(rate.hasTokenAt(2 * SIX_SECONDS_MICROS + 1)).isFalse();
        assertThat(rate.waitFor(3 * SIX_SECONDS_MICROS)).isEqualTo(Duration.ofSeconds(6));
        assertThat(rate.remainingAfter(SIX_SECONDS_MICROS)).isEqualTo(2);
    }
}
