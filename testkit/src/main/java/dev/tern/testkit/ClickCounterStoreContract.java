package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClickCounterStore} does: exactly-once counting per (batch, link), totals over
 * days, and the per-day breakdown by referrer host, country and visitor class.
 */
public abstract class ClickCounterStoreContract {
    private static final Instant DAY_1 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-11-22T23:59:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-11-23T00:00:00Z");

    /** The store under test (may be shared by the tests of a class). */
    protected abstract ClickCounterStore store();

    /** The store's daily counters of {@code code} from {@code from} to {@code to}, both included. */
    protected final SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
        return store().days(code, from, to);
    }

    /** A link code no other test uses. */
    protected static ShortCode uniqueCode(String base) {
        return new ShortCode(base + UniqueNames.suffix());
    }

    /** A batch id no other test uses. */
    protected static String uniqueBatch() {
        return "batch" + UniqueNames.suffix();
    }

    /** {@code n} clicks of a browser from {@code referrerHost} in {@code country} at {@code at}. */
    protected static List<Click> clicks(ShortCode code, int n, Instant at, String referrerHost, String country) {
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clicks.add(new Click(code, at.plusMillis(i), referrerHost, country, VisitorClass.BROWSER));
        }
        return clicks;
    }

    @Test
    void total_unknownCode_isZero() {
        assertThat(store().total(uniqueCode("never"))).isZero();
    }

    @Test
    void add_thenTotal_countsEveryClick() {
        ShortCode code = uniqueCode("count");

        store().add(uniqueBatch(), ClickTally.of(code, clicks(code, 7, DAY_3, "t.co", "DE")));

        assertThat(store().total(code)).isEqualTo(7);
    }

    @Test
    void add_sameBatchAgain_countsItOnce() {
        ShortCode code = uniqueCode("retry");
        String batch = uniqueBatch();
        ClickTally tally = ClickTally.of(code, clicks(code, 5, DAY_3, "t.co", "DE"));

        store().add(batch, tally);
        store().add(batch, tally);
        store().add(batch, tally);

        assertThat(store().total(code)).isEqualTo(5);
        assertThat(days(code, day(DAY_3), day(DAY_3)).get(day(DAY_3)).clicks()).isEqualTo(5);
    }

    @Test
    void add_oneBatchForTwoLinks_countsEachLinkOnce() {
        ShortCode first = uniqueCode("first");
        ShortCode second = uniqueCode("second");
        String batch = uniqueBatch();

        store().add(batch, ClickTally.of(first, clicks(first, 2, DAY_3, "direct", "")));
        store().add(batch, ClickTally.of(second, clicks(second, 3, DAY_3, "direct", "")));
        store().add(batch, ClickTally.of(first, clicks(first, 2, DAY_3, "direct", "")));

        assertThat(store().total(first)).isEqualTo(2);
        assertThat(store().total(second)).isEqualTo(3);
    }

    @Test
    void add_differentBatches_addUp() {
        ShortCode code = uniqueCode("sum");

        store().add(uniqueBatch(), ClickTally.of(code, clicks(code, 2, DAY_3, "t.co", "")));
        store().add(uniqueBatch(), ClickTally.of(code, clicks(code, 3, DAY_3, "t.co", "")));

        assertThat(store().total(code)).isEqualTo(5);
        assertThat(days(code, day(DAY_3), day(DAY_3)).get(day(DAY_3)).referrers()).containsEntry("t.co", 5L);
    }

    @Test
    void total_sumsClicksOfEveryDay() {
        ShortCode code = uniqueCode("days");
        List<Click> clicks = new ArrayList<>();
        clicks.addAll(clicks(code, 1, DAY_1, "direct", ""));
        clicks.addAll(clicks(code, 2, DAY_2, "direct", ""));
        clicks.addAll(clicks(code, 4, DAY_3, "direct", ""));

        store().add(uniqueBatch(), ClickTally.of(code, clicks));

        assertThat(store().total(code)).isEqualTo(7);
        SortedMap<LocalDate, DayTally> days = days(code, day(DAY_1), day(DAY_3));
        assertThat(days).containsOnlyKeys(day(DAY_1), day(DAY_2), day(DAY_3));
        assertThat(days.get(day(DAY_1)).clicks()).isEqualTo(1);
        assertThat(days.get(day(DAY_2)).clicks()).isEqualTo(2);
        assertThat(days.get(day(DAY_3)).clicks()).isEqualTo(4);
    }

    @Test
    void days_countReferrersCountriesAndVisitorClasses() {
        ShortCode code = uniqueCode("breakdown");
        List<Click> clicks = new ArrayList<>();
        clicks.addAll(clicks(code, 3, DAY_3, "t.co", "DE"));
        clicks.addAll(clicks(code, 2, DAY_3, "news.ycombinator.com", "US"));
        clicks.addAll(clicks(code, 1, DAY_3, "[2001:db8::1]", ""));
        clicks.add(new Click(code, DAY_3, "direct", "US", VisitorClass.BOT));
        clicks.add(new Click(code, DAY_3, "direct", "", VisitorClass.OTHER));

        store().add(uniqueBatch(), ClickTally.of(code, clicks));

        DayTally day = days(code, day(DAY_3), day(DAY_3)).get(day(DAY_3));
        assertThat(day.clicks()).isEqualTo(8);
        assertThat(day.referrers()).isEqualTo(Map.of("t.co", 3L, "news.ycombinator.com", 2L, "[2001:db8::1]", 1L, "direct", 2L));
        assertThat(day.countries()).isEqualTo(Map.of("DE", 3L, "US", 3L));
        assertThat(day.visitors()).isEqualTo(Map.of(VisitorClass.BROWSER, 6L, VisitorClass.BOT, 1L, VisitorClass.OTHER, 1L));
    }

    @Test
    void days_outsideTheRange_areLeftOut() {
        ShortCode code = uniqueCode("range");
        List<Click> clicks = new ArrayList<>();
        clicks.addAll(clicks(code, 1, DAY_1, "direct", ""));
        clicks.addAll(clicks(code, 1, DAY_3, "direct", ""));
        store().add(uniqueBatch(), ClickTally.of(code, clicks));

        assertThat(days(code, day(DAY_2), day(DAY_2))).isEmpty();
        assertThat(days(code, day(DAY_2), day(DAY_3))).containsOnlyKeys(day(DAY_3));
        assertThat(days(code, day(DAY_3), day(DAY_1))).isEmpty();
    }

    @Test
    void add_emptyTally_countsNothing() {
        ShortCode code = uniqueCode("empty");

        store().add(uniqueBatch(), ClickTally.of(code, List.of()));

        assertThat(store().total(code)).isZero();
    }

    @Test
    void add_concurrentDeliveriesOfOneBatch_countItOnce() throws Exception {
        ShortCode code = uniqueCode("dupes");
        String batch = uniqueBatch();
        ClickTally tally = ClickTally.of(code, clicks(code, 11, DAY_3, "t.co", "FR"));

        inParallel(8, () -> untilApplied(() -> store().add(batch, tally)));

        assertThat(store().total(code)).isEqualTo(11);
    }

    @Test
    void addAll_manyLinksOverTwoDays_countsEachOnce_andARetryChangesNothing() {
        String batch = uniqueBatch();
        List<ClickTally> tallies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ShortCode code = uniqueCode("all" + i + "x");
            List<Click> clicks = new ArrayList<>(clicks(code, 1 + i % 3, DAY_2, "t.co", "DE"));
            if (i % 4 == 0) {
                clicks.addAll(clicks(code, 2, DAY_3, "news.example", "NL"));
            }
            tallies.add(ClickTally.of(code, clicks));
        }

        store().addAll(batch, tallies);
        store().addAll(batch, tallies);
        store().addAll(batch, tallies.subList(10, 30));

        for (ClickTally tally : tallies) {
            assertThat(store().total(tally.code())).as(tally.code().value()).isEqualTo(tally.total());
            assertThat(days(tally.code(), day(DAY_2), day(DAY_3))).isEqualTo(tally.days());
        }
    }

    @Test
    void addAll_concurrentDeliveriesOfOneBatch_countEachLinkOnce() throws Exception {
        String batch = uniqueBatch();
        List<ClickTally> tallies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ShortCode code = uniqueCode("concurrent" + i + "x");
            tallies.add(ClickTally.of(code, clicks(code, 1 + i, DAY_3, "t.co", "FR")));
        }

        inParallel(4, () -> untilApplied(() -> store().addAll(batch, tallies)));

        for (ClickTally tally : tallies) {
            assertThat(store().total(tally.code())).as(tally.code().value()).isEqualTo(tally.total());
        }
    }

    /** Runs {@code task} on {@code threads} threads at once and waits for all of them. */
    private static void inParallel(int threads, Callable<?> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes as a click aggregator does: a transient failure (a transaction conflict) is retried. */
    private static Void untilApplied(Runnable write) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return null;
            } catch (StoreUnavailableException e) {
                if (attempt >= 50) {
                    throw e;
                }
                Thread.sleep(10L * attempt);
            }
        }
    }

    protected static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    @Test
    void addUndated_countsInTotalButInNoDay() {
        ShortCode code = uniqueCode("undated");
        store().add(uniqueBatch(), ClickTally.of(code, clicks(code, 2, DAY_3, "t.co", "DE")));

        store().addUndated(uniqueBatch(), code, 40);

        assertThat(store().total(code)).isEqualTo(42);
        assertThat(days(code, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)).values())
                .extracting(DayTally::clicks).containsExactly(2L);
    }

    @Test
    void addUndated_sameBatchAgain_countsItOnce() {
        ShortCode code = uniqueCode("undatedretry");
        String batch = uniqueBatch();

        store().addUndated(batch, code, 7);
        store().addUndated(batch, code, 7);

        assertThat(store().total(code)).isEqualTo(7);
    }

    @Test
    void addUndated_andAdd_withTheSameBatchId_bothCount() {
        ShortCode code = uniqueCode("undatedmixed");
        String batch = uniqueBatch();

        store().add(batch, ClickTally.of(code, clicks(code, 3, DAY_1, "t.co", "DE")));
        store().addUndated(batch, code, 5);

        assertThat(store().total(code)).isEqualTo(8);
    }

    @Test
    void addUndated_zeroClicks_changesNothing() {
        ShortCode code = uniqueCode("undatedzero");

        store().addUndated(uniqueBatch(), code, 0);

        assertThat(store().total(code)).isZero();
    }
}
