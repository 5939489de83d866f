package dev.tern.functions;

import static dev.tern.functions.LinksApiHandlerTest.assertProblem;
import static dev.tern.functions.LinksApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.Scope;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys on the REST API: authentication, scopes, rate limits and the admin routes. */
class ApiKeysTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    /** Every response is also checked against the OpenAPI document. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private APIGatewayV2HTTPResponse createKey(String body) {
        return handle(Events.postJson("/api/v1/keys", body).build());
    }

    @Test
    void anyRoute_withoutKey_is401ProblemWithChallenge() {
        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/links/abc").withoutKey().build());

        assertProblem(response, 401, "unauthorized");
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer realm=\"tern\"")
                .doesNotContainKey("RateLimit-Limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer nonsense", "Bearer tern_testadmin001_0123456789abcdefghijABCDEFGHIJ0123456789abd",
            "Bearer tern_unknownkey01_0123456789abcdefghijABCDEFGHIJ0123456789abc", "Basic dXNlcjpwYXNz", "Bearer "})
    void anyRoute_withBadKey_is401WithOneMessage(String authorization) {
        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/links/abc").header("authorization", authorization).build());

        JsonNode problem = assertProblem(response, 401, "unauthorized");
        assertThat(problem.path("detail").asText()).doesNotContain("testadmin001");
    }

    @Test
    void xApiKeyHeader_isAcceptedAsWell() {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/links/abc").withoutKey()
                .header("x-api-key", TestKeys.ADMIN).build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("RateLimit-Limit", "50").containsEntry("RateLimit-Remaining", "49")
                .containsEntry("RateLimit-Reset", "1");
    }

    @Test
    void readOnlyKey_creatingALink_is403() {
        String reader = t.issueKey(Scope.LINKS_READ);

        APIGatewayV2HTTPResponse response = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\"}")
                .header("authorization", "Bearer " + reader).build());

        JsonNode problem = assertProblem(response, 403, "forbidden");
        assertThat(problem.path("detail").asText()).contains("links:write");
        assertThat(response.getHeaders()).containsKey("RateLimit-Remaining");
        assertThat(t.links.size()).isZero();
    }

    @Test
    void linksKey_managingKeys_is403() {
        String writer = t.issueKey(Scope.LINKS_READ, Scope.LINKS_WRITE, Scope.STATS_READ);

        assertProblem(handle(Events.get("/api/v1/keys").header("authorization", "Bearer " + writer).build()), 403, "forbidden");
    }

    @Test
    void overTheLimit_is429WithRetryAfterAndRateLimitFields() {
        TestWiring limited = TestWiring.withEnv(Map.of("TERN_API_BURST", "2", "TERN_API_REQUESTS_PER_MINUTE", "6"));
        LinksApiHandler handler = limited.api();
        limited.save("abc", "https://example.com/");

        assertThat(handler.handleRequest(Events.get("/api/v1/links/abc").build(), null).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse second = handler.handleRequest(Events.get("/api/v1/links/abc").build(), null);
        APIGatewayV2HTTPResponse third = handler.handleRequest(Events.get("/api/v1/links/abc").build(), null);

        assertThat(second.getHeaders()).containsEntry("RateLimit-Remaining", "0").containsEntry("RateLimit-Reset", "20");
        assertProblem(third, 429, "rate-limited");
        assertThat(third.getHeaders()).containsEntry("Retry-After", "10").containsEntry("RateLimit-Limit", "2")
                .containsEntry("RateLimit-Remaining", "0").containsEntry("RateLimit-Reset", "10");

        limited.clock.advance(Duration.ofSeconds(10));
        assertThat(handler.handleRequest(Events.get("/api/v1/links/abc").build(), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void limiterUnavailable_is503WithRetryAfter() {
        RateLimiter down = (key, limit, now) -> {
            throw new StoreUnavailableException("throttled", Duration.ofSeconds(2), null);
        };
        Wiring wiring = new Wiring(t.settings, t.apiSettings, t.wiring().stores(), t.apiKeys, down, c -> { }, t.clock,
                line -> { }, () -> { });

        APIGatewayV2HTTPResponse response = new LinksApiHandler(wiring).handleRequest(Events.get("/api/v1/links/abc").build(), null);

        assertProblem(response, 503, "unavailable");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
    }

    @Test
    void limiter_isKeyedByTheKeyId() {
        RateDecision[] seen = new RateDecision[1];
        String[] keys = new String[1];
        RateLimiter recording = (key, limit, now) -> {
            keys[0] = key;
            seen[0] = RateDecision.allow(limit.burst() - 1);
            return seen[0];
        };
        Wiring wiring = new Wiring(t.settings, t.apiSettings, t.wiring().stores(), t.apiKeys, recording, c -> { }, t.clock,
                line -> { }, () -> { });

        new LinksApiHandler(wiring).handleRequest(Events.get("/api/v1/keys").build(), null);

        assertThat(keys[0]).isEqualTo("api:" + TestKeys.ADMIN_ID);
    }

    @Test
    void createKey_is201WithTheValueShownOnce() {
        APIGatewayV2HTTPResponse response = createKey(
                "{\"name\":\"ci\",\"scopes\":[\"links:write\",\"links:read\"],\"expiresAt\":\"2027-01-01T00:00:00Z\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = json(response);
        String id = body.path("id").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/api/v1/keys/" + id)
                .containsEntry("Cache-Control", "no-store");
        assertThat(body.path("key").asText()).matches("tern_" + id + "_[0-9A-Za-z]{43}");
        assertThat(body.path("name").asText()).isEqualTo("ci");
        assertThat(body.path("scopes").toString()).isEqualTo("[\"links:read\",\"links:write\"]");
        assertThat(body.path("expiresAt").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(body.path("createdBy").asText()).isEqualTo(TestKeys.ADMIN_ID);
        assertThat(body.path("status").asText()).isEqualTo("active");
        ApiKey stored = t.apiKeys.find(id).orElseThrow();
        assertThat(stored.toString()).doesNotContain(body.path("key").asText());

        APIGatewayV2HTTPResponse used = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\"}")
                .header("authorization", "Bearer " + body.path("key").asText()).build());
        assertThat(used.getStatusCode()).isEqualTo(201);
    }

    @Test
    void createKey_retriedWithTheSameIdempotencyKey_is409NamingTheKey_andIssuesNoSecond() {
        String body = "{\"name\":\"uploader\",\"scopes\":[\"links:write\"]}";
        APIGatewayV2HTTPResponse first = handle(Events.postJson("/api/v1/keys", body).header("idempotency-key", "create-uploader-1").build());
        String id = json(first).path("id").asText();

        APIGatewayV2HTTPResponse retry = handle(Events.postJson("/api/v1/keys", body).header("idempotency-key", "create-uploader-1").build());
        APIGatewayV2HTTPResponse otherBody = handle(Events.postJson("/api/v1/keys", "{\"name\":\"other\",\"scopes\":[\"admin\"]}")
                .header("idempotency-key", "create-uploader-1").build());
        APIGatewayV2HTTPResponse badKey = handle(Events.postJson("/api/v1/keys", body).header("idempotency-key", "two words").build());

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertProblem(retry, 409, "api-key-already-issued");
        assertThat(json(retry).path("detail").asText()).contains(id).doesNotContain(json(first).path("key").asText());
        assertProblem(otherBody, 422, "idempotency-key-reused");
        assertProblem(badKey, 400, "invalid-idempotency-key");
        assertThat(t.apiKeys.list()).filteredOn(k -> k.name().equals("uploader")).hasSize(1);
    }

    @Test
    void listKeys_showsNoValuesNorHashes() {
        String value = t.issueKey(Scope.STATS_READ);

        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/keys").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode keys = json(response).path("keys");
        assertThat(keys).hasSize(2);
        String text = response.getBody();
        assertThat(text).doesNotContain(value, TestKeys.ADMIN, "hash");
        for (ApiKey key : t.apiKeys.list()) {
            assertThat(text).doesNotContain(key.hash());
        }
    }

    @Test
    void revokeKey_stopsItWorking() {
        String value = t.issueKey(Scope.LINKS_READ);
        String id = value.substring(5, 17);

        APIGatewayV2HTTPResponse revoked = handle(Events.request("DELETE", "/api/v1/keys/" + id).build());

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(json(revoked).path("status").asText()).isEqualTo("revoked");
        assertThat(json(revoked).path("revokedAt").asText()).isEqualTo(TestWiring.NOW.toString());
        assertProblem(handle(Events.get("/api/v1/links/abc").header("authorization", "Bearer " + value).build()),
                401, "unauthorized");
    }

    @Test
    void revokeKey_unknown_is404() {
        assertProblem(handle(Events.request("DELETE", "/api/v1/keys/nosuchkey000").build()), 404, "api-key-not-found");
    }

    @Test
    void expiredKey_is401() {
        APIGatewayV2HTTPResponse created = createKey("{\"name\":\"short\",\"scopes\":[\"links:read\"],\"expiresAt\":\"2026-11-23T11:00:00Z\"}");
        String value = json(created).path("key").asText();
        t.clock.advance(Duration.ofHours(1));

        assertProblem(handle(Events.get("/api/v1/links/abc").header("authorization", "Bearer " + value).build()),
                401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"scopes\":[\"admin\"]}", "{\"name\":\"x\"}", "{\"name\":\"x\",\"scopes\":\"admin\"}",
            "{\"name\":\"x\",\"scopes\":[1]}", "{\"name\":\"x\",\"scopes\":[\"root\"]}", "{\"name\":\"x\",\"scopes\":[]}",
            "{\"name\":\"x\",\"scopes\":[\"admin\"],\"value\":\"mine\"}", "{\"name\":7,\"scopes\":[\"admin\"]}",
            "{\"name\":\" \",\"scopes\":[\"admin\"]}", "[1]", "{", ""})
    void createKey_badBody_is400(String body) {
        assertProblem(createKey(body), 400, "invalid-request");
    }

    @Test
    void createKey_pastExpiry_is400() {
        assertProblem(createKey("{\"name\":\"x\",\"scopes\":[\"admin\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400,
                "invalid-expiry");
    }

    @Test
    void keyRoutes_wrongMethod_is405WithAllow() {
        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/keys/testadmin001").build());

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.getHeaders()).containsEntry("Allow", "DELETE");
    }

    @Test
    void bootstrapKey_isEnsuredOnceAndNeverRevived() {
        handle(Events.get("/api/v1/keys").build());
        assertThat(t.apiKeys.find(TestKeys.ADMIN_ID)).hasValueSatisfying(k -> assertThat(k.createdBy()).isEqualTo("bootstrap"));

        handle(Events.request("DELETE", "/api/v1/keys/" + TestKeys.ADMIN_ID).build());
        LinksApiHandler restarted = t.api();

        assertProblem(restarted.handleRequest(Events.get("/api/v1/keys").build(), null), 401, "unauthorized");
    }

    @Test
    void wiringWithoutKeys_refusesEveryRequest() {
        LinksApiHandler closed = new LinksApiHandler(new Wiring(t.settings, t.wiring().stores(), c -> { }, t.clock));

        assertProblem(closed.handleRequest(Events.get("/api/v1/keys").build(), null), 401, "unauthorized");
    }
}
