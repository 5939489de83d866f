package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.audit.Change;
import dev.tern.core.audit.ChangeKind;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
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
 * What every {@link LinkStore} does for the audit trail: versions, their records, the archive of
 * earlier versions, and the compare-and-set on the version. A store's test extends this and
 * supplies the store; each test uses codes of its own.
 */
public abstract class LinkHistoryContract {
    private static final Instant CREATED = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final Creator ALICE = Creator.apiKey("alice");
    private static final Creator BOB = Creator.apiKey("bob");

    /** The store under test (may be shared by the tests of a class). */
    protected abstract LinkStore store();

    private static Link link(ShortCode code, String path) {
        return Link.newActive(code, LongUrl.fromStored("https://example.com/" + path), "Title", CREATED, ALICE);
    }

    private static ShortCode uniqueCode(String base) {
        return new ShortCode(base + UniqueNames.suffix());
    }

    private static Change change(ChangeKind kind, Creator by, int minutes) {
        return Change.of(kind, by, CREATED.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void findLatestVersion_unknownCode_isEmpty() {
        assertThat(store().findLatestVersion(uniqueCode("none"))).isEmpty();
    }

    @Test
    void anInsertedLink_isVersionOne_withItsCreationDerivedFromIt() {
        ShortCode code = uniqueCode("v1");
        Link link = link(code, "a");
        store().insertNew(link);

        LinkVersion latest = store().findLatestVersion(code).orElseThrow();

        assertThat(latest).isEqualTo(LinkVersion.firstOf(link));
        assertThat(latest.change().kind()).isEqualTo(ChangeKind.CREATE);
        assertThat(latest.change().actor()).isEqualTo(ALICE);
        assertThat(latest.change().recorded()).isFalse();
    }

    @Test
    void replace_storesTheNextVersionWithItsRecord_andArchivesTheOneBefore() {
        ShortCode code = uniqueCode("next");
        Link original = link(code, "a");
        store().insertNew(original);
        LinkVersion first = store().findLatestVersion(code).orElseThrow();
        Link updated = new Link(code, LongUrl.fromStored("https://example.com/b"), "New", CREATED, ALICE, LinkStatus.ACTIVE,
                CREATED.plus(Duration.ofDays(9)), new RedirectPolicy(302, Duration.ofSeconds(60), true), null);

        assertThat(store().replace(first, updated, change(ChangeKind.UPDATE, BOB, 1))).isTrue();

        LinkVersion second = store().findLatestVersion(code).orElseThrow();
        assertThat(second).isEqualTo(new LinkVersion(2, updated, change(ChangeKind.UPDATE, BOB, 1)));
        assertThat(store().findLatest(code)).contains(updated);
        assertThat(store().find(code)).contains(updated);
        assertThat(store().archivedVersions(code, 1, 1)).containsExactly(first);
    }

    @Test
    void replace_fromAVersionNoLongerCurrent_changesNothing() {
        ShortCode code = uniqueCode("stale");
        store().insertNew(link(code, "a"));
        LinkVersion first = store().findLatestVersion(code).orElseThrow();
        store().replace(first, link(code, "b"), change(ChangeKind.UPDATE, BOB, 1));

        assertThat(store().replace(first, link(code, "c"), change(ChangeKind.UPDATE, ALICE, 2))).isFalse();

        LinkVersion latest = store().findLatestVersion(code).orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.link().target().value()).isEqualTo("https://example.com/b");
    }

    @Test
    void manyChanges_areArchivedInOrder_andRecordsRoundTrip() {
        ShortCode code = uniqueCode("many");
        store().insertNew(link(code, "0"));
        List<LinkVersion> versions = new ArrayList<>();
        versions.add(store().findLatestVersion(code).orElseThrow());
        for (int i = 1; i <= 5; i++) {
            LinkVersion current = versions.get(versions.size() - 1);
            Change record = i == 5 ? Change.restoredFrom(2, BOB, CREATED.plusSeconds(i)) : change(ChangeKind.UPDATE, ALICE, i);
            assertThat(store().replace(current, link(code, Integer.toString(i)), record)).isTrue();
            versions.add(store().findLatestVersion(code).orElseThrow());
        }

        assertThat(store().archivedVersions(code, 1, 5))
                .containsExactly(versions.get(4), versions.get(3), versions.get(2), versions.get(1), versions.get(0));
        assertThat(store().archivedVersions(code, 2, 3)).containsExactly(versions.get(2), versions.get(1));
        assertThat(store().archivedVersions(code, 6, 9)).isEmpty();
        assertThat(versions.get(5).change().restoredVersion()).contains(2L);
    }

    @Test
    void thePlainReplace_isAlsoAVersion_byAnUnknownActor() {
        ShortCode code = uniqueCode("plain");
        Link original = link(code, "a");
        store().insertNew(original);

        assertThat(store().replace(original, original.withStatus(LinkStatus.DISABLED))).isTrue();

        LinkVersion latest = store().findLatestVersion(code).orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.change().kind()).isEqualTo(ChangeKind.DISABLE);
        assertThat(latest.change().actor()).isEqualTo(Creator.UNKNOWN);
        assertThat(store().archivedVersions(code, 1, 1)).singleElement().satisfies(v -> assertThat(v.link()).isEqualTo(original));
    }

    @Test
    void archivedVersions_neverShowInListingsOrLookUps() {
        ShortCode code = uniqueCode("hidden");
        Creator creator = new Creator("key:history-" + UniqueNames.suffix());
        Link original = Link.newActive(code, LongUrl.fromStored("https://example.com/hidden-" + code.value()), "", CREATED, creator);
        store().insertNew(original);
        LinkVersion first = store().findLatestVersion(code).orElseThrow();
        store().replace(first, original.withStatus(LinkStatus.DISABLED), change(ChangeKind.DISABLE, BOB, 1));

        assertThat(store().list(Optional.of(creator), Optional.empty(), 10).links()).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.DISABLED));
        assertThat(store().findByTarget(original.target())).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.DISABLED));
    }

    @Test
    void concurrentReplacesOfOneVersion_exactlyOneWins() throws Exception {
        ShortCode code = uniqueCode("race");
        store().insertNew(link(code, "a"));
        LinkVersion first = store().findLatestVersion(code).orElseThrow();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Link mine = link(code, "w" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return store().replace(first, mine, change(ChangeKind.UPDATE, BOB, 1));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(store().findLatestVersion(code).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
