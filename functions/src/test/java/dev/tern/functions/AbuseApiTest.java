package dev.tern.functions;

import static dev.tern.functions.LinksApiHandlerTest.assertProblem;
import static dev.tern.functions.LinksApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.Scope;
import dev.tern.core.link.Creator;
import dev.tern.core.link.ShortCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocklist ({@code /api/v1/blocklist}), its effect on creation and redirects, and {@code /api/v1/abuse-reports}. */
class AbuseApiTest {
    private final TestWiring t = TestWiring.create();
    private final Wiring wiring = t.wiring();
    private final LinksApiHandler api = new LinksApiHandler(wiring);
    private final RedirectHandler redirect = new RedirectHandler(wiring);

    private APIGatewayV2HTTPResponse handle(Events.Builder request) {
        APIGatewayV2HTTPEvent event = request.build();
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    @Test
    void aBlockedHost_refusesNewLinks_andOldLinksShowAWarningInsteadOfRedirecting() {
        t.save("old", "https://www.evil.example/login");

        APIGatewayV2HTTPResponse put = handle(Events.request("PUT", "/api/v1/blocklist/EVIL.example"));

        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(json(put).path("host").asText()).isEqualTo("evil.example");
        assertProblem(handle(Events.postJson("/api/v1/links", "{\"url\":\"https://evil.example/x\"}")), 400, "blocked-url");
        assertProblem(handle(Events.postJson("/api/v1/links", "{\"url\":\"https://a.b.evil.example:8443/x\"}")), 400, "blocked-url");
        t.save("fine", "https://example.com/");
        assertProblem(handle(Events.request("PATCH", "/api/v1/links/fine").header("content-type", "application/merge-patch+json")
                .body("{\"url\":\"https://evil.example/\"}")), 400, "blocked-url");

        APIGatewayV2HTTPResponse warning = redirect.handleRequest(Events.get("/old").build(), null);
        assertThat(warning.getStatusCode()).isEqualTo(403);
        assertThat(warning.getHeaders()).doesNotContainKey("Location").containsEntry("Cache-Control", "no-store");
        assertThat(warning.getBody()).contains("Warning: link blocked").contains("https://www.evil.example/login")
                .doesNotContain("href=\"https://www.evil.example");
        assertThat(t.clicks).isEmpty();

        handle(Events.request("DELETE", "/api/v1/blocklist/evil.example"));
        assertThat(redirect.handleRequest(Events.get("/old").build(), null).getStatusCode()).isEqualTo(301);
    }

    @Test
    void aBlocklistTableThatCannotBeRead_neverCostsARedirect_andIsLogged() {
        dev.tern.core.abuse.BlockedHostStore broken = new dev.tern.core.abuse.BlockedHostStore() {
            @Override
            public java.util.Set<String> all() {
                throw new dev.tern.core.error.StoreUnavailableException("the database is throttling requests",
                        java.time.Duration.ofSeconds(1), null);
            }

            @Override
            public void add(String host) {
            }

            @Override
            public boolean remove(String host) {
                return false;
            }
        };
        Wiring throttled = new Wiring(t.settings, t.apiSettings, new dev.tern.core.Stores(t.links, t.idempotency, t.clickCounters),
                t.apiKeys, t.rateLimiter, t.yourlsSites, t.clicks::add, t.clock, t.logLines::add, () -> { },
                AbuseControls.none().withBlocklist(broken, java.util.Optional.empty()));
        t.save("steady", "https://example.com/");

        APIGatewayV2HTTPResponse followed = new RedirectHandler(throttled).handleRequest(Events.get("/steady").build(), null);

        assertThat(followed.getStatusCode()).isEqualTo(301);
        assertThat(t.logLines).anySatisfy(line -> assertThat(line).contains("\"op\":\"blocklist\"").contains("throttling"));
    }

    @Test
    void theBlocklist_isListed_andAnIdnHostIsStoredInAscii() {
        handle(Events.request("PUT", "/api/v1/blocklist/b%C3%BCcher.example"));

        JsonNode list = json(handle(Events.get("/api/v1/blocklist")));

        assertThat(list.path("hosts")).extracting(JsonNode::asText).containsExactly("xn--bcher-kva.example");
        assertThat(list.path("fileHosts")).isEmpty();
        JsonNode removed = json(handle(Events.request("DELETE", "/api/v1/blocklist/b%C3%BCcher.example")));
        assertThat(removed.path("removed").asBoolean()).isTrue();
        assertThat(json(handle(Events.request("DELETE", "/api/v1/blocklist/b%C3%BCcher.example"))).path("removed").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not%20a%20host", "-bad-.example", "a..b", "%zz", "http:%2F%2Fx", "x%3A99999999"})
    void blockingOrUnblockingWhatIsNoHost_is400(String host) {
        assertProblem(handle(Events.request("PUT", "/api/v1/blocklist/" + host)), 400, "invalid-request");
        assertProblem(handle(Events.request("DELETE", "/api/v1/blocklist/" + host)), 400, "invalid-request");
    }

    @Test
    void blockingAHostOfMoreThan253Characters_is400() {
        String host = ("a".repeat(60) + ".").repeat(5) + "example";
        assertProblem(handle(Events.request("PUT", "/api/v1/blocklist/" + host)), 400, "invalid-request");
    }

    @Test
    void theBlocklistAndReports_needAdmin_andMethodsAreChecked() {
        String writer = t.issueKey(Scope.LINKS_WRITE, Scope.LINKS_READ);

        assertProblem(handle(Events.request("PUT", "/api/v1/blocklist/evil.example").header("authorization", "Bearer " + writer)),
                403, "forbidden");
        assertProblem(handle(Events.get("/api/v1/abuse-reports").header("authorization", "Bearer " + writer)), 403, "forbidden");
        assertProblem(handle(Events.request("POST", "/api/v1/blocklist")), 405, "method-not-allowed");
        assertProblem(handle(Events.request("POST", "/api/v1/blocklist/evil.example")), 405, "method-not-allowed");
        assertProblem(handle(Events.request("DELETE", "/api/v1/abuse-reports")), 405, "method-not-allowed");
    }

    @Test
    void abuseReports_areListedNewestFirst_allOrPerCode() {
        t.save("bad", "https://example.com/bad");
        t.save("other", "https://example.com/other");
        wiring.abuseReports().report(new ShortCode("bad"), "phishing", "asks for passwords", Creator.anonymous("aaaa"));
        t.clock.advance(java.time.Duration.ofSeconds(1));
        wiring.abuseReports().report(new ShortCode("other"), "spam", "", Creator.anonymous("bbbb"));

        JsonNode all = json(handle(Events.get("/api/v1/abuse-reports")));
        JsonNode one = json(handle(Events.get("/api/v1/abuse-reports").query("code=bad")));
        JsonNode paged = json(handle(Events.get("/api/v1/abuse-reports").query("limit=1")));

        assertThat(all.path("reports")).extracting(r -> r.path("code").asText()).containsExactly("other", "bad");
        assertThat(one.path("reports")).singleElement().satisfies(r -> {
            assertThat(r.path("reason").asText()).isEqualTo("phishing");
            assertThat(r.path("comment").asText()).isEqualTo("asks for passwords");
            assertThat(r.path("reporter").asText()).isEqualTo("anon:aaaa");
        });
        JsonNode next = json(handle(Events.get("/api/v1/abuse-reports").query("limit=1&cursor=" + paged.path("next").asText())));
        assertThat(next.path("reports")).extracting(r -> r.path("code").asText()).containsExactly("bad");
        assertThat(t.links.find(new ShortCode("bad")).orElseThrow().status()).isEqualTo(dev.tern.core.link.LinkStatus.ACTIVE);
    }

    @ParameterizedTest
    @CsvSource({"limit=0", "limit=x", "code=no%20pe", "cursor=unknown", "page=2"})
    void abuseReports_badQuery_is400(String query) {
        assertProblem(handle(Events.get("/api/v1/abuse-reports").query(query)), 400, "invalid-request");
    }
}
