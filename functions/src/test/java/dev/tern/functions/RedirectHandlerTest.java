package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.Stores;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.idempotency.IdempotencyStore;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectHandlerTest {
    private final TestWiring t = TestWiring.create();

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return t.redirect().handleRequest(event, null);
    }

    @Test
    void get_fixture_redirectsWithDeploymentDefaultsAndEmitsClick() {
        TestWiring withCountry = TestWiring.withEnv(Map.of("TERN_COUNTRY_HEADER", "CloudFront-Viewer-Country"));
        withCountry.save("promo", "https://example.com/spring-sale");

        APIGatewayV2HTTPResponse response = withCountry.redirect().handleRequest(Fixtures.httpEvent("get-redirect.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(response.getHeaders())
                .containsEntry("Location", "https://example.com/spring-sale")
                .containsEntry("Cache-Control", "public, max-age=300")
                .containsEntry("X-Robots-Tag", "noindex");
        assertThat(response.getBody()).isEmpty();
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(withCountry.clicks).containsExactly(
                new Click(new ShortCode("promo"), TestWiring.NOW, "news.example.org", "PT", VisitorClass.BROWSER));
    }

    @Test
    void head_fixture_sameHeadersNoBodyNoClick() {
        t.save("promo", "https://example.com/spring-sale");

        APIGatewayV2HTTPResponse get = handle(Fixtures.httpEvent("get-redirect.json"));
        t.clicks.clear();
        APIGatewayV2HTTPResponse head = handle(Fixtures.httpEvent("head-redirect.json"));

        assertThat(head.getStatusCode()).isEqualTo(get.getStatusCode());
        assertThat(head.getHeaders()).isEqualTo(get.getHeaders());
        assertThat(head.getBody()).isEmpty();
        assertThat(t.clicks).isEmpty();
    }

    @Test
    void get_withoutCountryHeaderSetting_countsNoCountry() {
        t.save("promo", "https://example.com/");

        handle(Fixtures.httpEvent("get-redirect.json"));

        assertThat(t.clicks).singleElement().extracting(Click::country).isEqualTo("");
    }

    @Test
    void get_trailingSlash_isTolerated() {
        t.save("abc", "https://example.com/x");

        APIGatewayV2HTTPResponse response = handle(Events.get("/abc/").build());

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(response.getHeaders()).containsEntry("Location", "https://example.com/x");
    }

    @Test
    void get_matchesCodesCaseSensitively() {
        t.save("abc", "https://example.com/lower");
        t.save("ABC", "https://example.com/upper");

        assertThat(handle(Events.get("/ABC").build()).getHeaders()).containsEntry("Location", "https://example.com/upper");
        assertThat(handle(Events.get("/abc").build()).getHeaders()).containsEntry("Location", "https://example.com/lower");
        assertThat(handle(Events.get("/Abc").build()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void get_linkWithOwnPolicy_usesItsStatusAndCaching() {
        t.save("temp", "https://example.com/t", new RedirectPolicy(307, Duration.ZERO, false));

        APIGatewayV2HTTPResponse response = handle(Events.get("/temp").build());

        assertThat(response.getStatusCode()).isEqualTo(307);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void get_deploymentPolicyFromSettings() {
        TestWiring configured = TestWiring.withEnv(Map.of("TERN_REDIRECT_STATUS", "302", "TERN_REDIRECT_CACHE_SECONDS", "3600"));
        configured.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = configured.redirect().handleRequest(Events.get("/abc").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "public, max-age=3600");
    }

    @Test
    void get_queryString_droppedByDefault() {
        t.save("abc", "https://example.com/page");

        APIGatewayV2HTTPResponse response = handle(Events.get("/abc").query("utm_source=x").build());

        assertThat(response.getHeaders()).containsEntry("Location", "https://example.com/page");
    }

    @Test
    void get_queryString_forwardedWhenThePolicySaysSo() {
        t.save("abc", "https://example.com/page?a=1#top", new RedirectPolicy(301, Duration.ofMinutes(5), true));

        APIGatewayV2HTTPResponse response = handle(Events.get("/abc").query("utm_source=x&b=%C3%A9").build());

        assertThat(response.getHeaders()).containsEntry("Location", "https://example.com/page?a=1&utm_source=x&b=%C3%A9#top");
    }

    @Test
    void get_queryForwardingFromDeploymentSetting() {
        TestWiring forwarding = TestWiring.withEnv(Map.of("TERN_FORWARD_QUERY", "true"));
        forwarding.save("abc", "https://example.com/page");

        APIGatewayV2HTTPResponse response = forwarding.redirect().handleRequest(Events.get("/abc").query("x=1").build(), null);

        assertThat(response.getHeaders()).containsEntry("Location", "https://example.com/page?x=1");
    }

    @Test
    void get_unicodeTarget_locationIsAscii() {
        t.save("buch", "https://bücher.example/straße?q=café");

        String location = handle(Events.get("/buch").build()).getHeaders().get("Location");

        assertThat(location).isEqualTo("https://xn--bcher-kva.example/stra%C3%9Fe?q=caf%C3%A9");
        assertThat(location.chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void get_nullHeaderMap_redirectsAndCountsADirectClick() {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(Events.get("/abc").withoutHeaders().build());

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(t.clicks).singleElement().satisfies(click -> {
            assertThat(click.referrerHost()).isEqualTo(Click.DIRECT);
            assertThat(click.visitor()).isEqualTo(VisitorClass.OTHER);
        });
    }

    @Test
    void get_headerNamesInAnyCase_areRead() {
        t.save("abc", "https://example.com/");

        handle(Events.get("/abc").rawHeader("Referer", "https://ref.example/x").rawHeader("User-Agent", "Googlebot/2.1").build());

        assertThat(t.clicks).singleElement().satisfies(click -> {
            assertThat(click.referrerHost()).isEqualTo("ref.example");
            assertThat(click.visitor()).isEqualTo(VisitorClass.BOT);
        });
    }

    @Test
    void get_probeHeader_isNotAClick() {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(Events.get("/abc").header(RedirectHandler.PROBE_HEADER, "status-page").build());

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(t.clicks).isEmpty();
    }

    @Test
    void get_clickSinkFailure_stillRedirectsAndLogsOnce() {
        t.save("abc", "https://example.com/");
        t.clickSink(click -> {
            throw new IllegalStateException("sink broke");
        });

        APIGatewayV2HTTPResponse response = handle(Events.get("/abc").build());

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(t.logLines).singleElement().asString().contains("\"op\":\"click\"", "sink broke");
    }

    @Test
    void get_makesNoDatabaseWrite() {
        List<String> calls = new ArrayList<>();
        InMemoryLinkStore links = new InMemoryLinkStore();
        links.insertNew(Link.newActive(new ShortCode("abc"), LongUrl.fromStored("https://example.com/"), "",
                TestWiring.NOW.minusSeconds(60), Creator.UNKNOWN));
        Stores recording = new Stores(new RecordingLinkStore(links, calls), new RecordingIdempotencyStore(calls),
                new RecordingClickCounterStore(calls));
        TestWiring w = TestWiring.withStores(recording);

        APIGatewayV2HTTPResponse response = w.redirect().handleRequest(Events.get("/abc").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(calls).containsExactly("links.find");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/", "/a/b", "/x+", "/abc+", "/%6Fzh", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "//", "/a%20b"})
    void get_unknownOrImpossibleCode_is404Page(String path) {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(Events.get(path).build());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store")
                .doesNotContainKey("Location");
        assertThat(response.getBody()).startsWith("<!DOCTYPE html>").contains("Link not found")
                .doesNotContain("src=", "<link", "<script");
        assertThat(t.clicks).isEmpty();
    }

    @Test
    void get_unknownCode_pageEscapesThePath() {
        APIGatewayV2HTTPResponse response = handle(Events.get("/\"><script>alert(1)</script>").build());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void head_unknownCode_is404WithoutBody() {
        APIGatewayV2HTTPResponse response = handle(Events.head("/nope").build());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void get_unknownCode_redirectsHomeWhenConfigured() {
        TestWiring yourlsLike = TestWiring.withEnv(Map.of("TERN_UNKNOWN_CODE", "redirect-home",
                "TERN_PUBLIC_BASE_URL", "https://sho.rt/"));

        APIGatewayV2HTTPResponse unknown = yourlsLike.redirect().handleRequest(Events.get("/nope").build(), null);
        APIGatewayV2HTTPResponse root = yourlsLike.redirect().handleRequest(Events.get("/").build(), null);

        assertThat(unknown.getStatusCode()).isEqualTo(302);
        assertThat(unknown.getHeaders()).containsEntry("Location", "https://sho.rt").containsEntry("Cache-Control", "no-store");
        assertThat(root.getStatusCode()).isEqualTo(302);
        assertThat(yourlsLike.clicks).isEmpty();
    }

    @Test
    void get_expiredLink_is410SayingSo() {
        t.save(Link.newActive(new ShortCode("old2"), LongUrl.fromStored("https://example.com/"), "",
                TestWiring.NOW.minusSeconds(86_400), Creator.UNKNOWN).withExpiry(TestWiring.NOW.minusSeconds(1)));

        APIGatewayV2HTTPResponse response = handle(Events.get("/old2").build());

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(response.getBody()).contains("Link expired", "/old2", "expired on 23 November 2026, 09:59 UTC")
                .doesNotContain("example.com");
        assertThat(t.clicks).isEmpty();
    }

    @Test
    void get_disabledAndDeletedLinks_are410SayingWhich() {
        t.save("off", "https://example.com/", LinkStatus.DISABLED);
        t.save("gone", "https://example.com/", LinkStatus.DELETED);

        APIGatewayV2HTTPResponse disabled = handle(Events.get("/off").build());
        APIGatewayV2HTTPResponse deleted = handle(Events.head("/gone").build());

        assertThat(disabled.getStatusCode()).isEqualTo(410);
        assertThat(disabled.getBody()).contains("Link disabled", "has been disabled");
        assertThat(deleted.getStatusCode()).isEqualTo(410);
        assertThat(deleted.getBody()).isEmpty();
        assertThat(handle(Events.get("/gone").build()).getBody()).contains("Link deleted", "has been deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void otherMethods_are405(String method) {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(Events.request(method, "/abc").build());

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD");
        assertThat(t.clicks).isEmpty();
    }

    @Test
    void storeThrottled_is503WithRetryAfter_neverA500() {
        TestWiring w = TestWiring.withStores(new Stores(new FailingLinkStore(
                new StoreUnavailableException("throttled", Duration.ofMillis(1500), new RuntimeException("ProvisionedThroughputExceeded"))),
                new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        APIGatewayV2HTTPResponse response = w.redirect().handleRequest(Events.get("/abc").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2").containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(response.getBody()).contains("try again").doesNotContain("Exception", "Provisioned", "at dev.");
        assertThat(w.logLines).singleElement().asString().startsWith("{\"level\":\"WARN\",\"op\":\"redirect\",\"code\":\"abc\"");
        assertThat(w.clicks).isEmpty();
    }

    @Test
    void unexpectedFailure_is500PageWithoutInternals_loggedOnceAsJson() {
        TestWiring w = TestWiring.withStores(new Stores(new FailingLinkStore(new IllegalStateException("secret internals")),
                new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        APIGatewayV2HTTPResponse response = w.redirect().handleRequest(Events.get("/abc").requestId("rid-9").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("Something went wrong", "rid-9").doesNotContain("secret", "Exception");
        assertThat(w.logLines).hasSize(1);
        assertThat(Fixtures.tree(w.logLines.get(0)).path("level").asText()).isEqualTo("ERROR");
        assertThat(Fixtures.tree(w.logLines.get(0)).path("requestId").asText()).isEqualTo("rid-9");
        assertThat(w.logLines.get(0)).contains("secret internals").doesNotContain("198.51.100.23");
    }

    @Test
    void pages_areSelfContained() {
        APIGatewayV2HTTPResponse response = handle(Events.get("/nope").build());

        assertThat(response.getHeaders().get("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(response.getBody()).doesNotContain("src=", "<link", "<script", "@import", "url(").contains("<style>");
    }

    @Test
    void pages_allowOnlyTheirOwnStyleByHash() {
        APIGatewayV2HTTPResponse response = handle(Events.get("/nope").build());
        String body = response.getBody();
        String style = body.substring(body.indexOf("<style>") + 7, body.indexOf("</style>"));

        assertThat(response.getHeaders().get("Content-Security-Policy"))
                .doesNotContain("unsafe-inline")
                .contains("style-src '" + HtmlPages.sha256Source(style) + "'");
        assertThat(response.getHeaders()).containsEntry("X-Frame-Options", "DENY").containsEntry("X-Content-Type-Options", "nosniff");
    }

    // ---------------------------------------------------------------------------------------------

    private record RecordingLinkStore(LinkStore delegate, List<String> calls) implements LinkStore {
        @Override
        public Optional<Link> find(ShortCode code) {
            calls.add("links.find");
            return delegate.find(code);
        }

        @Override
        public Optional<Link> findLatest(ShortCode code) {
            calls.add("links.findLatest");
            return delegate.findLatest(code);
        }

        @Override
        public void insertNew(Link link) {
            calls.add("links.insertNew");
            delegate.insertNew(link);
        }

        @Override
        public boolean replace(Link current, Link updated) {
            calls.add("links.replace");
            return delegate.replace(current, updated);
        }

        @Override
        public dev.tern.core.link.LinkPage list(Optional<dev.tern.core.link.Creator> creator, Optional<String> cursor, int limit) {
            calls.add("links.list");
            return delegate.list(creator, cursor, limit);
        }
    }

    private record RecordingIdempotencyStore(List<String> calls) implements IdempotencyStore {
        @Override
        public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
            calls.add("idempotency.claim");
            return Optional.empty();
        }

        @Override
        public IdempotencyRecord reassign(String key, ShortCode expected, ShortCode replacement) {
            calls.add("idempotency.reassign");
            throw new UnsupportedOperationException();
        }
    }

    private record RecordingClickCounterStore(List<String> calls) implements ClickCounterStore {
        @Override
        public void add(String batchId, ClickTally tally) {
            calls.add("clicks.add");
        }

        @Override
        public long total(ShortCode code) {
            calls.add("clicks.total");
            return 0;
        }

        @Override
        public java.util.SortedMap<java.time.LocalDate, dev.tern.core.click.DayTally> days(ShortCode code, java.time.LocalDate from,
                java.time.LocalDate to) {
            return new java.util.TreeMap<>();
        }
    }

    /** A link store whose every call fails with {@code failure}. */
    record FailingLinkStore(RuntimeException failure) implements LinkStore {
        @Override
        public Optional<Link> find(ShortCode code) {
            throw failure;
        }

        @Override
        public Optional<Link> findLatest(ShortCode code) {
            throw failure;
        }

        @Override
        public void insertNew(Link link) {
            throw failure;
        }

        @Override
        public boolean replace(Link current, Link updated) {
            throw failure;
        }

        @Override
        public dev.tern.core.link.LinkPage list(Optional<dev.tern.core.link.Creator> creator, Optional<String> cursor, int limit) {
            throw failure;
        }
    }
}
