package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.Stores;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.yourls.RankingLinkStore;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import dev.tern.functions.ApiSettings;
import dev.tern.functions.Wiring;
import dev.tern.testkit.InMemoryApiKeyStore;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import dev.tern.testkit.InMemoryRateLimiter;
import dev.tern.testkit.InMemoryYourlsSiteStore;
import dev.tern.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handler over in-memory stores, holding the site the fixtures were recorded on and its link
 * {@code ozh}: every recorded fixture that does not depend on the rest of the recorded database is
 * answered byte for byte; the others are covered by {@code YourlsFixtureReplayIT} in {@code local/}.
 */
class YourlsApiHandlerTest {
    private static final Map<String, String> ENV = Map.of("TERN_PUBLIC_BASE_URL", YourlsFixture.SITE);

    private final InMemoryLinkStore memoryLinks = new InMemoryLinkStore();
    private final InMemoryClickCounterStore clicks = new InMemoryClickCounterStore();
    private final InMemoryYourlsSiteStore sites = new InMemoryYourlsSiteStore();
    private final MutableClock clock = new MutableClock(YourlsFixture.RECORDED_AT);
    private YourlsApiHandler handler;

    @BeforeEach
    void setUp() {
        sites.save(YourlsFixture.referenceSite());
        sites.raiseNextIdTo(4236);
        RankingLinkStore links = new RankingLinkStore(memoryLinks, clicks);
        links.insertNew(new Link(new ShortCode("ozh"), LongUrl.fromStored("https://ozh.org/"), "ozh.org",
                Instant.parse("2026-11-23T05:20:26Z"), new Creator("yourls:127.0.0.1"), LinkStatus.ACTIVE, null, null, null));
        clicks.addUndated("import", new ShortCode("ozh"), 7);
        handler = new YourlsApiHandler(wiring(sites));
    }

    private Wiring wiring(YourlsSiteStore siteStore) {
        TernSettings settings = TernSettings.fromEnv(ENV);
        Stores stores = new Stores(new RankingLinkStore(memoryLinks, clicks), new InMemoryIdempotencyStore(), clicks);
        return new Wiring(settings, ApiSettings.fromEnv(ENV), stores, new InMemoryApiKeyStore(), new InMemoryRateLimiter(),
                siteStore, click -> { }, clock);
    }

    static Stream<YourlsFixture> independentFixtures() {
        Set<String> notDependingOnTheDatabase = Set.of("version", "nosuchaction", "null");
        return YourlsFixture.all().filter(f -> {
            String action = String.valueOf(f.action());
            boolean ozhOnly = ("expand".equals(action) || "url-stats".equals(action))
                    && Set.of("ozh", "http://127.0.0.1:8080/ozh", "nosuchkeyword").contains(String.valueOf(f.params().get("shorturl")));
            boolean urlRefused = "shorturl".equals(action) && f.httpStatus() == 400
                    && (f.body().contains("error:nourl") || f.body().contains("error:noloop")
                    || !f.params().containsKey("url") || "javascript:alert(1)".equals(f.params().get("url"))
                    || "http://127.0.0.1:8080/ozh".equals(f.params().get("url")));
            boolean keywordRefused = "shorturl".equals(action) && f.httpStatus() == 400
                    && Set.of("ozh", "admin").contains(String.valueOf(f.params().get("keyword")));
            boolean authFailure = f.httpStatus() == 403;
            return notDependingOnTheDatabase.contains(action) || ozhOnly || urlRefused || keywordRefused || authFailure
                    || f.body().contains("Invalid callback parameter");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("independentFixtures")
    void fixture_isAnsweredByteForByte(YourlsFixture fixture) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(fixture.request().event(), null);

        assertThat(response.getStatusCode()).as(fixture.id() + " " + response.getBody()).isEqualTo(fixture.httpStatus());
        assertThat(response.getHeaders()).as(fixture.id()).containsEntry("content-type", fixture.contentType());
        assertThat(response.getBody()).as(fixture.id()).isEqualTo(fixture.body());
    }

    private APIGatewayV2HTTPResponse get(String query) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/yourls-api.php");
        event.setRawQueryString(query);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setSourceIp("203.0.113.9");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        event.setRequestContext(context);
        return handler.handleRequest(event, null);
    }

    private static final String AUTH = "username=admin&password=RefAdmin-Pass-2024&format=json&";

    @Test
    void shorturl_withoutKeyword_createsTheNextKeywordOfTheSite() {
        APIGatewayV2HTTPResponse response = get(AUTH + "action=shorturl&url=https%3A%2F%2Fexample.com%2Fnew&title=New");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"success\",\"code\":\"\",\"message\":\"https:\\/\\/example.com\\/new added to database\","
                + "\"errorCode\":\"\",\"statusCode\":\"200\",\"url\":{\"keyword\":\"39o\",\"url\":\"https:\\/\\/example.com\\/new\","
                + "\"title\":\"New\",\"date\":\"2026-11-23 05:36:21\",\"ip\":\"203.0.113.9\"},\"title\":\"New\","
                + "\"shorturl\":\"http:\\/\\/127.0.0.1:8080\\/39o\"}");
        assertThat(memoryLinks.find(new ShortCode("39o"))).get().extracting(l -> l.creator().id()).isEqualTo("yourls-api:admin");
    }

    @Test
    void shorturl_sourcePlugin_answersTheStoredLinkWithItsClicks() {
        APIGatewayV2HTTPResponse response = get(AUTH + "action=shorturl&url=https%3A%2F%2Fozh.org%2F&source=plugin");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"fail\",\"code\":\"error:url\",\"message\":\"https:\\/\\/ozh.org\\/ already exists"
                + " in database (short URL: 127.0.0.1:8080\\/ozh)\",\"errorCode\":\"400\",\"statusCode\":\"400\",\"url\":{\"keyword\":\"ozh\","
                + "\"url\":\"https:\\/\\/ozh.org\\/\",\"title\":\"ozh.org\",\"date\":\"2026-11-23 05:20:26\",\"ip\":\"127.0.0.1\",\"clicks\":7},"
                + "\"title\":\"ozh.org\",\"shorturl\":\"http:\\/\\/127.0.0.1:8080\\/ozh\"}");
    }

    @Test
    void shorturl_keywordLongerThanACode_isAPlainKeywordError() {
        APIGatewayV2HTTPResponse response = get(AUTH + "action=shorturl&url=https%3A%2F%2Fexample.com%2Fk&keyword=" + "k".repeat(101));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"code\":\"error:keyword\"").contains("at most 100 characters");
    }

    @Test
    void statsAndDbStats_countTheSitesLinksAndClicks() {
        assertThat(get(AUTH + "action=db-stats").getBody())
                .isEqualTo("{\"db-stats\":{\"total_links\":1,\"total_clicks\":7},\"statusCode\":\"200\",\"message\":\"success\"}");
        assertThat(get(AUTH + "action=stats&filter=top&limit=5").getBody()).startsWith(
                "{\"links\":{\"link_1\":{\"shorturl\":\"http:\\/\\/127.0.0.1:8080\\/ozh\",\"url\":\"https:\\/\\/ozh.org\\/\"");
    }

    @Test
    void post_formBody_isReadLikeAQuery() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/yourls-api.php");
        event.setBody("username=admin&password=RefAdmin-Pass-2024&action=expand&shorturl=ozh&format=simple");
        event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        event.setRequestContext(context);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("https://ozh.org/");
    }

    @Test
    void storeUnavailable_isAYourlsShaped503WithRetryAfter_neverA500() {
        handler = new YourlsApiHandler(wiring(throttled()));

        APIGatewayV2HTTPResponse response = get(AUTH + "action=db-stats");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "1").containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(response.getBody()).isEqualTo("{\"errorCode\":\"503\",\"message\":\"The service is busy right now; please retry shortly\"}");
    }

    @Test
    void unexpectedFailure_isAYourlsShaped500WithoutDetails() {
        handler = new YourlsApiHandler(wiring(new YourlsSiteStore() {
            @Override
            public YourlsSite load() {
                throw new IllegalStateException("secret internals: table tern-yourls missing");
            }

            @Override
            public void save(YourlsSite site) {
            }

            @Override
            public long claimNextId() {
                return 0;
            }

            @Override
            public void raiseNextIdTo(long nextId) {
            }
        }));

        APIGatewayV2HTTPResponse response = get("action=version&format=xml");

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret").doesNotContain("Exception")
                .contains("<errorCode>500</errorCode>");
    }

    @Test
    void phpIntval_readsTheLeadingInteger() {
        assertThat(YourlsApiHandler.phpIntval("3")).isEqualTo(3);
        assertThat(YourlsApiHandler.phpIntval(" 12abc")).isEqualTo(12);
        assertThat(YourlsApiHandler.phpIntval("")).isZero();
        assertThat(YourlsApiHandler.phpIntval("-4")).isEqualTo(-4);
        assertThat(YourlsApiHandler.phpIntval("99999999999999")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void ipOf_showsOnlyAMigratedAddress() {
        Link kept = new Link(new ShortCode("a"), LongUrl.fromStored("https://a.example/"), "", Instant.EPOCH,
                new Creator("yourls:2001:db8::7"), LinkStatus.ACTIVE, null, null, null);
        Link hashed = new Link(new ShortCode("b"), LongUrl.fromStored("https://b.example/"), "", Instant.EPOCH,
                new Creator("yourls:0123456789abcdef"), LinkStatus.ACTIVE, null, null, null);

        assertThat(YourlsApiHandler.ipOf(kept)).isEqualTo("2001:db8::7");
        assertThat(YourlsApiHandler.ipOf(hashed)).isEmpty();
    }

    private static YourlsSiteStore throttled() {
        return new YourlsSiteStore() {
            @Override
            public YourlsSite load() {
                throw new StoreUnavailableException("the database is throttling requests", Duration.ofSeconds(1), null);
            }

            @Override
            public void save(YourlsSite site) {
            }

            @Override
            public long claimNextId() {
                return 0;
            }

            @Override
            public void raiseNextIdTo(long nextId) {
            }
        };
    }

    @Test
    void snapStartPriming_isRefusedAsAnonymous_andWritesNothing() {
        int before = memoryLinks.size();

        handler.prime();

        assertThat(handler.handleRequest(dev.tern.functions.SnapStartPriming.request("GET", "/yourls-api.php", "action=version&format=json"),
                null).getStatusCode()).isEqualTo(403);
        assertThat(memoryLinks.size()).isEqualTo(before);
    }
}
