package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LinkImporter} does, checked through the {@link LinkStore} it writes to. Tests
 * use codes of their own, so one store may serve every test of the class.
 */
public abstract class LinkImporterContract {

    protected abstract LinkImporter importer();

    /** The store the importer writes to. */
    protected abstract LinkStore store();

    private static List<Link> links(String base, int count) {
        String suffix = UniqueNames.suffix();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(LinkFixtures.link(base + i + suffix).storedTarget("https://example.com/" + base + "/" + i)
                    .title("Title " + i + " — ünïcode 🚀").build());
        }
        return links;
    }

    @Test
    void insertNew_freeCodes_writesEveryLink() {
        List<Link> links = links("free", LinkImporter.MAX_BATCH);

        assertThat(importer().insertNew(links)).isEmpty();

        for (Link link : links) {
            assertThat(store().findLatest(link.code())).contains(link);
        }
    }

    @Test
    void insertNew_someCodesTaken_reportsTheStoredLinks_writesTheOthers_overwritesNothing() {
        List<Link> links = links("mixed", 10);
        Link existing = LinkFixtures.link(links.get(3).code()).storedTarget("https://other.example/").build();
        store().insertNew(existing);

        Map<ShortCode, Link> taken = importer().insertNew(links);

        assertThat(taken).containsOnlyKeys(existing.code()).containsEntry(existing.code(), existing);
        assertThat(store().findLatest(existing.code())).contains(existing);
        for (Link link : links) {
            if (!link.code().equals(existing.code())) {
                assertThat(store().findLatest(link.code())).contains(link);
            }
        }
    }

    @Test
    void insertNew_theSameBatchAgain_changesNothing_andReportsTheEqualStoredLinks() {
        List<Link> links = links("again", 20);
        importer().insertNew(links);

        Map<ShortCode, Link> taken = importer().insertNew(links);

        assertThat(taken).hasSize(20);
        for (Link link : links) {
            assertThat(taken.get(link.code())).isEqualTo(link);
        }

        for (Link link : links) {
            assertThat(store().findLatest(link.code())).contains(link);
        }
    }

    @Test
    void insertNew_aDisabledLink_isStoredDisabled() {
        Link disabled = LinkFixtures.link("dis" + UniqueNames.suffix()).storedTarget("file:///etc/passwd")
                .status(LinkStatus.DISABLED).build();

        importer().insertNew(List.of(disabled));

        assertThat(store().findLatest(disabled.code())).contains(disabled);
    }

    @Test
    void overwrite_replacesWhateverIsStored() {
        List<Link> links = links("over", 5);
        Link existing = LinkFixtures.link(links.get(0).code()).storedTarget("https://other.example/").build();
        store().insertNew(existing);

        importer().overwrite(links);

        for (Link link : links) {
            assertThat(store().findLatest(link.code())).contains(link);
        }
    }

    @Test
    void findAll_returnsTheStoredLinksOnly() {
        List<Link> links = links("find", 4);
        importer().insertNew(links.subList(0, 2));

        Map<ShortCode, Link> found = importer().findAll(links.stream().map(Link::code).toList());

        assertThat(found).containsOnlyKeys(links.get(0).code(), links.get(1).code());
        assertThat(found.get(links.get(0).code())).isEqualTo(links.get(0));
    }

    @Test
    void batches_overTheLimit_orWithARepeatedCode_areRefused() {
        assertThatThrownBy(() -> importer().insertNew(links("big", LinkImporter.MAX_BATCH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100");
        Link link = links("twice", 1).get(0);
        assertThatThrownBy(() -> importer().insertNew(List.of(link, link)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void insertNew_racingACreateOfTheSameCode_exactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Link imported = links("race", 1).get(0);
                Link created = LinkFixtures.link(imported.code()).storedTarget("https://created.example/").build();
                CountDownLatch start = new CountDownLatch(1);
                Future<Map<ShortCode, Link>> importing = pool.submit(() -> {
                    start.await();
                    return importer().insertNew(List.of(imported));
                });
                Future<Boolean> creating = pool.submit(() -> {
                    start.await();
                    try {
                        store().insertNew(created);
                        return true;
                    } catch (CodeTakenException e) {
                        return false;
                    }
                });
                start.countDown();
                boolean importWon = importing.get(30, TimeUnit.SECONDS).isEmpty();
                boolean createWon = creating.get(30, TimeUnit.SECONDS);

                assertThat(importWon).isNotEqualTo(createWon);
                assertThat(store().findLatest(imported.code())).contains(importWon ? imported : created);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
