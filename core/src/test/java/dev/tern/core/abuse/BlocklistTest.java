package dev.tern.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.error.TernException;
import dev.tern.core.fakes.MapClickCounterStore;
import dev.tern.core.fakes.MapIdempotencyStore;
import dev.tern.core.fakes.MapLinkStore;
import dev.tern.core.fakes.MutableClock;
import dev.tern.core.link.CodeAlphabet;
import dev.tern.core.link.CodeGenerator;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.Creator;
import dev.tern.core.link.LinkPatch;
import dev.tern.core.link.LinkService;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.NewLinkRequest;
import dev.tern.core.link.Resolution;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlocklistTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UrlPolicy POLICY = UrlPolicy.defaults(Set.of("tern.example"));
    private final MutableClock clock = new MutableClock(NOW);

    @ParameterizedTest
    @CsvSource({
        "evil.example, evil.example",
        "EVIL.Example., evil.example",
        "*.evil.example, evil.example",
        ".evil.example, evil.example",
        "evil.example:8080, evil.example",
        "bücher.example, xn--bcher-kva.example",
        "[2001:DB8::1], 2001:db8::1",
        "192.0.2.7, 192.0.2.7",
    })
    void normalise_givesTheAsciiLowerCaseHost(String raw, String expected) {
        assertThat(BlockedHosts.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "'a b'", "'http://x/'", "'-bad-.example'", "'[::1'"})
    void normalise_refusesWhatIsNoHost(String raw) {
        assertThat(BlockedHosts.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "https://evil.example/x, true",
        "https://www.evil.example/x, true",
        "https://WWW.EVIL.EXAMPLE:8443/x, true",
        "https://notevil.example/x, false",
        "https://evil.example.org/x, false",
        "https://bücher.example/, true",
        "mailto:someone@evil.example, false",
    })
    void match_exactHostOrParentDomain_portsIgnored_idnNormalised(String url, boolean blocked) {
        BlockedHosts hosts = BlockedHosts.of(List.of("evil.example", "xn--bcher-kva.example"));
        HostBlocklist blocklist = new HostBlocklist(Optional.empty(), storeOf(hosts.entries()), clock);

        assertThat(blocklist.blockingEntry(LongUrl.parse(url, POLICY)).isPresent()).isEqualTo(blocked);
    }

    @Test
    void theFile_isReadAgainWhenItChanges_withoutARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("blocklist.txt");
        Files.writeString(file, "# spam\nspam.example  # the whole domain\n\n");
        HostBlocklist blocklist = new HostBlocklist(Optional.of(file), BlockedHostStore.NONE, clock, Duration.ofSeconds(30), Duration.ofSeconds(5));
        LongUrl phishing = LongUrl.parse("https://login.phish.example/", POLICY);
        assertThat(blocklist.blockingEntry(LongUrl.parse("https://a.spam.example/", POLICY))).contains("spam.example");
        assertThat(blocklist.blockingEntry(phishing)).isEmpty();

        Files.writeString(file, "spam.example\nphish.example\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        clock.advance(Duration.ofSeconds(5));

        assertThat(blocklist.blockingEntry(phishing)).contains("phish.example");
    }

    @Test
    void theTable_isReadAgainAfterItsLifetime_andAtOnceAfterOwnChanges() {
        Set<String> entries = ConcurrentHashMap.newKeySet();
        HostBlocklist blocklist = new HostBlocklist(Optional.empty(), storeOf(entries), clock, Duration.ofSeconds(30), Duration.ofSeconds(5));
        LongUrl url = LongUrl.parse("https://evil.example/", POLICY);
        assertThat(blocklist.blockingEntry(url)).isEmpty();

        entries.add("evil.example"); // another container's change
        assertThat(blocklist.blockingEntry(url)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(blocklist.blockingEntry(url)).contains("evil.example");

        blocklist.unblock("EVIL.example");
        assertThat(blocklist.blockingEntry(url)).isEmpty();
    }

    @Test
    void aTableThatCannotBeRead_keepsTheLastCopy_andIsReported_neverThrown() {
        Set<String> entries = ConcurrentHashMap.newKeySet();
        entries.add("evil.example");
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        BlockedHostStore live = storeOf(entries);
        BlockedHostStore flaky = new BlockedHostStore() {
            @Override
            public Set<String> all() {
                if (failing.get()) {
                    throw new IllegalStateException("no permission on TERN_LINKS_TABLE");
                }
                return live.all();
            }

            @Override
            public void add(String host) {
                live.add(host);
            }

            @Override
            public boolean remove(String host) {
                return live.remove(host);
            }
        };
        List<RuntimeException> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostBlocklist blocklist = new HostBlocklist(Optional.empty(), flaky, clock, Duration.ofSeconds(30), Duration.ofSeconds(5),
                reported::add);
        LongUrl url = LongUrl.parse("https://evil.example/", POLICY);
        assertThat(blocklist.blockingEntry(url)).contains("evil.example");

        failing.set(true);
        clock.advance(Duration.ofSeconds(30));

        assertThat(blocklist.blockingEntry(url)).contains("evil.example");
        assertThat(reported).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void block_notAHost_isInvalidRequest() {
        HostBlocklist blocklist = new HostBlocklist(Optional.empty(), storeOf(ConcurrentHashMap.newKeySet()), clock);

        assertThatThrownBy(() -> blocklist.block("not a host")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void everyCreateAndChange_refusesABlockedHost_andTheRedirectWarnsForOldLinks() {
        Set<String> entries = ConcurrentHashMap.newKeySet();
        HostBlocklist blocklist = new HostBlocklist(Optional.empty(), storeOf(entries), clock, Duration.ZERO, Duration.ZERO);
        LinkService service = new LinkService(new MapLinkStore(), new MapIdempotencyStore(), new MapClickCounterStore(),
                new CodeGenerator(CodeAlphabet.BASE62, 7), CodePolicy.defaults(), POLICY, clock, Duration.ofDays(30), blocklist);
        service.create(new NewLinkRequest("https://evil.example/x", "old", null, null, Creator.apiKey("k"), null));
        blocklist.block("evil.example");

        assertThatThrownBy(() -> service.create(new NewLinkRequest("https://www.evil.example/", null, null, null, Creator.apiKey("k"), null)))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOCKED_URL));
        service.create(new NewLinkRequest("https://fine.example/", "fine", null, null, Creator.apiKey("k"), null));
        assertThatThrownBy(() -> service.update(new ShortCode("fine"), LinkPatch.none().withUrl("https://evil.example/y")))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOCKED_URL));
        assertThat(service.resolve(new ShortCode("old"))).isInstanceOfSatisfying(Resolution.Blocked.class,
                blocked -> assertThat(blocked.reason()).isEqualTo("evil.example"));
        assertThat(service.resolve(new ShortCode("fine"))).isInstanceOf(Resolution.Found.class);
    }

    @Test
    void theRedirect_refusesASchemeNoLongerAllowed() {
        MapLinkStore store = new MapLinkStore();
        LinkService lenient = new LinkService(store, new MapIdempotencyStore(), new MapClickCounterStore(),
                new CodeGenerator(CodeAlphabet.BASE62, 7), CodePolicy.defaults(), POLICY, clock);
        lenient.create(new NewLinkRequest("ftp://files.example/a", "ftp", null, null, Creator.apiKey("k"), null));
        LinkService strict = new LinkService(store, new MapIdempotencyStore(), new MapClickCounterStore(),
                new CodeGenerator(CodeAlphabet.BASE62, 7), CodePolicy.defaults(), new UrlPolicy(Set.of(), 8192, Set.of()), clock);

        assertThat(strict.resolve(new ShortCode("ftp"))).isInstanceOfSatisfying(Resolution.Blocked.class,
                blocked -> assertThat(blocked.reason()).isEqualTo("scheme:ftp"));
    }

    static BlockedHostStore storeOf(Set<String> entries) {
        Set<String> live = entries instanceof java.util.concurrent.ConcurrentHashMap.KeySetView<?, ?> ? entries : ConcurrentHashMap.newKeySet();
        if (live != entries) {
            live.addAll(entries);
        }
        return new BlockedHostStore() {
            @Override
            public Set<String> all() {
                return Set.copyOf(live);
            }

            @Override
            public void add(String host) {
                live.add(host);
            }

            @Override
            public boolean remove(String host) {
                return live.remove(host);
            }
        };
    }
}
