package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.link.ShortCode;
import dev.tern.core.yourls.LinkRanking;
import dev.tern.core.yourls.RankOrder;
import dev.tern.core.yourls.RankedLink;
import dev.tern.core.yourls.SiteTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LinkRanking} (kept by a {@link ClickCounterStore}) does: registered links ranked
 * by their click totals, never-clicked ones included, totals of links and clicks, and counting
 * clicks keeps both up to date. Rankings are site-wide, so every test gets a fresh, empty store.
 */
public abstract class LinkRankingContract {
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    /** A store holding nothing, which must also be a {@link LinkRanking}. */
    protected abstract ClickCounterStore emptyStore();

    private ClickCounterStore clicks;
    private LinkRanking ranking;

    @BeforeEach
    void freshStore() {
        clicks = emptyStore();
        ranking = (LinkRanking) clicks;
    }

    private void click(String code, int n) {
        ShortCode shortCode = new ShortCode(code);
        List<Click> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Click(shortCode, AT.plusSeconds(i), "t.co", "DE", VisitorClass.BROWSER));
        }
        clicks.add("batch-" + UniqueNames.suffix(), ClickTally.of(shortCode, list));
    }

    /** Reads an index that may lag by a moment until {@code done} holds of it (or a few tries pass). */
    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        T value = read.get();
        for (int attempt = 0; attempt < 50 && !done.test(value); attempt++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }

    private List<RankedLink> ranked(RankOrder order, int offset, int limit, int expected) {
        return eventually(() -> ranking.ranked(order, offset, limit), list -> list.size() >= expected);
    }

    @Test
    void emptySite_hasNoRanksAndZeroTotals() {
        assertThat(ranking.ranked(RankOrder.MOST_CLICKED, 0, 10)).isEmpty();
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(0, 0));
    }

    @Test
    void registeredLinks_withoutClicks_areRankedWithZero() {
        ranking.register(new ShortCode("b"));
        ranking.register(new ShortCode("a"));

        assertThat(ranked(RankOrder.LEAST_CLICKED, 0, 10, 2))
                .containsExactly(new RankedLink(new ShortCode("a"), 0), new RankedLink(new ShortCode("b"), 0));
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(2, 0));
    }

    @Test
    void register_twice_countsTheLinkOnce() {
        ranking.register(new ShortCode("once"));
        ranking.register(new ShortCode("once"));

        assertThat(ranking.totals().links()).isEqualTo(1);
    }

    @Test
    void countedClicks_orderTheRanking_bothWays() {
        for (String code : List.of("zero", "one", "many", "some")) {
            ranking.register(new ShortCode(code));
        }
        click("one", 1);
        click("many", 9);
        click("some", 4);

        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 10),
                list -> list.size() == 4 && list.get(0).clicks() == 9 && list.get(1).clicks() == 4 && list.get(2).clicks() == 1))
                .extracting(r -> r.code().value() + "=" + r.clicks())
                .containsExactly("many=9", "some=4", "one=1", "zero=0");
        assertThat(ranking.ranked(RankOrder.LEAST_CLICKED, 0, 10))
                .extracting(r -> r.code().value()).containsExactly("zero", "one", "some", "many");
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(4, 14));
    }

    @Test
    void ranked_offsetAndLimit_pageThroughTheOrder() {
        for (int i = 0; i < 7; i++) {
            ranking.register(new ShortCode("p" + i));
            click("p" + i, i + 1);
        }

        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 2, 3),
                list -> list.size() == 3 && list.get(0).clicks() == 5))
                .extracting(r -> r.code().value()).containsExactly("p4", "p3", "p2");
    }

    @Test
    void registerImported_countsUndatedClicksOnce_andRanksEveryLink() {
        java.util.Map<ShortCode, Long> imported = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            imported.put(new ShortCode("imp" + i), (long) (i % 3 == 0 ? 0 : i));
        }
        long clicksImported = imported.values().stream().mapToLong(Long::longValue).sum();

        ranking.registerImported("migration:test", imported);
        ranking.registerImported("migration:test", imported);

        assertThat(ranking.totals()).isEqualTo(new SiteTotals(60, clicksImported));
        assertThat(clicks.total(new ShortCode("imp59"))).isEqualTo(59);
        assertThat(clicks.total(new ShortCode("imp0"))).isZero();
        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 2), list -> list.size() == 2))
                .containsExactly(new RankedLink(new ShortCode("imp59"), 59), new RankedLink(new ShortCode("imp58"), 58));
        assertThat(ranked(RankOrder.LEAST_CLICKED, 0, 100, 60)).hasSize(60).first().extracting(RankedLink::clicks).isEqualTo(0L);
    }

    @Test
    void registerImported_linksAlreadyRankedOrCounted_endAsIfImportedOneByOne() {
        ranking.register(new ShortCode("known"));
        click("clicked", 2);
        clicks.addUndated("migration:test", new ShortCode("halfway"), 5);

        ranking.registerImported("migration:test", java.util.Map.of(
                new ShortCode("known"), 1L, new ShortCode("clicked"), 0L, new ShortCode("halfway"), 5L, new ShortCode("fresh"), 3L));

        assertThat(ranking.totals()).isEqualTo(new SiteTotals(4, 2 + 5 + 3 + 1));
        assertThat(clicks.total(new ShortCode("halfway"))).as("counted once").isEqualTo(5);
        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 10),
                list -> list.size() == 4 && list.get(0).clicks() == 5 && list.get(2).clicks() == 2))
                .extracting(r -> r.code().value() + "=" + r.clicks())
                .containsExactly("halfway=5", "fresh=3", "clicked=2", "known=1");
    }

    @Test
    void clicksForAnUnregisteredLink_registerIt() {
        click("clickedfirst", 3);

        assertThat(ranked(RankOrder.MOST_CLICKED, 0, 10, 1)).containsExactly(new RankedLink(new ShortCode("clickedfirst"), 3));
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(1, 3));
    }

    @Test
    void undatedClicks_countInRankAndTotals() {
        ranking.register(new ShortCode("migrated"));
        clicks.addUndated("import-1", new ShortCode("migrated"), 40);
        click("migrated", 2);

        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 10),
                list -> list.size() == 1 && list.get(0).clicks() == 42))
                .containsExactly(new RankedLink(new ShortCode("migrated"), 42));
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(1, 42));
    }

    @Test
    void retriedBatch_changesNeitherRankNorTotals() {
        ShortCode code = new ShortCode("retried");
        ClickTally tally = ClickTally.of(code, List.of(new Click(code, AT, "t.co", "DE", VisitorClass.BROWSER)));
        clicks.add("same-batch", tally);
        clicks.add("same-batch", tally);
        clicks.addUndated("same-undated", code, 5);
        clicks.addUndated("same-undated", code, 5);

        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 10),
                list -> list.size() == 1 && list.get(0).clicks() == 6)).containsExactly(new RankedLink(code, 6));
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(1, 6));
    }

    @Test
    void unregister_removesTheLinkButKeepsItsClicksInTheTotal() {
        ranking.register(new ShortCode("kept"));
        ranking.register(new ShortCode("gone"));
        click("gone", 2);

        ranking.unregister(new ShortCode("gone"));
        ranking.unregister(new ShortCode("gone"));

        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 10), list -> list.size() == 1))
                .extracting(r -> r.code().value()).containsExactly("kept");
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(1, 2));
    }

    @Test
    void registerAgain_afterUnregister_ranksTheLinkWithItsClicks() {
        ranking.register(new ShortCode("back"));
        click("back", 3);
        ranking.unregister(new ShortCode("back"));

        ranking.register(new ShortCode("back"));

        assertThat(eventually(() -> ranking.ranked(RankOrder.MOST_CLICKED, 0, 10),
                list -> list.size() == 1 && list.get(0).clicks() == 3)).containsExactly(new RankedLink(new ShortCode("back"), 3));
        assertThat(ranking.totals()).isEqualTo(new SiteTotals(1, 3));
    }
}
