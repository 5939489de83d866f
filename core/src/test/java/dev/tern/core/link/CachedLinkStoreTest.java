package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedLinkStoreTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    /** A map store that counts its reads (core cannot use the testkit's fakes: they depend on core). */
    private static final class CountingStore implements LinkStore {
        final Map<ShortCode, Link> links = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        RuntimeException failure;

        @Override
        public Optional<Link> find(ShortCode code) {
            reads.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(links.get(code));
        }

        @Override
        public Optional<Link> findLatest(ShortCode code) {
            return find(code);
        }

        @Override
        public void insertNew(Link link) {
            links.putIfAbsent(link.code(), link);
        }

        @Override
        public boolean replace(Link current, Link updated) {
            return links.replace(current.code(), current, updated);
        }

        @Override
        public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private final CountingStore store = new CountingStore();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final CachedLinkStore cache = new CachedLinkStore(store, 100, FIVE_MINUTES, FIVE_MINUTES, nanos::get);

    private static Link link(String code, RedirectPolicy policy) {
        return new Link(new ShortCode(code), LongUrl.fromStored("https://example.com/" + code), "", Instant.EPOCH,
                Creator.UNKNOWN, LinkStatus.ACTIVE, null, policy, null);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void hotLink_isReadOnce_untilItsLifetimeEnds() {
        store.insertNew(link("hot", null));

        for (int i = 0; i < 1000; i++) {
            assertThat(cache.find(new ShortCode("hot"))).isPresent();
        }
        assertThat(store.reads).hasValue(1);

        advance(FIVE_MINUTES.minusSeconds(1));
        cache.find(new ShortCode("hot"));
        assertThat(store.reads).hasValue(1);
        advance(Duration.ofSeconds(1));
        cache.find(new ShortCode("hot"));
        assertThat(store.reads).as("expired: read again").hasValue(2);
    }

    @Test
    void aLinksOwnShorterCacheLifetime_boundsItsEntry_andNoStoreIsNeverCached() {
        store.insertNew(link("short", new RedirectPolicy(302, Duration.ofSeconds(10), false)));
        store.insertNew(link("nostore", new RedirectPolicy(302, Duration.ZERO, false)));

        cache.find(new ShortCode("short"));
        cache.find(new ShortCode("nostore"));
        cache.find(new ShortCode("nostore"));
        advance(Duration.ofSeconds(11));
        cache.find(new ShortCode("short"));

        assertThat(store.reads).hasValue(4);
    }

    @Test
    void aLinkEditedElsewhere_isSeenWithinTheLifetime() {
        Link original = link("edit", null);
        store.insertNew(original);
        cache.find(new ShortCode("edit"));
        Link moved = new Link(original.code(), LongUrl.fromStored("https://example.com/moved"), "", Instant.EPOCH, Creator.UNKNOWN,
                LinkStatus.ACTIVE, null, null, null);
        store.replace(original, moved); // another container's write: this cache does not hear of it

        assertThat(cache.find(original.code())).contains(original);
        advance(FIVE_MINUTES);
        assertThat(cache.find(original.code())).contains(moved);
    }

    @Test
    void writesThroughThisCache_dropTheEntry_atOnce() {
        Link original = link("mine", null);
        cache.insertNew(original);
        cache.find(original.code());
        Link disabled = original.withStatus(LinkStatus.DISABLED);

        assertThat(cache.replace(original, disabled)).isTrue();

        assertThat(cache.find(original.code())).contains(disabled);
    }

    @Test
    void unknownCodes_areNotCached_soALinkCreatedElsewhereResolvesAtOnce() {
        assertThat(cache.find(new ShortCode("later"))).isEmpty();
        store.insertNew(link("later", null));

        assertThat(cache.find(new ShortCode("later"))).isPresent();
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 1000; i++) {
            store.insertNew(link("c" + i, null));
            cache.find(new ShortCode("c" + i));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void storeFailures_passThrough_andAreNotCached() {
        store.insertNew(link("flaky", null));
        store.failure = new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);

        assertThatThrownBy(() -> cache.find(new ShortCode("flaky"))).isInstanceOf(StoreUnavailableException.class);
        store.failure = null;
        assertThat(cache.find(new ShortCode("flaky"))).isPresent();
    }

    @Test
    void theMaxLifetime_capsEveryEntry() {
        CachedLinkStore capped = new CachedLinkStore(store, 100, Duration.ofSeconds(30), FIVE_MINUTES, nanos::get);
        store.insertNew(link("capped", null));

        capped.find(new ShortCode("capped"));
        advance(Duration.ofSeconds(30));
        capped.find(new ShortCode("capped"));

        assertThat(store.reads).hasValue(2);
    }
}
