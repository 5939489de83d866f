package dev.tern.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.abuse.BlockedHostStore;
import dev.tern.core.abuse.HostBlocklist;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.error.TernException;
import dev.tern.core.fakes.MapClickCounterStore;
import dev.tern.core.fakes.MapIdempotencyStore;
import dev.tern.core.fakes.MapLinkStore;
import dev.tern.core.fakes.MutableClock;
import dev.tern.core.link.CodeAlphabet;
import dev.tern.core.link.CodeGenerator;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkPatch;
import dev.tern.core.link.LinkService;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.NewLinkRequest;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit trail of {@link LinkService}: every change recorded with who and when, history paged, any version restorable. */
class LinkHistoryServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Creator ALICE = Creator.apiKey("alice");
    private static final Creator BOB = Creator.apiKey("bob");
    private static final ShortCode CODE = new ShortCode("promo");

    private final MapLinkStore links = new MapLinkStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final Set<String> blocked = new HashSet<>();
    private final BlockedHostStore blockedStore = new BlockedHostStore() {
        @Override
        public Set<String> all() {
            return Set.copyOf(blocked);
        }

        @Override
        public void add(String host) {
            blocked.add(host);
        }

        @Override
        public boolean remove(String host) {
            return blocked.remove(host);
        }
    };
    private final HostBlocklist blocklist = new HostBlocklist(Optional.empty(), blockedStore, clock, Duration.ZERO, Duration.ZERO);
    private final LinkService service = new LinkService(links, new MapIdempotencyStore(), new MapClickCounterStore(),
            new CodeGenerator(CodeAlphabet.BASE62, 7), CodePolicy.defaults(), UrlPolicy.defaults(Set.of("tern.example")), clock,
            Duration.ofDays(30), blocklist);

    private void create() {
        service.create(new NewLinkRequest("https://example.com/a", "promo", "A", null, ALICE, null));
    }

    @Test
    void history_ofANewLink_isItsCreation_byItsCreator() {
        create();

        HistoryPage page = service.history(CODE, Optional.empty(), 10);

        assertThat(page.current()).isEqualTo(1);
        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.version()).isEqualTo(1);
            assertThat(entry.change().kind()).isEqualTo(ChangeKind.CREATE);
            assertThat(entry.change().actor()).isEqualTo(ALICE);
            assertThat(entry.change().at()).isEqualTo(NOW);
            assertThat(entry.previous()).isEmpty();
            assertThat(entry.after().target().value()).isEqualTo("https://example.com/a");
        });
        assertThat(page.next()).isEmpty();
    }

    @Test
    void everyChange_isRecorded_newestFirst_withWhoWhenBeforeAndAfter() {
        create();
        clock.advance(Duration.ofMinutes(1));
        service.update(CODE, LinkPatch.none().withUrl("https://example.com/b"), BOB);
        clock.advance(Duration.ofMinutes(1));
        service.update(CODE, LinkPatch.none().withDisabled(true), BOB);
        clock.advance(Duration.ofMinutes(1));
        service.update(CODE, LinkPatch.none().withDisabled(false), ALICE);
        clock.advance(Duration.ofMinutes(1));
        service.delete(CODE, ALICE);
        clock.advance(Duration.ofMinutes(1));
        service.restore(CODE, BOB);

        HistoryPage page = service.history(CODE, Optional.empty(), 100);

        assertThat(page.current()).isEqualTo(6);
        assertThat(page.entries()).extracting(e -> e.change().kind()).containsExactly(ChangeKind.RESTORE, ChangeKind.DELETE,
                ChangeKind.ENABLE, ChangeKind.DISABLE, ChangeKind.UPDATE, ChangeKind.CREATE);
        assertThat(page.entries()).extracting(AuditEntry::version).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        AuditEntry update = page.entries().get(4);
        assertThat(update.change().actor()).isEqualTo(BOB);
        assertThat(update.change().at()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(update.before().target().value()).isEqualTo("https://example.com/a");
        assertThat(update.after().target().value()).isEqualTo("https://example.com/b");
    }

    @Test
    void aChangeThatChangesNothing_isNotRecorded() {
        create();
        service.delete(CODE, BOB);
        service.delete(CODE, BOB);

        assertThat(service.history(CODE, Optional.empty(), 10).current()).isEqualTo(2);
    }

    @Test
    void history_isPaged_olderPagesThroughNext() {
        create();
        for (int i = 0; i < 4; i++) {
            service.update(CODE, LinkPatch.none().withTitle("t" + i), BOB);
        }

        HistoryPage first = service.history(CODE, Optional.empty(), 2);
        HistoryPage second = service.history(CODE, first.next(), 2);
        HistoryPage third = service.history(CODE, second.next(), 2);

        assertThat(first.entries()).extracting(AuditEntry::version).containsExactly(5L, 4L);
        assertThat(second.entries()).extracting(AuditEntry::version).containsExactly(3L, 2L);
        assertThat(second.entries().get(1).before()).isNotNull();
        assertThat(third.entries()).extracting(AuditEntry::version).containsExactly(1L);
        assertThat(third.next()).isEmpty();
    }

    @Test
    void restoreVersion_bringsAnEarlierVersionBack_asANewRecordedChange() {
        create();
        service.update(CODE, LinkPatch.none().withUrl("https://example.com/b").withTitle("B"), BOB);
        service.update(CODE, LinkPatch.none().withDisabled(true), BOB);

        Link restored = service.restoreVersion(CODE, 1, ALICE);

        assertThat(restored.target().value()).isEqualTo("https://example.com/a");
        assertThat(restored.title()).isEqualTo("A");
        assertThat(restored.status()).isEqualTo(LinkStatus.ACTIVE);
        AuditEntry newest = service.history(CODE, Optional.empty(), 1).entries().get(0);
        assertThat(newest.version()).isEqualTo(4);
        assertThat(newest.change().kind()).isEqualTo(ChangeKind.RESTORE);
        assertThat(newest.change().restoredVersion()).contains(1L);
        assertThat(newest.change().actor()).isEqualTo(ALICE);
    }

    @Test
    void restoreVersion_unknownVersion_isVersionNotFound() {
        create();

        assertThatThrownBy(() -> service.restoreVersion(CODE, 2, ALICE))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VERSION_NOT_FOUND));
        assertThatThrownBy(() -> service.restoreVersion(CODE, 0, ALICE))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VERSION_NOT_FOUND));
    }

    @Test
    void restoreVersion_ofABlockedDestination_isRefused() {
        create();
        service.update(CODE, LinkPatch.none().withUrl("https://example.org/b"), BOB);
        blocklist.block("example.com");

        assertThatThrownBy(() -> service.restoreVersion(CODE, 1, ALICE))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOCKED_URL));
    }

    @Test
    void history_unknownCode_isNotFound_andBadPagingIsInvalid() {
        assertThatThrownBy(() -> service.history(CODE, Optional.empty(), 10)).isInstanceOf(LinkNotFoundException.class);
        create();
        assertThatThrownBy(() -> service.history(CODE, Optional.empty(), 0))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> service.history(CODE, Optional.of(1L), 10))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aMigratedLink_showsOneImportEntry() {
        links.insertNew(Link.newActive(new ShortCode("old"), dev.tern.core.link.LongUrl.fromStored("https://example.com/o"), "",
                NOW.minus(Duration.ofDays(900)), new Creator("yourls:192.0.2.1")));

        HistoryPage page = service.history(new ShortCode("old"), Optional.empty(), 10);

        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.change().kind()).isEqualTo(ChangeKind.IMPORT);
            assertThat(entry.change().recorded()).isFalse();
        });
    }
}
