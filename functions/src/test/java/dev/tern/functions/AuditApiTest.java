package dev.tern.functions;

import static dev.tern.functions.LinksApiHandlerTest.assertProblem;
import static dev.tern.functions.LinksApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/v1/links/{code}/history} and {@code POST /api/v1/links/{code}/restore?version=N}. */
class AuditApiTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    /** Every response is also checked against the OpenAPI document. */
    private APIGatewayV2HTTPResponse handle(Events.Builder request) {
        APIGatewayV2HTTPEvent event = request.build();
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private static Events.Builder patch(String code, String body, String key) {
        return Events.request("PATCH", "/api/v1/links/" + code).header("content-type", "application/merge-patch+json")
                .header("authorization", "Bearer " + key).body(body);
    }

    @Test
    void everyRestChange_isInTheHistory_newestFirst_withTheCallingKey() {
        String writer = t.issueKey(Scope.LINKS_WRITE);
        String writerId = writer.split("_")[1];
        handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/a\",\"code\":\"hist\",\"title\":\"A\"}")
                .header("authorization", "Bearer " + writer));
        handle(patch("hist", "{\"url\":\"https://example.com/b\"}", writer));
        handle(patch("hist", "{\"disabled\":true}", writer));
        handle(Events.request("DELETE", "/api/v1/links/hist").header("authorization", "Bearer " + writer));
        handle(Events.request("POST", "/api/v1/links/hist/restore").header("authorization", "Bearer " + writer));

        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/links/hist/history"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("currentVersion").asLong()).isEqualTo(5);
        JsonNode entries = body.path("entries");
        assertThat(entries).extracting(e -> e.path("change").asText()).containsExactly("restore", "delete", "disable", "update", "create");
        assertThat(entries).extracting(e -> e.path("by").asText()).containsOnly("key:" + writerId);
        JsonNode update = entries.get(3);
        assertThat(update.path("before").path("url").asText()).isEqualTo("https://example.com/a");
        assertThat(update.path("after").path("url").asText()).isEqualTo("https://example.com/b");
        assertThat(entries.get(4).has("before")).isFalse();
        assertThat(body.has("next")).isFalse();
    }

    @Test
    void history_isPaged_throughNextAndBefore() {
        t.save("paged", "https://example.com/0");
        for (int i = 1; i <= 4; i++) {
            handle(patch("paged", "{\"title\":\"t" + i + "\"}", TestKeys.ADMIN));
        }

        JsonNode first = json(handle(Events.get("/api/v1/links/paged/history").query("limit=2")));
        JsonNode second = json(handle(Events.get("/api/v1/links/paged/history").query("limit=2&before=" + first.path("next").asLong())));

        assertThat(first.path("entries")).extracting(e -> e.path("version").asLong()).containsExactly(5L, 4L);
        assertThat(second.path("entries")).extracting(e -> e.path("version").asLong()).containsExactly(3L, 2L);
        assertThat(second.path("next").asLong()).isEqualTo(2);
    }

    @Test
    void restoreVersion_setsAnEarlierVersionBack_asANewChange() {
        t.save("back", "https://example.com/first");
        handle(patch("back", "{\"url\":\"https://example.com/second\",\"disabled\":true}", TestKeys.ADMIN));

        APIGatewayV2HTTPResponse restored = handle(Events.request("POST", "/api/v1/links/back/restore").query("version=1"));

        assertThat(restored.getStatusCode()).as(restored.getBody()).isEqualTo(200);
        assertThat(json(restored).path("url").asText()).isEqualTo("https://example.com/first");
        assertThat(json(restored).path("status").asText()).isEqualTo("active");
        JsonNode newest = json(handle(Events.get("/api/v1/links/back/history").query("limit=1"))).path("entries").get(0);
        assertThat(newest.path("version").asLong()).isEqualTo(3);
        assertThat(newest.path("change").asText()).isEqualTo("restore");
        assertThat(newest.path("restoredFrom").asLong()).isEqualTo(1);
        assertThat(t.redirect().handleRequest(Events.get("/back").build(), null).getHeaders())
                .containsEntry("Location", "https://example.com/first");
    }

    @Test
    void restoreVersion_unknownVersion_is404VersionNotFound() {
        t.save("one", "https://example.com/");

        assertProblem(handle(Events.request("POST", "/api/v1/links/one/restore").query("version=7")), 404, "version-not-found");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/links/x/history, limit=0",
        "GET, /api/v1/links/x/history, limit=101",
        "GET, /api/v1/links/x/history, limit=ten",
        "GET, /api/v1/links/x/history, before=1",
        "GET, /api/v1/links/x/history, before=-5",
        "GET, /api/v1/links/x/history, cursor=abc",
        "GET, /api/v1/links/x/history, limit=1&limit=2",
        "GET, /api/v1/links/x/history, limit=%zz",
        "POST, /api/v1/links/x/restore, version=0",
        "POST, /api/v1/links/x/restore, version=one",
        "POST, /api/v1/links/x/restore, version=99999999999999999999",
        "POST, /api/v1/links/x/restore, versions=1",
    })
    void badQueries_are400InvalidRequest(String method, String path, String query) {
        t.save("x", "https://example.com/");

        assertProblem(handle(Events.request(method, path).query(query)), 400, "invalid-request");
    }

    @Test
    void history_unknownOrImpossibleCode_is404_andMethodsAreChecked() {
        assertProblem(handle(Events.get("/api/v1/links/nothing/history")), 404, "not-found");
        assertProblem(handle(Events.get("/api/v1/links/no%20pe/history")), 404, "not-found");
        assertProblem(handle(Events.request("DELETE", "/api/v1/links/nothing/history")), 405, "method-not-allowed");
    }

    @Test
    void history_needsLinksRead() {
        t.save("scoped", "https://example.com/");
        String statsOnly = t.issueKey(Scope.STATS_READ);

        assertProblem(handle(Events.get("/api/v1/links/scoped/history").header("authorization", "Bearer " + statsOnly)), 403, "forbidden");
        assertProblem(handle(Events.get("/api/v1/links/scoped/history").withoutKey()), 401, "unauthorized");
    }
}
