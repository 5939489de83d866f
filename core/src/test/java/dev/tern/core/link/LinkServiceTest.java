package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickTally;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.fakes.MapClickCounterStore;
import dev.tern.core.fakes.MapIdempotencyStore;
import dev.tern.core.fakes.MapLinkStore;
import dev.tern.core.fakes.MutableClock;
import dev.tern.core.idempotency.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Creator ALICE = Creator.apiKey("alice");
    private static final Creator BOB = Creator.apiKey("bob");
    private static final CodeAlphabet B62 = CodeAlphabet.BASE62;

    private final MapLinkStore links = new MapLinkStore();
    private final MapIdempotencyStore idempotency = new MapIdempotencyStore();
    private final MapClickCounterStore clicks = new MapClickCounterStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final UrlPolicy urlPolicy = UrlPolicy.defaults(Set.of("tern.example"));

    private LinkService service(LinkStore store, CodeGenerator generator) {
        return new LinkService(store, idempotency, clicks, generator, CodePolicy.defaults(), urlPolicy, clock);
    }

    private LinkService service(CodeGenerator generator) {
        return service(links, generator);
    }

    private LinkService service() {
        return service(new CodeGenerator(B62, 7));
    }

    private static CodeGenerator scripted(String... codes) {
        return new CodeGenerator(B62, 7, ScriptedRandom.yielding(B62, codes));
    }

    private static NewLinkRequest request(String url) {
        return NewLinkRequest.of(url, ALICE);
    }

    private static ShortCode code(String value) {
        return new ShortCode(value);
    }

    private Link existing(String code, LinkStatus status) {
        Link link = Link.newActive(code(code), LongUrl.parse("https://example.com/" + code, urlPolicy), "", NOW, BOB)
                .withStatus(status);
        links.insertNew(link);
        return link;
    }

    private static void assertCode(Throwable thrown, ErrorCode code) {
        assertThat(thrown).isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Nested
    class Create {

        @Test
        void create_customCode_storesTheLinkUnderExactlyThatCode() {
            CreatedLink created = service().create(request("Example.com/Path").withCustomCode("Promo"));

            Link link = created.link();
            assertThat(created.replayed()).isFalse();
            assertThat(link.code()).isEqualTo(code("Promo"));
            assertThat(link.target().value()).isEqualTo("http://example.com/Path");
            assertThat(link.createdAt()).isEqualTo(NOW);
            assertThat(link.creator()).isEqualTo(ALICE);
            assertThat(link.status()).isEqualTo(LinkStatus.ACTIVE);
            assertThat(link.title()).isEmpty();
            assertThat(link.expiry()).isEmpty();
            assertThat(links.find(code("Promo"))).contains(link);
            assertThat(links.find(code("promo"))).isEmpty();
        }

        @Test
        void create_customCodesDifferingOnlyInCase_areDifferentLinks() {
            service().create(request("https://example.com/1").withCustomCode("promo"));
            service().create(request("https://example.com/2").withCustomCode("Promo"));

            assertThat(links.size()).isEqualTo(2);
            assertThat(links.find(code("promo")).orElseThrow().target().value()).isEqualTo("https://example.com/1");
            assertThat(links.find(code("Promo")).orElseThrow().target().value()).isEqualTo("https://example.com/2");
        }

        @Test
        void create_withoutCustomCode_usesAGeneratedCode() {
            CreatedLink created = service(scripted("Abc1234")).create(request("https://example.com/"));

            assertThat(created.link().code()).isEqualTo(code("Abc1234"));
            assertThat(links.find(code("Abc1234"))).isPresent();
        }

        @Test
        void create_withoutCustomCode_realGenerator_givesCodesOfTheConfiguredShape() {
            LinkService service = service(new CodeGenerator(CodeAlphabet.BASE36_LOWER, 9));
            for (int i = 0; i < 50; i++) {
                assertThat(service.create(request("https://example.com/" + i)).link().code().value()).matches("[0-9a-z]{9}");
            }
            assertThat(links.size()).isEqualTo(50);
        }

        @Test
        void create_takenCustomCode_isCodeTaken_andKeepsTheFirstLink() {
            service().create(request("https://example.com/first").withCustomCode("promo"));

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> service().create(request("https://example.com/second").withCustomCode("promo")));

            assertThat(thrown).isInstanceOfSatisfying(CodeTakenException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CODE_TAKEN);
                assertThat(e.shortCode()).isEqualTo(code("promo"));
                assertThat(e.detail()).isEqualTo("Short code \"promo\" is already in use");
            });
            assertThat(links.find(code("promo")).orElseThrow().target().value()).isEqualTo("https://example.com/first");
        }

        @Test
        void create_generatedCodeCollision_isRetriedWithANewCode() {
            existing("Taken00", LinkStatus.ACTIVE);

            CreatedLink created = service(scripted("Taken00", "Free000")).create(request("https://example.com/"));

            assertThat(created.link().code()).isEqualTo(code("Free000"));
            assertThat(links.size()).isEqualTo(2);
        }

        @Test
        void create_generatedCodeCollidesWithDeletedLink_isRetriedToo() {
            existing("Taken00", LinkStatus.DELETED);

            assertThat(service(scripted("Taken00", "Free000")).create(request("https://example.com/")).link().code())
                    .isEqualTo(code("Free000"));
        }

        @Test
        void create_everyGeneratedCodeTaken_givesUpAsUnavailable() {
            existing("AAAAAAA", LinkStatus.ACTIVE);
            CodeGenerator stuck = new CodeGenerator(B62, 7, ScriptedRandom.yieldingThenRepeating(B62, "AAAAAAA"));

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> service(stuck).create(request("https://example.com/")));

            assertThat(thrown).isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                assertThat(e.retryAfter()).isPositive();
            });
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void create_reservedGeneratedCode_isSkipped() {
            CodeGenerator sixLong = new CodeGenerator(B62, 6, ScriptedRandom.yielding(B62, "status", "HEALTH", "Abc123"));
            CreatedLink created = service(sixLong).create(request("https://example.com/"));

            assertThat(created.link().code()).isEqualTo(code("Abc123"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"api", "Status", "favicon.ico", "yourls-api.php"})
        void create_reservedCustomCode_isRefusedAndNothingStored(String custom) {
            assertCode(org.assertj.core.api.Assertions.catchThrowable(
                    () -> service().create(request("https://example.com/").withCustomCode(custom))), ErrorCode.RESERVED_CODE);
            assertThat(links.size()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a b", "", "x+", "café", "a/b"})
        void create_malformedCustomCode_isRefusedAndNothingStored(String custom) {
            assertCode(org.assertj.core.api.Assertions.catchThrowable(
                    () -> service().create(request("https://example.com/").withCustomCode(custom))), ErrorCode.INVALID_CODE);
            assertThat(links.size()).isZero();
        }

        @Test
        void create_badUrl_isRefusedAndNothingStored() {
            assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(request("javascript:alert(1)"))),
                    ErrorCode.INVALID_URL);
            assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(request("https://tern.example/abc"))),
                    ErrorCode.REDIRECT_LOOP);
            assertThat(links.size()).isZero();
        }

        @Test
        void create_expiryInThePast_isInvalidExpiry() {
            NewLinkRequest past = new NewLinkRequest("https://example.com/", null, null, NOW.minusSeconds(1), ALICE, null);
            NewLinkRequest rightNow = new NewLinkRequest("https://example.com/", null, null, NOW, ALICE, null);

            assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(past)), ErrorCode.INVALID_EXPIRY);
            assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(rightNow)), ErrorCode.INVALID_EXPIRY);
            assertThat(links.size()).isZero();
        }

        @Test
        void create_expiryInTheFuture_isStored() {
            Instant expiry = NOW.plus(Duration.ofDays(7));
            Link link = service().create(new NewLinkRequest("https://example.com/", null, null, expiry, ALICE, null)).link();

            assertThat(link.expiry()).contains(expiry);
            assertThat(links.find(link.code()).orElseThrow().expiresAt()).isEqualTo(expiry);
        }
    }

    @Nested
    class Titles {

        private String titleOf(String title) {
            return service().create(new NewLinkRequest("https://example.com/", null, title, null, ALICE, null)).link().title();
        }

        @Test
        void title_controlCharactersRemoved_whitespaceCollapsed_andTrimmed() {
            assertThat(titleOf("  Hello\t\n  World\u0000\u200B  ")).isEqualTo("Hello World");
            assertThat(titleOf("a\u0007b\u007Fc\u0085d")).isEqualTo("abcd");
            assertThat(titleOf("a\u00A0\u2003b")).isEqualTo("a b");
        }

        @Test
        void title_keepsUnicodeAndEmojiSequences() {
            assertThat(titleOf("Café 👨‍👩‍👧 <b>&amp;</b>")).isEqualTo("Café 👨‍👩‍👧 <b>&amp;</b>");
        }

        @Test
        void title_loneSurrogate_isRemoved() {
            assertThat(titleOf("a\uD800b\uDC00c")).isEqualTo("abc");
        }

        @Test
        void title_missing_isEmpty() {
            assertThat(titleOf(null)).isEmpty();
            assertThat(titleOf(" \t ")).isEmpty();
        }

        @Test
        void title_of500Characters_isAccepted_evenAsEmoji() {
            assertThat(titleOf("x".repeat(500))).hasSize(500);
            assertThat(titleOf("😀".repeat(500))).hasSize(1000);
            assertThat(titleOf("x ".repeat(250) + "     ")).hasSize(499);
        }

        @Test
        void title_over500Characters_isRefused() {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> titleOf("x".repeat(501)));
            assertCode(thrown, ErrorCode.INVALID_TITLE);
            assertThat(thrown).hasMessageContaining("500");
            assertThat(links.size()).isZero();
        }
    }

    @Nested
    class Idempotency {

        private NewLinkRequest keyed(String key) {
            return request("https://example.com/page").withIdempotencyKey(key);
        }

        @Test
        void sameRequestTwice_givesTheSameLink_secondReplayed_oneStored() {
            LinkService service = service();

            CreatedLink first = service.create(keyed("k-1"));
            CreatedLink second = service.create(keyed("k-1"));

            assertThat(first.replayed()).isFalse();
            assertThat(second.replayed()).isTrue();
            assertThat(second.link()).isEqualTo(first.link());
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void sameRequestTwice_withCustomCode_isReplayedNotTaken() {
            CreatedLink first = service().create(keyed("k-1").withCustomCode("promo"));
            CreatedLink second = service().create(keyed("k-1").withCustomCode("promo"));

            assertThat(second.replayed()).isTrue();
            assertThat(second.link().code()).isEqualTo(first.link().code()).isEqualTo(code("promo"));
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void sameKey_differentRequest_isRefusedAsReused() {
            service().create(keyed("k-1"));

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> service().create(request("https://example.com/other").withIdempotencyKey("k-1")));

            assertCode(thrown, ErrorCode.IDEMPOTENCY_KEY_REUSED);
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void sameKey_differentTitleOrCodeOrExpiry_isRefusedAsReused() {
            service().create(keyed("k-1"));

            for (NewLinkRequest changed : List.of(
                    new NewLinkRequest("https://example.com/page", null, "a title", null, ALICE, "k-1"),
                    keyed("k-1").withCustomCode("mine"),
                    new NewLinkRequest("https://example.com/page", null, null, NOW.plusSeconds(60), ALICE, "k-1"))) {
                assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(changed)),
                        ErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void sameKey_sameRequestWrittenDifferently_isTheSameRequest() {
            CreatedLink first = service().create(request("Example.com/page").withIdempotencyKey("k-1"));
            CreatedLink second = service().create(request("  http://EXAMPLE.com/page ").withIdempotencyKey("k-1"));

            assertThat(second.replayed()).isTrue();
            assertThat(second.link().code()).isEqualTo(first.link().code());
        }

        @Test
        void sameKey_fromADifferentCreator_isIndependent() {
            CreatedLink alices = service().create(keyed("k-1"));
            CreatedLink bobs = service().create(NewLinkRequest.of("https://example.com/page", BOB).withIdempotencyKey("k-1"));

            assertThat(bobs.replayed()).isFalse();
            assertThat(bobs.link().code()).isNotEqualTo(alices.link().code());
            assertThat(bobs.link().creator()).isEqualTo(BOB);
            assertThat(links.size()).isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "has space", "tab\there", "é", "new\nline", "\u0000"})
        void malformedKey_isRefused_andNothingIsStored(String key) {
            assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(keyed(key))),
                    ErrorCode.INVALID_IDEMPOTENCY_KEY);
            assertThat(links.size()).isZero();
            assertThat(idempotency.all()).isEmpty();
        }

        @Test
        void keyOf256Characters_isRefused_and255Accepted() {
            assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(keyed("k".repeat(256)))),
                    ErrorCode.INVALID_IDEMPOTENCY_KEY);
            assertThat(service().create(keyed("k".repeat(255))).replayed()).isFalse();
            assertThat(service().create(keyed("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")).replayed()).isFalse();
        }

        @Test
        void keyedLink_remembersItsKey() {
            Link link = service().create(keyed("k-1")).link();
            assertThat(link.createdWithIdempotencyKey()).isPresent();
            assertThat(links.find(link.code()).orElseThrow().idempotencyKey()).isEqualTo(link.idempotencyKey());
        }

        @Test
        void crashAfterClaimBeforeInsert_retryCreatesTheLinkUnderTheClaimedCode() {
            AtomicBoolean crash = new AtomicBoolean(true);
            LinkStore crashingOnce = new LinkStore() {
                @Override
                public Optional<Link> find(ShortCode code) {
                    return links.find(code);
                }

                @Override
                public Optional<Link> findLatest(ShortCode code) {
                    return links.findLatest(code);
                }

                @Override
                public void insertNew(Link link) {
                    if (crash.getAndSet(false)) {
                        throw new StoreUnavailableException("simulated crash", Duration.ofSeconds(1), null);
                    }
                    links.insertNew(link);
                }

                @Override
                public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
                    return links.list(creator, cursor, limit);
                }

                @Override
                public boolean replace(Link current, Link updated) {
                    return links.replace(current, updated);
                }
            };
            LinkService service = service(crashingOnce, new CodeGenerator(B62, 7));

            assertThatThrownBy(() -> service.create(keyed("k-1"))).isInstanceOf(StoreUnavailableException.class);
            assertThat(links.size()).isZero();
            assertThat(idempotency.all()).hasSize(1);
            ShortCode claimed = idempotency.all().values().iterator().next().code();

            CreatedLink retried = service.create(keyed("k-1"));
            CreatedLink again = service.create(keyed("k-1"));

            assertThat(retried.link().code()).isEqualTo(claimed);
            assertThat(retried.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.link().code()).isEqualTo(claimed);
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void claimedGeneratedCodeTakenByAnotherLink_isReassigned_andTheRetryFindsIt() {
            existing("Taken00", LinkStatus.ACTIVE);
            LinkService service = service(scripted("Taken00", "Free000", "Other00"));

            CreatedLink first = service.create(keyed("k-1"));
            CreatedLink retried = service.create(keyed("k-1"));

            assertThat(first.link().code()).isEqualTo(code("Free000"));
            assertThat(idempotency.all().values()).extracting(IdempotencyRecord::code).containsExactly(code("Free000"));
            assertThat(retried.replayed()).isTrue();
            assertThat(retried.link().code()).isEqualTo(code("Free000"));
            assertThat(links.size()).isEqualTo(2);
        }

        @Test
        void keyedCustomCodeTakenBySomeoneElse_isCodeTaken_everyTime() {
            existing("promo", LinkStatus.ACTIVE);

            for (int i = 0; i < 2; i++) {
                assertCode(org.assertj.core.api.Assertions.catchThrowable(() -> service().create(keyed("k-1").withCustomCode("promo"))),
                        ErrorCode.CODE_TAKEN);
            }
            assertThat(links.size()).isEqualTo(1);
        }

        @Test
        void sameKeyFrom16ThreadsAtOnce_createsExactlyOneLink() throws Exception {
            LinkService service = service();
            List<CreatedLink> results = runConcurrently(16, () -> service.create(keyed("k-concurrent")));

            assertThat(links.size()).isEqualTo(1);
            assertThat(results).extracting(r -> r.link().code()).containsOnly(links.all().keySet().iterator().next());
            assertThat(results).filteredOn(r -> !r.replayed()).hasSize(1);
        }
    }

    @Test
    void sameCustomCodeFrom16ThreadsAtOnce_exactlyOneWins() throws Exception {
        LinkService service = service();
        List<Object> outcomes = runConcurrently(16, () -> {
            try {
                return service.create(request("https://example.com/" + Thread.currentThread().getName()).withCustomCode("race"));
            } catch (CodeTakenException e) {
                return e;
            }
        });

        assertThat(outcomes).filteredOn(CreatedLink.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(CodeTakenException.class::isInstance).hasSize(15);
        assertThat(links.size()).isEqualTo(1);
    }

    @Nested
    class Resolve {

        @Test
        void resolve_activeLink_isFound() {
            Link link = service().create(request("https://example.com/").withCustomCode("abc")).link();

            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Found(link));
        }

        @Test
        void resolve_unknownCode_isNotFound() {
            existing("abc", LinkStatus.ACTIVE);

            assertThat(service().resolve(code("ABC"))).isEqualTo(new Resolution.NotFound(code("ABC")));
        }

        @Test
        void resolve_expiredLink_isGoneExpired_fromTheExpiryInstantOn() {
            Instant expiry = NOW.plus(Duration.ofHours(1));
            Link link = service().create(new NewLinkRequest("https://example.com/", "abc", null, expiry, ALICE, null)).link();

            clock.set(expiry.minusMillis(1));
            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Found(link));
            clock.set(expiry);
            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Gone(link, Resolution.Reason.EXPIRED));
            clock.advance(Duration.ofDays(30));
            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Gone(link, Resolution.Reason.EXPIRED));
        }

        @Test
        void resolve_disabledLink_isGoneDisabled() {
            Link link = existing("abc", LinkStatus.DISABLED);
            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Gone(link, Resolution.Reason.DISABLED));
        }

        @Test
        void resolve_deletedLink_isGoneDeleted() {
            Link link = existing("abc", LinkStatus.DELETED);
            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Gone(link, Resolution.Reason.DELETED));
        }

        @Test
        void resolve_disabledAndExpiredLink_isGoneDisabled() {
            Link link = Link.newActive(code("abc"), LongUrl.parse("https://example.com/", urlPolicy), "", NOW, BOB)
                    .withStatus(LinkStatus.DISABLED).withExpiry(NOW.minusSeconds(1));
            links.insertNew(link);
            assertThat(service().resolve(code("abc"))).isEqualTo(new Resolution.Gone(link, Resolution.Reason.DISABLED));
        }
    }

    @Nested
    class Get {

        @Test
        void get_givesTheLinkWithItsClickTotal() {
            Link link = existing("abc", LinkStatus.ACTIVE);
            Click click = Click.of(code("abc"), NOW, null, null, null);
            clicks.add("batch-1", ClickTally.of(code("abc"), List.of(click, click, click)));
            clicks.add("batch-2", ClickTally.of(code("abc"), List.of(click)));

            assertThat(service().get(code("abc"))).isEqualTo(new LinkDetails(link, 4));
        }

        @Test
        void get_linkWithoutClicks_hasZero_whateverItsStatus() {
            Link link = existing("abc", LinkStatus.DELETED);
            assertThat(service().get(code("abc"))).isEqualTo(new LinkDetails(link, 0));
        }

        @Test
        void get_unknownCode_isLinkNotFound() {
            existing("abc", LinkStatus.ACTIVE);

            assertThatThrownBy(() -> service().get(code("Abc")))
                    .isInstanceOfSatisfying(LinkNotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                    .hasMessageContaining("\"Abc\"");
        }
    }

    private static <T> List<T> runConcurrently(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class Update {

        @Test
        void update_everyField_isStored() {
            existing("edit", LinkStatus.ACTIVE);
            RedirectPolicy policy = new RedirectPolicy(302, Duration.ofSeconds(60), true);

            Link updated = service().update(code("edit"), LinkPatch.none().withUrl("example.org/new").withTitle("  New   title ")
                    .withExpiresAt(NOW.plusSeconds(3600)).withRedirect(policy).withDisabled(true));

            assertThat(updated.target().value()).isEqualTo("http://example.org/new");
            assertThat(updated.title()).isEqualTo("New title");
            assertThat(updated.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(updated.redirectPolicy()).isEqualTo(policy);
            assertThat(updated.status()).isEqualTo(LinkStatus.DISABLED);
            assertThat(updated.createdAt()).isEqualTo(NOW);
            assertThat(updated.creator()).isEqualTo(BOB);
            assertThat(links.find(code("edit"))).contains(updated);
        }

        @Test
        void update_clearingAndEnabling_goesBackToDefaults() {
            Link link = existing("clear", LinkStatus.DISABLED).withExpiry(NOW.plusSeconds(60))
                    .withRedirectPolicy(RedirectPolicy.defaults());
            links.replace(links.find(code("clear")).orElseThrow(), link);

            Link updated = service().update(code("clear"),
                    LinkPatch.none().withExpiresAt(null).withRedirect(null).withDisabled(false));

            assertThat(updated.expiry()).isEmpty();
            assertThat(updated.ownRedirectPolicy()).isEmpty();
            assertThat(updated.status()).isEqualTo(LinkStatus.ACTIVE);
        }

        @Test
        void update_nothing_changesNothing() {
            Link link = existing("same", LinkStatus.ACTIVE);

            assertThat(service().update(code("same"), LinkPatch.none())).isEqualTo(link);
        }

        @Test
        void update_unknownCode_isNotFound() {
            assertCode(catchThrowable(() -> service().update(code("nope"), LinkPatch.none().withTitle("x"))), ErrorCode.NOT_FOUND);
        }

        @Test
        void update_deletedLink_isGone() {
            existing("gone", LinkStatus.DELETED);

            assertCode(catchThrowable(() -> service().update(code("gone"), LinkPatch.none().withTitle("x"))), ErrorCode.GONE);
        }

        @Test
        void update_badValues_areRefusedBeforeAnyWrite() {
            Link link = existing("bad", LinkStatus.ACTIVE);

            assertCode(catchThrowable(() -> service().update(code("bad"), LinkPatch.none().withUrl("javascript:alert(1)"))),
                    ErrorCode.INVALID_URL);
            assertCode(catchThrowable(() -> service().update(code("bad"), LinkPatch.none().withExpiresAt(NOW))),
                    ErrorCode.INVALID_EXPIRY);
            assertCode(catchThrowable(() -> service().update(code("bad"), LinkPatch.none().withTitle("x".repeat(501)))),
                    ErrorCode.INVALID_TITLE);
            assertThat(links.find(code("bad"))).contains(link);
        }

        @Test
        void update_racingAnotherChange_reappliesOnTheNewerLink() {
            existing("race", LinkStatus.ACTIVE);
            AtomicBoolean raced = new AtomicBoolean();
            LinkStore racing = new LinkStore() {
                @Override
                public Optional<Link> find(ShortCode c) {
                    return links.find(c);
                }

                @Override
                public Optional<Link> findLatest(ShortCode c) {
                    return links.findLatest(c);
                }

                @Override
                public void insertNew(Link link) {
                    links.insertNew(link);
                }

                @Override
                public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
                    return links.list(creator, cursor, limit);
                }

                @Override
                public boolean replace(Link current, Link updated) {
                    return links.replace(current, updated);
                }

                @Override
                public Optional<dev.tern.core.audit.LinkVersion> findLatestVersion(ShortCode c) {
                    return links.findLatestVersion(c);
                }

                @Override
                public boolean replace(dev.tern.core.audit.LinkVersion current, Link updated, dev.tern.core.audit.Change change) {
                    if (raced.compareAndSet(false, true)) {
                        links.replace(current.link(), current.link().withExpiry(NOW.plusSeconds(999)));
                    }
                    return links.replace(current, updated, change);
                }
            };

            Link updated = service(racing, scripted()).update(code("race"), LinkPatch.none().withTitle("mine"));

            assertThat(updated.title()).isEqualTo("mine");
            assertThat(updated.expiresAt()).isEqualTo(NOW.plusSeconds(999));
            assertThat(links.find(code("race"))).contains(updated);
        }
    }

    @Nested
    class DeleteAndRestore {

        @Test
        void delete_thenRestore_withinTheWindow() {
            Link link = existing("gone", LinkStatus.ACTIVE);

            Link deleted = service().delete(code("gone"));

            assertThat(deleted.status()).isEqualTo(LinkStatus.DELETED);
            assertThat(deleted.deletedAt()).isEqualTo(NOW);
            assertThat(service().delete(code("gone"))).isEqualTo(deleted);
            assertThat(service().resolve(code("gone"))).isInstanceOf(Resolution.Gone.class);
            assertThat(service().restorableUntil(deleted)).contains(NOW.plus(Duration.ofDays(30)));

            clock.advance(Duration.ofDays(29));
            assertThat(service().restore(code("gone"))).isEqualTo(link);
            assertThat(service().restore(code("gone"))).isEqualTo(link);
        }

        @Test
        void restore_afterTheWindow_isGone() {
            existing("late", LinkStatus.ACTIVE);
            service().delete(code("late"));
            clock.advance(Duration.ofDays(30));

            assertCode(catchThrowable(() -> service().restore(code("late"))), ErrorCode.GONE);
        }

        @Test
        void deleteOrRestore_unknown_isNotFound() {
            assertCode(catchThrowable(() -> service().delete(code("none"))), ErrorCode.NOT_FOUND);
            assertCode(catchThrowable(() -> service().restore(code("none"))), ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class Stats {

        @Test
        void stats_denseDaysTopReferrersAndCountries() {
            existing("st", LinkStatus.ACTIVE);
            Instant day1 = Instant.parse("2026-11-20T12:00:00Z");
            Instant day3 = Instant.parse("2026-11-22T12:00:00Z");
            List<Click> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(Click.of(code("st"), day1, "https://a.example/x", "PT", "Mozilla/5.0 Firefox/120.0"));
            }
            batch.add(Click.of(code("st"), day3, "https://b.example/", "DE", "Mozilla/5.0 Firefox/120.0"));
            batch.add(Click.of(code("st"), Instant.parse("2026-10-01T00:00:00Z"), null, null, null));
            clicks.add("b1", ClickTally.of(code("st"), batch));

            LinkStats stats = service().stats(code("st"), java.time.LocalDate.parse("2026-11-20"),
                    java.time.LocalDate.parse("2026-11-23"));

            assertThat(stats.total()).isEqualTo(5);
            assertThat(stats.inRange()).isEqualTo(4);
            assertThat(stats.days()).extracting(LinkStats.Day::clicks).containsExactly(3L, 0L, 1L, 0L);
            assertThat(stats.referrers()).containsExactly(new LinkStats.Count("a.example", 3), new LinkStats.Count("b.example", 1));
            assertThat(stats.countries()).containsExactly(new LinkStats.Count("PT", 3), new LinkStats.Count("DE", 1));
        }

        @Test
        void stats_badRangeOrUnknownLink_isRefused() {
            existing("rng", LinkStatus.ACTIVE);
            java.time.LocalDate day = java.time.LocalDate.parse("2026-11-23");

            assertCode(catchThrowable(() -> service().stats(code("rng"), day, day.minusDays(1))), ErrorCode.INVALID_REQUEST);
            assertCode(catchThrowable(() -> service().stats(code("rng"), day.minusDays(366), day)), ErrorCode.INVALID_REQUEST);
            assertCode(catchThrowable(() -> service().stats(code("none"), day, day)), ErrorCode.NOT_FOUND);
            assertThat(service().stats(code("rng"), day.minusDays(365), day).days()).hasSize(366);
        }
    }

    @Nested
    class BulkAndList {

        @Test
        void createAll_eachItemOnItsOwn() {
            existing("taken", LinkStatus.ACTIVE);
            List<NewLinkRequest> items = List.of(
                    new NewLinkRequest("https://example.com/1", "first", null, null, ALICE, "bulk-1#0"),
                    new NewLinkRequest("https://example.com/2", "taken", null, null, ALICE, "bulk-1#1"),
                    new NewLinkRequest("javascript:alert(1)", null, null, null, ALICE, "bulk-1#2"));

            List<BulkItemResult> results = service().createAll(items);

            assertThat(results).extracting(BulkItemResult::index).containsExactly(0, 1, 2);
            assertThat(results.get(0).created().orElseThrow().link().code()).isEqualTo(code("first"));
            assertThat(results.get(1).error().orElseThrow().code()).isEqualTo(ErrorCode.CODE_TAKEN);
            assertThat(results.get(2).error().orElseThrow().code()).isEqualTo(ErrorCode.INVALID_URL);

            List<BulkItemResult> again = service().createAll(items);
            assertThat(again.get(0).created().orElseThrow().replayed()).isTrue();
        }

        @Test
        void createAll_noneOrTooMany_isRefused() {
            assertCode(catchThrowable(() -> service().createAll(List.of())), ErrorCode.INVALID_REQUEST);
            List<NewLinkRequest> many = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                many.add(request("https://example.com/" + i));
            }
            assertCode(catchThrowable(() -> service().createAll(many)), ErrorCode.INVALID_REQUEST);
        }

        @Test
        void list_pagesThroughAStoresLinks_andRefusesBadLimits() {
            existing("a1", LinkStatus.ACTIVE);
            existing("a2", LinkStatus.ACTIVE);
            existing("a3", LinkStatus.DELETED);

            LinkPage first = service().list(Optional.of(BOB), Optional.empty(), 2);
            LinkPage second = service().list(Optional.of(BOB), first.next(), 2);

            assertThat(first.links()).hasSize(2);
            assertThat(second.links()).hasSize(1);
            assertThat(second.next()).isEmpty();
            assertThat(service().list(Optional.of(ALICE), Optional.empty(), 10).links()).isEmpty();
            assertCode(catchThrowable(() -> service().list(Optional.empty(), Optional.empty(), 0)), ErrorCode.INVALID_REQUEST);
            assertCode(catchThrowable(() -> service().list(Optional.empty(), Optional.empty(), 101)), ErrorCode.INVALID_REQUEST);
            assertCode(catchThrowable(() -> service().list(Optional.empty(), Optional.of("?"), 10)), ErrorCode.INVALID_REQUEST);
        }
    }
}
