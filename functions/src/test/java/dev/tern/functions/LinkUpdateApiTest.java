package dev.tern.functions;

import static dev.tern.functions.LinksApiHandlerTest.assertProblem;
import static dev.tern.functions.LinksApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.Scope;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code PATCH /api/v1/links/{code}}. */
class LinkUpdateApiTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    /** Every response is also checked against the OpenAPI document. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private static Events.Builder patch(String code, String body) {
        return Events.request("PATCH", "/api/v1/links/" + code).header("content-type", "application/merge-patch+json").body(body);
    }

    private Link stored(String code) {
        return t.links.find(new ShortCode(code)).orElseThrow();
    }

    @Test
    void patch_everyField_is200WithTheChangedLink() {
        t.save("promo", "https://example.com/old");

        APIGatewayV2HTTPResponse response = handle(patch("promo", "{\"url\":\"https://example.com/new\",\"title\":\"New\","
                + "\"expiresAt\":\"2027-01-01T00:00:00Z\",\"redirect\":{\"status\":302,\"cacheSeconds\":0},\"disabled\":true}").build());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("url").asText()).isEqualTo("https://example.com/new");
        assertThat(body.path("title").asText()).isEqualTo("New");
        assertThat(body.path("expiresAt").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(body.path("redirect").toString()).isEqualTo("{\"status\":302,\"cacheSeconds\":0,\"forwardQuery\":false}");
        assertThat(body.path("status").asText()).isEqualTo("disabled");
        assertThat(stored("promo").redirectPolicy()).isEqualTo(new RedirectPolicy(302, Duration.ZERO, false));
        assertThat(response.getHeaders()).containsKey("RateLimit-Remaining");
    }

    @Test
    void patch_disabledLink_redirectIsGone_andEnablingRestoresIt() {
        t.save("flip", "https://example.com/");
        handle(patch("flip", "{\"disabled\":true}").build());

        assertThat(t.redirect().handleRequest(Events.get("/flip").build(), null).getStatusCode()).isEqualTo(410);

        handle(patch("flip", "{\"disabled\":false}").build());
        assertThat(t.redirect().handleRequest(Events.get("/flip").build(), null).getStatusCode()).isEqualTo(301);
    }

    @Test
    void patch_nullsClearExpiryAndRedirect() {
        t.save(t.save("clr", "https://example.com/", new RedirectPolicy(307, Duration.ofMinutes(1), true))
                .withCode(new ShortCode("clr2")).withExpiry(TestWiring.NOW.plusSeconds(60)));

        APIGatewayV2HTTPResponse response = handle(patch("clr2", "{\"expiresAt\":null,\"redirect\":null,\"title\":null}").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(stored("clr2").expiry()).isEmpty();
        assertThat(stored("clr2").ownRedirectPolicy()).isEmpty();
        assertThat(json(response).has("redirect")).isFalse();
    }

    @Test
    void patch_unknownCode_is404() {
        assertProblem(handle(patch("nothing", "{\"title\":\"x\"}").build()), 404, "not-found");
    }

    @Test
    void patch_deletedLink_is410() {
        t.save("del", "https://example.com/", LinkStatus.DELETED);

        assertProblem(handle(patch("del", "{\"title\":\"x\"}").build()), 410, "gone");
    }

    @Test
    void patch_readOnlyKey_is403AndChangesNothing() {
        Link before = t.save("ro", "https://example.com/");
        String reader = t.issueKey(Scope.LINKS_READ);

        assertProblem(handle(patch("ro", "{\"title\":\"x\"}").header("authorization", "Bearer " + reader).build()), 403, "forbidden");
        assertThat(stored("ro")).isEqualTo(before);
    }

    @Test
    void patch_withoutKey_is401() {
        t.save("nokey", "https://example.com/");

        assertProblem(handle(patch("nokey", "{\"title\":\"x\"}").withoutKey().build()), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":\"other\"}", "{\"url\":null}", "{\"url\":5}", "{\"disabled\":\"yes\"}",
            "{\"redirect\":301}", "{\"redirect\":{\"status\":303,\"cacheSeconds\":1}}",
            "{\"redirect\":{\"status\":301}}", "{\"redirect\":{\"status\":301,\"cacheSeconds\":-1}}",
            "{\"redirect\":{\"status\":301,\"cacheSeconds\":1,\"ttl\":3}}", "{\"redirect\":{\"status\":301,\"cacheSeconds\":1,\"forwardQuery\":1}}",
            "{\"expiresAt\":\"tomorrow\"}", "{\"expiresAt\":\"2020-01-01T00:00:00Z\"}", "{\"url\":\"javascript:alert(1)\"}",
            "[]", "{", ""})
    void patch_badBody_is400AndChangesNothing(String body) {
        Link before = t.save("keep", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(patch("keep", body).build());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(stored("keep")).isEqualTo(before);
    }

    @Test
    void patch_oversizeBody_is413_andTextBody_is415() {
        t.save("big", "https://example.com/");

        assertProblem(handle(patch("big", "{\"title\":\"" + "x".repeat(70_000) + "\"}").build()), 413, "payload-too-large");
        assertProblem(handle(patch("big", "title=x").header("content-type", "text/plain").build()), 415, "unsupported-media-type");
    }

    @Test
    void patch_emptyObject_changesNothing() {
        Link before = t.save("noop", "https://example.com/");

        assertThat(handle(patch("noop", "{}").build()).getStatusCode()).isEqualTo(200);
        assertThat(stored("noop")).isEqualTo(before);
    }

    @Test
    void linkRoute_otherMethod_is405ListingPatch() {
        APIGatewayV2HTTPResponse response = handle(Events.request("PUT", "/api/v1/links/x").build());

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD, PATCH, DELETE");
    }

    @Test
    void delete_thenRedirectIsGone_thenRestoreBringsItBack() {
        t.save("bye", "https://example.com/");

        APIGatewayV2HTTPResponse deleted = handle(Events.request("DELETE", "/api/v1/links/bye").build());

        assertThat(deleted.getStatusCode()).isEqualTo(200);
        JsonNode body = json(deleted);
        assertThat(body.path("status").asText()).isEqualTo("deleted");
        assertThat(body.path("deletedAt").asText()).isEqualTo(TestWiring.NOW.toString());
        assertThat(body.path("restorableUntil").asText()).isEqualTo(TestWiring.NOW.plus(Duration.ofDays(30)).toString());
        assertThat(t.redirect().handleRequest(Events.get("/bye").build(), null).getStatusCode()).isEqualTo(410);
        assertThat(handle(Events.request("DELETE", "/api/v1/links/bye").build()).getBody())
                .as("deleting again changes nothing").isEqualTo(deleted.getBody());

        APIGatewayV2HTTPResponse restored = handle(Events.request("POST", "/api/v1/links/bye/restore").build());

        assertThat(restored.getStatusCode()).isEqualTo(200);
        assertThat(json(restored).path("status").asText()).isEqualTo("active");
        assertThat(json(restored).has("deletedAt")).isFalse();
        assertThat(t.redirect().handleRequest(Events.get("/bye").build(), null).getStatusCode()).isEqualTo(301);
    }

    @Test
    void restore_afterTheWindow_is410() {
        TestWiring shortWindow = TestWiring.withEnv(java.util.Map.of("TERN_RESTORE_DAYS", "1"));
        LinksApiHandler handler = shortWindow.api();
        shortWindow.save("late", "https://example.com/");
        handler.handleRequest(Events.request("DELETE", "/api/v1/links/late").build(), null);
        shortWindow.clock.advance(Duration.ofDays(1));

        APIGatewayV2HTTPEvent late = Events.request("POST", "/api/v1/links/late/restore").build();
        assertProblem(OpenApiContract.assertConforms(late, handler.handleRequest(late, null)), 410, "gone");
    }

    @Test
    void deleteAndRestore_unknown_is404_readOnly_is403_wrongMethod_is405() {
        String reader = t.issueKey(Scope.LINKS_READ);
        t.save("mine", "https://example.com/");

        assertProblem(handle(Events.request("DELETE", "/api/v1/links/none").build()), 404, "not-found");
        assertProblem(handle(Events.request("POST", "/api/v1/links/none/restore").build()), 404, "not-found");
        assertProblem(handle(Events.request("DELETE", "/api/v1/links/mine").header("authorization", "Bearer " + reader).build()),
                403, "forbidden");
        assertThat(stored("mine").status()).isEqualTo(LinkStatus.ACTIVE);
        APIGatewayV2HTTPResponse get = handle(Events.get("/api/v1/links/mine/restore").build());
        assertProblem(get, 405, "method-not-allowed");
        assertThat(get.getHeaders()).containsEntry("Allow", "POST");
    }

    @Test
    void restore_activeLink_changesNothing() {
        Link before = t.save("fine", "https://example.com/");

        assertThat(handle(Events.request("POST", "/api/v1/links/fine/restore").build()).getStatusCode()).isEqualTo(200);
        assertThat(stored("fine")).isEqualTo(before);
    }
}
