package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.InMemoryLinkStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A slow or throttled store is a 503 page with Retry-After; anything unexpected a 500 page; never a stack trace. */
class StoreFaultsTest {

    /** Inserts, then loses the answer (as a timeout after DynamoDB applied the write) while {@link #lose} is set. */
    private static final class LossyStore implements LinkStore {
        final InMemoryLinkStore delegate;
        final AtomicBoolean lose = new AtomicBoolean(true);

        LossyStore(InMemoryLinkStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Link> find(ShortCode code) {
            return delegate.find(code);
        }

        @Override
        public Optional<Link> findLatest(ShortCode code) {
            return delegate.findLatest(code);
        }

        @Override
        public void insertNew(Link link) {
            delegate.insertNew(link);
            if (lose.getAndSet(false)) {
                throw new StoreUnavailableException("timed out", Duration.ofSeconds(2), null);
            }
        }

        @Override
        public boolean replace(Link current, Link updated) {
            return delegate.replace(current, updated);
        }

        @Override
        public dev.tern.core.link.LinkPage list(Optional<dev.tern.core.link.Creator> creator, Optional<String> cursor, int limit) {
            return delegate.list(creator, cursor, limit);
        }
    }

    @Test
    void createTimesOut_is503_andSendingTheSameFormAgainReturnsTheLinkThatWasMade() {
        LossyStore[] store = new LossyStore[1];
        TestSite site = TestSite.withLinkStore(memory -> store[0] = new LossyStore(memory));
        Browser browser = site.browser().open("/");

        browser.submit(Map.of("url", "https://example.com/", "title", "Kept"));

        assertThat(browser.status()).isEqualTo(503);
        assertThat(browser.response.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(browser.page.select("h1").text()).isEqualTo("Busy right now");
        assertThat(browser.element("title").val()).isEqualTo("Kept");
        assertThat(site.links.size()).as("the write was applied").isEqualTo(1);

        browser.submit(Map.of("url", "https://example.com/", "title", "Kept"));

        assertThat(browser.status()).isEqualTo(200);
        assertThat(site.links.size()).as("no second link").isEqualTo(1);
        String shortUrl = browser.element("short-url").val();
        assertThat(site.links.find(new ShortCode(shortUrl.substring(shortUrl.lastIndexOf('/') + 1)))).isPresent();
    }

    @Test
    void previewReadThrottled_is503() {
        TestSite site = TestSite.withLinkStore(memory -> new LinkStore() {
            @Override
            public Optional<Link> find(ShortCode code) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
            }

            @Override
            public Optional<Link> findLatest(ShortCode code) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
            }

            @Override
            public void insertNew(Link link) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
            }

            @Override
            public boolean replace(Link current, Link updated) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
            }

            @Override
            public dev.tern.core.link.LinkPage list(Optional<dev.tern.core.link.Creator> creator, Optional<String> cursor,
                    int limit) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
            }
        });

        Browser browser = site.browser().open("/promo+");
        assertThat(browser.status()).isEqualTo(503);
        assertThat(browser.response.getHeaders()).containsEntry("Retry-After", "1");

        assertThat(site.send(Requests.get("/promo")).getStatusCode()).as("the redirect too").isEqualTo(503);
    }

    @Test
    void unexpectedFailure_isA500PageWithTheRequestId_andNothingInternal() {
        TestSite site = TestSite.withLinkStore(memory -> new LinkStore() {
            @Override
            public Optional<Link> find(ShortCode code) {
                throw new IllegalStateException("secret internals: table tern-links missing");
            }

            @Override
            public Optional<Link> findLatest(ShortCode code) {
                throw new IllegalStateException("secret internals: table tern-links missing");
            }

            @Override
            public void insertNew(Link link) {
                throw new IllegalStateException("secret internals: table tern-links missing");
            }

            @Override
            public boolean replace(Link current, Link updated) {
                throw new IllegalStateException("secret internals: table tern-links missing");
            }

            @Override
            public dev.tern.core.link.LinkPage list(Optional<dev.tern.core.link.Creator> creator, Optional<String> cursor,
                    int limit) {
                throw new IllegalStateException("secret internals: table tern-links missing");
            }
        });

        Browser preview = site.browser().open("/promo+");
        assertThat(preview.status()).isEqualTo(500);
        assertThat(preview.page.select("h1").text()).isEqualTo("Something went wrong");
        assertThat(preview.page.text()).contains("req-web").doesNotContain("secret internals", "tern-links");

        Browser create = site.browser().open("/").submit(Map.of("url", "https://example.com/"));
        assertThat(create.status()).isEqualTo(500);
        assertThat(create.page.text()).doesNotContain("secret internals");
    }
}
