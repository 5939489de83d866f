package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import java.time.Duration;
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
 * What every {@link LinkStore} does. A store's test extends this and supplies the store; the
 * tests use codes of their own, so one store may serve every test of the class.
 */
public abstract class LinkStoreContract {

    /** The store under test (may be shared by the tests of a class). */
    protected abstract LinkStore store();

    /** A code no other test uses: {@code base} plus a unique suffix. */
    protected static ShortCode uniqueCode(String base) {
        return new ShortCode(base + UniqueNames.suffix());
    }

    @Test
    void find_unknownCode_isEmpty() {
        assertThat(store().find(uniqueCode("nothing"))).isEmpty();
    }

    @Test
    void findLatest_unknownCode_isEmpty() {
        assertThat(store().findLatest(uniqueCode("nothing"))).isEmpty();
    }

    @Test
    void insertNew_thenFind_returnsEqualLinkWithEveryField() {
        Link link = everyField(uniqueCode("full"));

        store().insertNew(link);

        assertThat(store().find(link.code())).contains(link);
    }

    @Test
    void insertNew_thenFindLatest_returnsEqualLinkWithEveryField() {
        Link link = everyField(uniqueCode("full"));

        store().insertNew(link);

        assertThat(store().findLatest(link.code())).contains(link);
    }

    @Test
    void insertNew_minimalLink_comesBackWithoutOptionalFields() {
        Link link = LinkFixtures.link(uniqueCode("minimal")).build();

        store().insertNew(link);

        Link found = store().findLatest(link.code()).orElseThrow();
        assertThat(found).isEqualTo(link);
        assertThat(found.title()).isEmpty();
        assertThat(found.expiry()).isEmpty();
        assertThat(found.ownRedirectPolicy()).isEmpty();
        assertThat(found.createdWithIdempotencyKey()).isEmpty();
    }

    @Test
    void insertNew_everyStatus_comesBackUnchanged() {
        for (LinkStatus status : LinkStatus.values()) {
            Link link = LinkFixtures.link(uniqueCode(status.name())).status(status).build();

            store().insertNew(link);

            assertThat(store().findLatest(link.code())).contains(link);
        }
    }

    @Test
    void insertNew_unusualButAcceptedTargets_comeBackUnchanged() {
        List<Link> links = List.of(
                LinkFixtures.link(uniqueCode("mailto")).target("mailto:someone@example.com?subject=Hi%20there").build(),
                LinkFixtures.link(uniqueCode("idn")).target("https://例え.テスト/パス?q=値#片").build(),
                LinkFixtures.link(uniqueCode("ipv6")).target("http://[2001:db8::1]:8080/x").build(),
                LinkFixtures.link(uniqueCode("migrated")).storedTarget("not even a URL, kept from YOURLS").build());
        for (Link link : links) {
            store().insertNew(link);

            Link found = store().findLatest(link.code()).orElseThrow();
            assertThat(found).isEqualTo(link);
            assertThat(found.target().location()).isEqualTo(link.target().location());
        }
    }

    @Test
    void insertNew_longestCode_comesBackUnchanged() {
        String suffix = UniqueNames.suffix();
        Link link = LinkFixtures.link("L".repeat(ShortCode.MAX_LENGTH - suffix.length()) + suffix).build();

        store().insertNew(link);

        assertThat(store().findLatest(link.code())).contains(link);
    }

    @Test
    void insertNew_takenCode_throwsCodeTaken() {
        ShortCode code = uniqueCode("taken");
        Link first = LinkFixtures.link(code).target("https://example.com/first").build();
        store().insertNew(first);

        Link second = LinkFixtures.link(code).target("https://example.com/second").build();

        assertThatThrownBy(() -> store().insertNew(second))
                .isInstanceOf(CodeTakenException.class)
                .satisfies(e -> assertThat(((CodeTakenException) e).shortCode()).isEqualTo(code));
        assertThat(store().findLatest(code)).contains(first);
    }

    @Test
    void insertNew_codeOfDeletedLink_throwsCodeTaken() {
        ShortCode code = uniqueCode("deleted");
        store().insertNew(LinkFixtures.link(code).status(LinkStatus.DELETED).build());

        Link again = LinkFixtures.link(code).target("https://example.com/again").build();

        assertThatThrownBy(() -> store().insertNew(again)).isInstanceOf(CodeTakenException.class);
    }

    @Test
    void codes_differingOnlyInCase_areDistinctLinks() {
        String suffix = UniqueNames.suffix();
        Link upper = LinkFixtures.link("Promo" + suffix).target("https://example.com/upper").build();
        Link lower = LinkFixtures.link("promo" + suffix).target("https://example.com/lower").build();

        store().insertNew(upper);
        store().insertNew(lower);

        assertThat(store().findLatest(upper.code())).contains(upper);
        assertThat(store().findLatest(lower.code())).contains(lower);
        assertThat(store().findLatest(new ShortCode("PROMO" + suffix))).isEmpty();
    }

    @Test
    void insertNew_64ConcurrentInsertsOfOneCode_exactlyOneSucceeds() throws Exception {
        ShortCode code = uniqueCode("race");
        int threads = 64;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Link>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Link candidate = LinkFixtures.link(code).target("https://example.com/contender/" + i)
                        .creator(Creator.apiKey("contender-" + i)).build();
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        store().insertNew(candidate);
                        return candidate;
                    } catch (CodeTakenException lost) {
                        return null;
                    }
                }));
            }
            start.countDown();
            List<Link> winners = new ArrayList<>();
            for (Future<Link> outcome : outcomes) {
                Link won = outcome.get(60, TimeUnit.SECONDS);
                if (won != null) {
                    winners.add(won);
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(store().findLatest(code)).contains(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A link with every optional field set, Unicode in the URL and an emoji in the title. */
    @Test
    void list_byCreator_isNewestFirstAcrossPages_withoutRepeats() {
        Creator creator = Creator.apiKey("lister" + UniqueNames.suffix());
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        List<Link> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two links share each creation instant but the first
            Link link = LinkFixtures.link(uniqueCode("l" + i)).creator(creator).createdAt(base.plusSeconds((i + 1) / 2)).build();
            store().insertNew(link);
            expected.add(link);
        }
        store().insertNew(LinkFixtures.link(uniqueCode("other")).createdAt(base.plusSeconds(1)).build());

        List<Link> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            LinkPage page = store().list(Optional.of(creator), cursor, 2);
            assertThat(page.links().size()).isLessThanOrEqualTo(2);
            seen.addAll(page.links());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        // Newest first; links created at the same instant come in an order of the store's choosing.
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        assertThat(seen).extracting(Link::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void list_all_isNewestFirst() {
        Link older = LinkFixtures.link(uniqueCode("far")).createdAt(Instant.parse("2199-01-01T00:00:00Z")).build();
        Link newer = LinkFixtures.link(uniqueCode("far")).createdAt(Instant.parse("2199-01-02T00:00:00Z")).build();
        store().insertNew(older);
        store().insertNew(newer);

        LinkPage page = store().list(Optional.empty(), Optional.empty(), 2);

        assertThat(page.links()).containsExactly(newer, older);
    }

    @Test
    void list_foreignCursor_isInvalidRequest() {
        assertThatThrownBy(() -> store().list(Optional.empty(), Optional.of("bm90IGEgY3Vyc29y"), 10))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store().list(Optional.empty(), Optional.of("%%%"), 10))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void replace_whenStillCurrent_storesTheNewLink() {
        Link current = everyField(uniqueCode("edit"));
        store().insertNew(current);
        Link updated = current.withStatus(LinkStatus.ACTIVE).withExpiry(null).withRedirectPolicy(null);

        assertThat(store().replace(current, updated)).isTrue();

        assertThat(store().findLatest(current.code())).contains(updated);
    }

    @Test
    void replace_deletedAndRestored_keepsTheDeletionTime() {
        Link current = LinkFixtures.link(uniqueCode("del")).build();
        store().insertNew(current);
        Link deleted = current.softDeleted(Instant.parse("2026-11-23T10:00:00.000000001Z"));

        assertThat(store().replace(current, deleted)).isTrue();
        assertThat(store().findLatest(current.code())).contains(deleted);
        assertThat(store().replace(deleted, deleted.restored())).isTrue();
        assertThat(store().findLatest(current.code())).contains(current);
    }

    @Test
    void replace_whenChangedMeanwhile_changesNothing() {
        Link current = LinkFixtures.link(uniqueCode("race")).build();
        store().insertNew(current);
        Link first = current.withStatus(LinkStatus.DISABLED);
        Link second = current.withExpiry(Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(store().replace(current, first)).isTrue();
        assertThat(store().replace(current, second)).isFalse();

        assertThat(store().findLatest(current.code())).contains(first);
    }

    @Test
    void replace_unknownCode_isFalseAndStoresNothing() {
        Link absent = LinkFixtures.link(uniqueCode("absent")).build();

        assertThat(store().replace(absent, absent.withStatus(LinkStatus.DISABLED))).isFalse();

        assertThat(store().findLatest(absent.code())).isEmpty();
    }

    @Test
    void replace_anotherCode_isRefused() {
        Link a = LinkFixtures.link(uniqueCode("a")).build();

        assertThatThrownBy(() -> store().replace(a, a.withCode(uniqueCode("b")))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Link everyField(ShortCode code) {
        return LinkFixtures.link(code)
                .target("https://bücher.example/straße/ünïcødé?q=grüße&emoji=🐦#teil")
                .title("Grüße aus Köln 🐦 — «tern» 北極アジサシ")
                .createdAt(Instant.parse("2026-11-23T08:00:00.000000001Z"))
                .creator(Creator.anonymous("5f2b9c"))
                .status(LinkStatus.DISABLED)
                .expiringAt(Instant.parse("2027-01-31T23:59:59.999999999Z"))
                .redirect(new RedirectPolicy(307, Duration.ofHours(1), true))
                .idempotencyKey("key:test 0b7e1c2a-key")
                .build();
    }

    @Test
    void findByTarget_linksWithThatExactTarget_areFoundWhateverTheirStatus() {
        String url = "https://example.com/by-target/" + UniqueNames.suffix() + "?q=1&lang=fr#top";
        Link active = LinkFixtures.link(uniqueCode("bt")).target(url).build();
        Link deleted = LinkFixtures.link(uniqueCode("bt")).target(url).status(LinkStatus.DELETED).build();
        Link other = LinkFixtures.link(uniqueCode("bt")).target(url + "x").build();
        store().insertNew(active);
        store().insertNew(deleted);
        store().insertNew(other);

        assertThat(eventually(() -> store().findByTarget(LongUrl.parse(url, LinkFixtures.URL_POLICY)), 2))
                .containsExactlyInAnyOrder(active, deleted);
    }

    @Test
    void findByTarget_targetLongerThanAnIndexKeyAllows_isFound() {
        String url = "https://example.com/long/" + UniqueNames.suffix() + "?q=" + "x".repeat(4000);
        Link link = LinkFixtures.link(uniqueCode("btlong")).target(url).build();
        store().insertNew(link);

        assertThat(eventually(() -> store().findByTarget(link.target()), 1)).containsExactly(link);
    }

    @Test
    void findByTarget_unknownTarget_isEmpty() {
        assertThat(store().findByTarget(LongUrl.parse("https://example.com/never/" + UniqueNames.suffix(), LinkFixtures.URL_POLICY)))
                .isEmpty();
    }

    @Test
    void findByTarget_afterReplaceWithAnotherTarget_findsItUnderTheNewOne() {
        Link link = LinkFixtures.link(uniqueCode("btmove")).target("https://example.com/before/" + UniqueNames.suffix()).build();
        store().insertNew(link);
        Link moved = new Link(link.code(), LongUrl.parse("https://example.com/after/" + UniqueNames.suffix(), LinkFixtures.URL_POLICY),
                link.title(), link.createdAt(), link.creator(), link.status(), null, null, null);
        assertThat(store().replace(link, moved)).isTrue();

        assertThat(eventually(() -> store().findByTarget(moved.target()), 1)).containsExactly(moved);
        assertThat(store().findByTarget(link.target())).isEmpty();
    }

    /** Reads an eventually consistent index until it shows {@code expected} entries (or a few tries pass). */
    private static List<Link> eventually(java.util.function.Supplier<List<Link>> read, int expected) {
        List<Link> found = read.get();
        for (int attempt = 0; attempt < 50 && found.size() < expected; attempt++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = read.get();
        }
        return found;
    }
}
