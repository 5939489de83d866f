package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.Scope;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.yourls.PasswordHashes;
import dev.tern.functions.yourls.YourlsApiHandler;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code GET|PUT /api/v1/yourls}: the YOURLS API's users and settings through the REST API's admin scope. */
class YourlsSettingsApiTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    /** Every response is also checked against the OpenAPI document. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private APIGatewayV2HTTPResponse put(String body) {
        return handle(Events.request("PUT", "/api/v1/yourls").header("content-type", "application/json").body(body).build());
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Fixtures.tree(response.getBody());
    }

    @Test
    void put_thenGet_showsUsersWithTheirSignatureTokens_neverPasswordsHashesOrTheCookieKey() {
        APIGatewayV2HTTPResponse saved = put("{\"users\":{\"alice\":{\"password\":\"correct horse battery\"}},"
                + "\"cookieKey\":\"fdwOcmP6WNlPsUAosP7UVeacENgg3ddOf0lc3WXbtGcsGxcM\",\"uniqueUrls\":false,\"keywordBase\":62,"
                + "\"reservedKeywords\":[\"porn\",\"admin\"]}");

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse read = handle(Events.get("/api/v1/yourls").build());
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getBody()).isEqualTo(saved.getBody()).doesNotContain("correct horse").doesNotContain("phpass")
                .doesNotContain("fdwOcmP6WN");
        JsonNode body = json(read);
        assertThat(body.path("users").get(0).path("name").asText()).isEqualTo("alice");
        assertThat(body.path("users").get(0).path("signatureToken").asText()).matches("[0-9a-f]{10}");
        assertThat(body.path("keywordBase").asInt()).isEqualTo(62);
        assertThat(body.path("uniqueUrls").asBoolean()).isFalse();
        YourlsSite stored = t.yourlsSites.load();
        assertThat(stored.users().get("alice")).startsWith("phpass:!2y!10!");
        assertThat(PasswordHashes.matches(stored.users().get("alice"), "correct horse battery")).isTrue();
        assertThat(stored.reservedKeywords()).containsExactlyInAnyOrder("porn", "admin");
    }

    @Test
    void theYourlsApi_acceptsAUserSetHere() {
        put("{\"users\":{\"alice\":{\"password\":\"correct horse battery\"}}}");
        YourlsApiHandler yourls = new YourlsApiHandler(t.wiring());

        APIGatewayV2HTTPResponse ok = yourls.handleRequest(Events.get("/yourls-api.php")
                .query("username=alice&password=correct+horse+battery&action=db-stats&format=json").build(), null);
        APIGatewayV2HTTPResponse wrong = yourls.handleRequest(Events.get("/yourls-api.php")
                .query("username=alice&password=nope&action=db-stats&format=json").build(), null);

        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(200);
        assertThat(ok.getBody()).contains("\"db-stats\"");
        assertThat(wrong.getStatusCode()).isEqualTo(403);
    }

    @Test
    void put_keepAndPasswordHash_carryExistingCredentials_andAFreshCookieKeyIsMadeOnce() {
        t.yourlsSites.save(new YourlsSite(Map.of("admin", "phpass:!2y!10!Omu8Wcw2XI3FFumoRLViWu19CRThsoseu5Sk2mai56ZNUbcfxoMxm"),
                "", true, 36, false, Set.of(), true));

        APIGatewayV2HTTPResponse first = put("{\"users\":{\"admin\":{\"keep\":true},\"bob\":{\"passwordHash\":\"$P$BnHjNpvVuO7ZV8sldzcWb2n3pE4tHW.\"}}}");
        String cookieKey = t.yourlsSites.load().cookieKey();
        APIGatewayV2HTTPResponse second = put("{\"users\":{\"admin\":{\"keep\":true},\"bob\":{\"keep\":true}},\"private\":false}");

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(200);
        YourlsSite stored = t.yourlsSites.load();
        assertThat(stored.users().get("admin")).startsWith("phpass:!2y!10!Omu8");
        assertThat(stored.users().get("bob")).isEqualTo("$P$BnHjNpvVuO7ZV8sldzcWb2n3pE4tHW.");
        assertThat(cookieKey).hasSize(48);
        assertThat(stored.cookieKey()).isEqualTo(cookieKey);
        assertThat(stored.privateApi()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"users\":[]}",
            "{\"users\":{\"alice\":{\"password\":\"short\"}}}",
            "{\"users\":{\"alice\":{\"passwordHash\":\"plaintext\"}}}",
            "{\"users\":{\"alice\":{\"keep\":true}}}",
            "{\"users\":{\"alice\":{\"password\":\"long enough one\",\"keep\":true}}}",
            "{\"users\":{\"a b\":{\"password\":\"long enough one\"}}}",
            "{\"users\":{},\"keywordBase\":10}",
            "{\"users\":{},\"cookieKey\":\"short\"}",
            "{\"users\":{},\"uniqueUrls\":\"yes\"}",
            "{\"users\":{},\"reservedKeywords\":[\"a/b\"]}",
            "{\"users\":{},\"colour\":\"blue\"}"})
    void put_badSettings_is400_andChangesNothing(String body) {
        APIGatewayV2HTTPResponse response = put(body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(json(response).path("detail").asText()).isNotBlank();
        assertThat(t.yourlsSites.load()).isEqualTo(YourlsSite.defaults());
    }

    @Test
    void withoutTheAdminScope_is403() {
        String writer = t.issueKey(Scope.LINKS_WRITE);

        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/yourls").header("authorization", "Bearer " + writer).build());

        assertThat(response.getStatusCode()).isEqualTo(403);
    }
}
