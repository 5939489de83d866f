package dev.tern.functions;

import static dev.tern.functions.LinksApiHandlerTest.assertProblem;
import static dev.tern.functions.LinksApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.Scope;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v1/links} and {@code POST /api/v1/links:bulk}. */
class ListAndBulkApiTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private void saveAt(String code, long secondsAgo, String keyId) {
        t.save(Link.newActive(new ShortCode(code), LongUrl.fromStored("https://example.com/" + code), "",
                TestWiring.NOW.minusSeconds(secondsAgo), Creator.apiKey(keyId)));
    }

    @Test
    void list_pagesNewestFirst_andFiltersByCreator() {
        saveAt("old", 300, "aaaaaaaaaaaa");
        saveAt("mid", 200, "bbbbbbbbbbbb");
        saveAt("new", 100, "aaaaaaaaaaaa");

        JsonNode first = json(handle(Events.get("/api/v1/links").query("limit=2").build()));
        JsonNode second = json(handle(Events.get("/api/v1/links").query("limit=2&cursor=" + first.path("next").asText()).build()));
        JsonNode mine = json(handle(Events.get("/api/v1/links").query("creator=aaaaaaaaaaaa").build()));

        assertThat(codes(first)).containsExactly("new", "mid");
        assertThat(codes(second)).containsExactly("old");
        assertThat(second.has("next")).isFalse();
        assertThat(codes(mine)).containsExactly("new", "old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=ten", "creator=nope", "cursor=%%%", "cursor=bm9wZQ", "sort=asc"})
    void list_badQuery_is400(String query) {
        assertProblem(handle(Events.get("/api/v1/links").query(query).build()), 400, "invalid-request");
    }

    @Test
    void list_needsLinksRead() {
        String stats = t.issueKey(Scope.STATS_READ);

        assertProblem(handle(Events.get("/api/v1/links").header("authorization", "Bearer " + stats).build()), 403, "forbidden");
    }

    @Test
    void bulk_perItemResults_andARetryCreatesNothingTwice() {
        t.save("taken", "https://example.com/");
        String body = "{\"links\":[{\"url\":\"https://example.com/a\",\"code\":\"bulka\"},{\"url\":\"https://example.com/b\","
                + "\"code\":\"taken\"},{\"url\":\"javascript:x\"},{\"url\":5},\"nope\",{\"url\":\"https://example.com/c\"}]}";

        APIGatewayV2HTTPResponse response = handle(Events.postJson("/api/v1/links:bulk", body).header("idempotency-key", "b-1").build());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("created").asInt()).isEqualTo(2);
        assertThat(result.path("failed").asInt()).isEqualTo(4);
        List<Integer> statuses = new ArrayList<>();
        result.path("results").forEach(r -> statuses.add(r.path("status").asInt()));
        assertThat(statuses).containsExactly(201, 409, 400, 400, 400, 201);
        assertThat(result.path("results").get(1).path("problem").path("code").asText()).isEqualTo("code-taken");
        assertThat(result.path("results").get(0).path("link").path("code").asText()).isEqualTo("bulka");
        int before = t.links.size();

        JsonNode again = json(handle(Events.postJson("/api/v1/links:bulk", body).header("idempotency-key", "b-1").build()));

        assertThat(t.links.size()).isEqualTo(before);
        assertThat(again.path("results").get(5).path("replayed").asBoolean()).isTrue();
        assertThat(again.path("results").get(5).path("link").path("code").asText())
                .isEqualTo(result.path("results").get(5).path("link").path("code").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"links\":{}}", "{\"links\":[]}", "{\"links\":[],\"x\":1}", "[]", "{"})
    void bulk_badBody_is400(String body) {
        assertProblem(handle(Events.postJson("/api/v1/links:bulk", body).build()), 400, "invalid-request");
    }

    @Test
    void bulk_moreThan100_is400_readOnlyKey_is403_get_is405() {
        StringBuilder many = new StringBuilder("{\"links\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"url\":\"https://example.com/").append(i).append("\"}");
        }
        assertProblem(handle(Events.postJson("/api/v1/links:bulk", many + "]}").build()), 400, "invalid-request");
        assertThat(t.links.size()).isZero();
        String reader = t.issueKey(Scope.LINKS_READ);
        assertProblem(handle(Events.postJson("/api/v1/links:bulk", "{\"links\":[{\"url\":\"https://example.com/\"}]}")
                .header("authorization", "Bearer " + reader).build()), 403, "forbidden");
        APIGatewayV2HTTPResponse get = handle(Events.get("/api/v1/links:bulk").build());
        assertProblem(get, 405, "method-not-allowed");
        assertThat(get.getHeaders()).containsEntry("Allow", "POST");
    }

    @Test
    void bulk_createdLinksBelongToTheKey() {
        handle(Events.postJson("/api/v1/links:bulk", "{\"links\":[{\"url\":\"https://example.com/\",\"code\":\"owned\"}]}").build());

        assertThat(t.links.find(new ShortCode("owned")).orElseThrow().creator()).isEqualTo(Creator.apiKey(TestKeys.ADMIN_ID));
        assertThat(t.links.find(new ShortCode("owned")).orElseThrow().status()).isEqualTo(LinkStatus.ACTIVE);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("links").forEach(link -> codes.add(link.path("code").asText()));
        return codes;
    }
}
