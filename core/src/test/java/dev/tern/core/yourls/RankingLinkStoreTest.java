package dev.tern.core.yourls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RankingLinkStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final Fakes.Links links = new Fakes.Links();
    private final Fakes.Clicks clicks = new Fakes.Clicks();
    private final RankingLinkStore store = new RankingLinkStore(links, clicks);

    private static Link link(String code) {
        return Link.newActive(new ShortCode(code), LongUrl.fromStored("https://example.com/" + code), "", NOW, Creator.UNKNOWN);
    }

    @Test
    void insertNew_registersTheLink() {
        store.insertNew(link("a"));

        assertThat(clicks.registered).containsExactly(new ShortCode("a"));
    }

    @Test
    void insertNew_takenCode_registersNothingNew() {
        store.insertNew(link("a"));
        clicks.registered.clear();

        assertThatThrownBy(() -> store.insertNew(link("a"))).isInstanceOf(CodeTakenException.class);
        assertThat(clicks.registered).isEmpty();
    }

    @Test
    void replace_deleteThenRestore_unregistersThenRegisters() {
        Link a = link("a");
        store.insertNew(a);
        Link deleted = a.softDeleted(NOW);

        assertThat(store.replace(a, deleted)).isTrue();
        assertThat(clicks.registered).isEmpty();
        assertThat(store.replace(deleted, deleted.restored())).isTrue();
        assertThat(clicks.registered).containsExactly(new ShortCode("a"));
    }

    @Test
    void replace_thatFails_changesNoRanking() {
        Link a = link("a");
        store.insertNew(a);

        assertThat(store.replace(a.withStatus(dev.tern.core.link.LinkStatus.DISABLED), a.softDeleted(NOW))).isFalse();
        assertThat(clicks.registered).containsExactly(new ShortCode("a"));
    }

    @Test
    void insertNew_rankingUnavailable_stillStoresTheLinkAndSucceeds() {
        RankingLinkStore flaky = new RankingLinkStore(links, new Fakes.Clicks() {
            @Override
            public void register(ShortCode code) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
            }
        });

        flaky.insertNew(link("a"));

        assertThat(links.find(new ShortCode("a"))).isPresent();
    }
}
