package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.Stores;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the REST API and every problem status the handler can answer, checked against
 * the OpenAPI document by {@link OpenApiContract}; and proof that the check catches drift.
 */
class OpenApiConformanceTest {
    private static final String LINKS = "/api/v1/links";
    private static final String URL = "{\"url\":\"https://example.com/\"}";

    private final TestWiring t = TestWiring.create();

    private APIGatewayV2HTTPResponse send(Events.Builder request) {
        return send(t, request);
    }

    private static APIGatewayV2HTTPResponse send(TestWiring wiring, Events.Builder request) {
        APIGatewayV2HTTPEvent event = request.build();
        return OpenApiContract.assertConforms(event, wiring.api().handleRequest(event, null));
    }

    // ---------------------------------------------------------------------------------------------
    // Links

    @Test
    void createLink_201_conforms_firstAndReplayed() {
        APIGatewayV2HTTPResponse first = send(Events.postJson(LINKS,
                "{\"url\":\"https://example.com/a\",\"code\":\"spring\",\"title\":\"Spring\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}")
                .header("idempotency-key", "key-1"));
        APIGatewayV2HTTPResponse replayed = send(Events.postJson(LINKS,
                "{\"url\":\"https://example.com/a\",\"code\":\"spring\",\"title\":\"Spring\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}")
                .header("idempotency-key", "key-1"));
        APIGatewayV2HTTPResponse generated = send(Events.postJson(LINKS, "{\"url\":\"https://example.com/b\",\"code\":null}")
                .header("content-type", "application/vnd.tern.link+json; charset=utf-8"));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(generated.getStatusCode()).isEqualTo(201);
    }

    @Test
    void createLink_fixtures_conform() {
        for (String fixture : List.of("post-create.json", "post-create-base64.json")) {
            APIGatewayV2HTTPEvent event = Fixtures.httpEvent(fixture);
            APIGatewayV2HTTPResponse response = OpenApiContract.assertConforms(event, t.api().handleRequest(event, null));
            assertThat(response.getStatusCode()).isEqualTo(201);
        }
    }

    @Test
    void getAndHeadLink_200_conform() {
        t.save("abc", "https://example.com/");

        assertThat(send(Events.get(LINKS + "/abc")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get(LINKS + "/abc/")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.head(LINKS + "/abc")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void updateLink_conforms_200_404_410_400() {
        t.save("abc", "https://example.com/");
        t.save("del", "https://example.com/", dev.tern.core.link.LinkStatus.DELETED);

        assertThat(send(Events.request("PATCH", LINKS + "/abc").header("content-type", "application/merge-patch+json")
                .body("{\"title\":\"New\",\"redirect\":{\"status\":302,\"cacheSeconds\":60},\"expiresAt\":null}"))
                .getStatusCode()).isEqualTo(200);
        assertThat(Fixtures.tree(send(Events.get(LINKS + "/abc")).getBody()).path("redirect").path("status").asInt()).isEqualTo(302);
        assertThat(send(Events.request("PATCH", LINKS + "/abc").header("content-type", "application/json")
                .body("{\"redirect\":null,\"disabled\":true}")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.request("PATCH", LINKS + "/nope").header("content-type", "application/json").body("{}"))
                .getStatusCode()).isEqualTo(404);
        assertThat(send(Events.request("PATCH", LINKS + "/del").header("content-type", "application/json")
                .body("{\"title\":\"x\"}")).getStatusCode()).isEqualTo(410);
        assertThat(send(Events.request("PATCH", LINKS + "/abc").header("content-type", "application/json")
                .body("{\"redirect\":{\"status\":303,\"cacheSeconds\":1}}")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void deleteAndRestore_conform_200_404_410() {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse deleted = send(Events.request("DELETE", LINKS + "/abc"));
        assertThat(deleted.getStatusCode()).isEqualTo(200);
        assertThat(Fixtures.tree(deleted.getBody()).has("restorableUntil")).isTrue();
        assertThat(send(Events.request("DELETE", LINKS + "/abc")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get(LINKS + "/abc")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.request("POST", LINKS + "/abc/restore")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.request("POST", LINKS + "/abc/restore")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.request("DELETE", LINKS + "/nope")).getStatusCode()).isEqualTo(404);
        assertThat(send(Events.request("POST", LINKS + "/nope/restore")).getStatusCode()).isEqualTo(404);

        TestWiring shortWindow = TestWiring.withEnv(Map.of("TERN_RESTORE_DAYS", "1"));
        shortWindow.save("late", "https://example.com/");
        send(shortWindow, Events.request("DELETE", LINKS + "/late"));
        shortWindow.clock.advance(Duration.ofDays(1));
        assertThat(send(shortWindow, Events.request("POST", LINKS + "/late/restore")).getStatusCode()).isEqualTo(410);
    }

    @Test
    void stats_conform_200_400_404() {
        t.save("abc", "https://example.com/");

        assertThat(send(Events.get(LINKS + "/abc/stats")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get(LINKS + "/abc/stats").query("from=2026-01-01&to=2026-01-31")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.head(LINKS + "/abc/stats")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get(LINKS + "/abc/stats").query("from=2025-01-01&to=2026-06-01")).getStatusCode()).isEqualTo(400);
        assertThat(send(Events.get(LINKS + "/abc/stats").query("since=2026-01-01")).getStatusCode()).isEqualTo(400);
        assertThat(send(Events.get(LINKS + "/nope/stats")).getStatusCode()).isEqualTo(404);
        assertThat(send(Events.get(LINKS + "/abc/stats").withoutKey().header("x-api-key",
                t.issueKey(dev.tern.core.apikey.Scope.LINKS_READ))).getStatusCode()).isEqualTo(403);
    }

    @Test
    void listAndBulk_conform() {
        t.save("abc", "https://example.com/");
        t.save("def", "https://example.com/d");

        APIGatewayV2HTTPResponse page = send(Events.get(LINKS).query("limit=1"));
        assertThat(page.getStatusCode()).isEqualTo(200);
        String next = Fixtures.tree(page.getBody()).path("next").asText();
        assertThat(send(Events.get(LINKS).query("limit=1&cursor=" + java.net.URLEncoder.encode(next,
                java.nio.charset.StandardCharsets.UTF_8))).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.head(LINKS)).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get(LINKS).query("creator=abcdefghijkl")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get(LINKS).query("limit=0")).getStatusCode()).isEqualTo(400);

        APIGatewayV2HTTPResponse bulk = send(Events.postJson(LINKS + ":bulk",
                "{\"links\":[{\"url\":\"https://example.com/a\"},{\"url\":\"https://example.com/b\",\"code\":\"abc\"},7]}")
                .header("idempotency-key", "bulk-1"));
        assertThat(bulk.getStatusCode()).isEqualTo(200);
        assertThat(Fixtures.tree(bulk.getBody()).path("failed").asInt()).isEqualTo(2);
        assertThat(send(Events.postJson(LINKS + ":bulk", "{\"links\":[{\"url\":\"https://example.com/a\"}]}")
                .header("idempotency-key", "bulk-1")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.postJson(LINKS + ":bulk", "{\"links\":[]}")).getStatusCode()).isEqualTo(400);
        assertThat(send(Events.request("POST", LINKS + ":bulk").header("content-type", "text/plain").body("{}"))
                .getStatusCode()).isEqualTo(415);
        assertThat(send(Events.request("GET", LINKS + ":bulk")).getStatusCode()).isEqualTo(405);
    }

    static Stream<Arguments> problems() {
        String big = "{\"url\":\"https://example.com/\",\"title\":\"" + "x".repeat(70_000) + "\"}";
        return Stream.of(
                Arguments.of("invalid-url", Events.postJson(LINKS, "{\"url\":\"javascript:alert(1)\"}"), 400),
                Arguments.of("redirect-loop", Events.postJson(LINKS, "{\"url\":\"http://127.0.0.1:8080/abc\"}"), 400),
                Arguments.of("invalid-code", Events.postJson(LINKS, "{\"url\":\"https://example.com/\",\"code\":\"a b\"}"), 400),
                Arguments.of("reserved-code", Events.postJson(LINKS, "{\"url\":\"https://example.com/\",\"code\":\"api\"}"), 400),
                Arguments.of("invalid-title", Events.postJson(LINKS,
                        "{\"url\":\"https://example.com/\",\"title\":\"" + "t".repeat(501) + "\"}"), 400),
                Arguments.of("invalid-expiry", Events.postJson(LINKS, "{\"url\":\"https://example.com/\",\"expiresAt\":\"soon\"}"), 400),
                Arguments.of("invalid-request", Events.postJson(LINKS, "{\"url\":\"https://example.com/\",\"keyword\":\"x\"}"), 400),
                Arguments.of("invalid-idempotency-key", Events.postJson(LINKS, URL).header("idempotency-key", "has space"), 400),
                Arguments.of("payload-too-large", Events.postJson(LINKS, big), 413),
                Arguments.of("unsupported-media-type", Events.request("POST", LINKS).header("content-type", "text/plain").body(URL), 415),
                Arguments.of("not-found", Events.get(LINKS + "/nope"), 404),
                Arguments.of("not-found", Events.head(LINKS + "/nope"), 404),
                Arguments.of("not-found", Events.get(LINKS + "/a%20b"), 404),
                Arguments.of("route-not-found", Events.get("/api/v2/links"), 404),
                Arguments.of("route-not-found", Events.head("/api"), 404),
                Arguments.of("route-not-found", Events.get(LINKS + "/abc/clicks"), 404),
                Arguments.of("route-not-found", Events.get("/api/v1/docs/swagger-initializer.js"), 404),
                Arguments.of("route-not-found", Events.head("/api/v1/docs/index.html"), 404),
                Arguments.of("method-not-allowed", Events.request("PUT", LINKS), 405),
                Arguments.of("method-not-allowed", Events.request("PUT", LINKS + "/abc"), 405),
                Arguments.of("method-not-allowed", Events.postJson(LINKS + "/abc", URL), 405),
                Arguments.of("method-not-allowed", Events.postJson("/api/v1/openapi.json", "{}"), 405),
                Arguments.of("method-not-allowed", Events.request("PUT", "/api/v1/docs"), 405),
                Arguments.of("method-not-allowed", Events.request("DELETE", "/api/v1/docs/docs.js"), 405));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("problems")
    void problem_conforms(String code, Events.Builder request, int status) {
        APIGatewayV2HTTPResponse response = send(request);

        assertThat(response.getStatusCode()).isEqualTo(status);
        if (!response.getBody().isEmpty()) {
            assertThat(Fixtures.tree(response.getBody()).path("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void codeTaken_409_and_keyReused_422_conform() {
        t.save("promo", "https://example.com/old");
        send(Events.postJson(LINKS, URL).header("idempotency-key", "k"));

        assertThat(send(Events.postJson(LINKS, "{\"url\":\"https://example.com/new\",\"code\":\"promo\"}")).getStatusCode())
                .isEqualTo(409);
        assertThat(send(Events.postJson(LINKS, "{\"url\":\"https://example.com/other\"}").header("idempotency-key", "k"))
                .getStatusCode()).isEqualTo(422);
    }

    @Test
    void storeUnavailable_503_conforms_onEveryOperation() {
        TestWiring throttled = TestWiring.withStores(new Stores(new RedirectHandlerTest.FailingLinkStore(
                new StoreUnavailableException("throttled", Duration.ofSeconds(2), new RuntimeException("x"))),
                new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        assertThat(send(throttled, Events.postJson(LINKS, URL)).getStatusCode()).isEqualTo(503);
        assertThat(send(throttled, Events.get(LINKS + "/abc")).getStatusCode()).isEqualTo(503);
        assertThat(send(throttled, Events.head(LINKS + "/abc")).getStatusCode()).isEqualTo(503);
    }

    @Test
    void unexpectedFailure_500_conforms_onEveryOperation() {
        TestWiring broken = TestWiring.withStores(new Stores(new RedirectHandlerTest.FailingLinkStore(
                new IllegalStateException("boom")), new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        assertThat(send(broken, Events.postJson(LINKS, URL)).getStatusCode()).isEqualTo(500);
        assertThat(send(broken, Events.get(LINKS + "/abc")).getStatusCode()).isEqualTo(500);
        assertThat(send(broken, Events.head(LINKS + "/abc")).getStatusCode()).isEqualTo(500);
    }

    // ---------------------------------------------------------------------------------------------
    // API keys: authentication, scopes, rate limits, the key operations

    @Test
    void unauthorized_401_conforms_withoutAKey_orWithABadOne() {
        assertThat(send(Events.postJson(LINKS, URL).withoutKey()).getStatusCode()).isEqualTo(401);
        assertThat(send(Events.get(LINKS + "/abc").withoutKey().header("x-api-key", "tern_nope")).getStatusCode()).isEqualTo(401);
        assertThat(send(Events.head(LINKS + "/abc").withoutKey()).getStatusCode()).isEqualTo(401);
        assertThat(send(Events.get("/api/v1/keys").header("authorization", "Bearer " + TestKeys.ADMIN + "x")).getStatusCode())
                .isEqualTo(401);
    }

    @Test
    void xApiKeyHeader_isAccepted_andForbidden_403_conforms() {
        String reader = t.issueKey(dev.tern.core.apikey.Scope.LINKS_READ);
        t.save("abc", "https://example.com/");

        assertThat(send(Events.get(LINKS + "/abc").withoutKey().header("x-api-key", reader)).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.postJson(LINKS, URL).withoutKey().header("x-api-key", reader)).getStatusCode()).isEqualTo(403);
        assertThat(send(Events.get("/api/v1/keys").header("authorization", "Bearer " + reader)).getStatusCode()).isEqualTo(403);
        assertThat(send(Events.request("DELETE", "/api/v1/keys/" + TestKeys.ADMIN_ID).header("authorization", "Bearer " + reader))
                .getStatusCode()).isEqualTo(403);
    }

    @Test
    void rateLimited_429_conforms() {
        TestWiring limited = TestWiring.withEnv(Map.of("TERN_API_BURST", "1", "TERN_API_REQUESTS_PER_MINUTE", "1"));
        limited.save("abc", "https://example.com/");

        assertThat(send(limited, Events.get(LINKS + "/abc")).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse refused = send(limited, Events.get(LINKS + "/abc"));
        APIGatewayV2HTTPResponse refusedHead = send(limited, Events.head(LINKS + "/abc"));

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsKeys("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(refusedHead.getStatusCode()).isEqualTo(429);
        assertThat(send(limited, Events.postJson(LINKS, URL)).getStatusCode()).isEqualTo(429);
        assertThat(send(limited, Events.postJson("/api/v1/keys", "{\"name\":\"x\",\"scopes\":[\"admin\"]}")).getStatusCode())
                .isEqualTo(429);
    }

    @Test
    void keyOperations_conform() {
        APIGatewayV2HTTPResponse created = send(Events.postJson("/api/v1/keys",
                "{\"name\":\"ci\",\"scopes\":[\"links:read\",\"links:write\"],\"expiresAt\":\"2027-01-01T00:00:00Z\"}"));
        String id = Fixtures.tree(created.getBody()).path("id").asText();

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(send(Events.postJson("/api/v1/keys", "{\"name\":\"forever\",\"scopes\":[\"admin\"],\"expiresAt\":null}"))
                .getStatusCode()).isEqualTo(201);
        assertThat(send(Events.get("/api/v1/keys")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.head("/api/v1/keys")).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.request("DELETE", "/api/v1/keys/" + id)).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.request("DELETE", "/api/v1/keys/" + id)).getStatusCode()).isEqualTo(200);
        assertThat(send(Events.get("/api/v1/keys")).getBody()).contains("\"revoked\"");
    }

    static Stream<Arguments> keyProblems() {
        String keys = "/api/v1/keys";
        return Stream.of(
                Arguments.of("invalid-request", Events.postJson(keys, "{\"scopes\":[\"admin\"]}"), 400),
                Arguments.of("invalid-request", Events.postJson(keys, "{\"name\":\"x\",\"scopes\":[]}"), 400),
                Arguments.of("invalid-request", Events.postJson(keys, "{\"name\":\"x\",\"scopes\":[\"root\"]}"), 400),
                Arguments.of("invalid-request", Events.postJson(keys, "{\"name\":\"x\",\"scopes\":[\"admin\"],\"owner\":1}"), 400),
                Arguments.of("invalid-expiry", Events.postJson(keys,
                        "{\"name\":\"x\",\"scopes\":[\"admin\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400),
                Arguments.of("unsupported-media-type", Events.request("POST", keys).header("content-type", "text/plain").body("{}"), 415),
                Arguments.of("payload-too-large", Events.postJson(keys, "{\"name\":\"" + "x".repeat(70_000) + "\"}"), 413),
                Arguments.of("api-key-not-found", Events.request("DELETE", keys + "/abcdefghijkl"), 404),
                Arguments.of("api-key-not-found", Events.request("DELETE", keys + "/not-an-id"), 404),
                Arguments.of("method-not-allowed", Events.request("PUT", keys), 405),
                Arguments.of("method-not-allowed", Events.request("PUT", keys + "/abcdefghijkl"), 405),
                Arguments.of("route-not-found", Events.get(keys + "/a/b"), 404));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("keyProblems")
    void keyProblem_conforms(String code, Events.Builder request, int status) {
        problem_conforms(code, request, status);
    }

    @Test
    void keyStoreUnavailable_503_conforms() {
        dev.tern.core.ratelimit.RateLimiter down = (key, limit, now) -> {
            throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null);
        };
        LinksApiHandler api = new LinksApiHandler(new Wiring(t.settings, t.apiSettings, t.wiring().stores(), t.apiKeys, down,
                c -> { }, t.clock, line -> { }, () -> { }));

        for (Events.Builder request : List.of(Events.get("/api/v1/keys"), Events.head("/api/v1/keys"),
                Events.request("DELETE", "/api/v1/keys/abcdefghijkl"), Events.postJson("/api/v1/keys", "{}"))) {
            APIGatewayV2HTTPEvent event = request.build();
            assertThat(OpenApiContract.assertConforms(event, api.handleRequest(event, null)).getStatusCode()).isEqualTo(503);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Documentation

    @Test
    void document_isServedAsOpenApiJson_cacheable() {
        APIGatewayV2HTTPResponse response = send(Events.get("/api/v1/openapi.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/vnd.oai.openapi+json;version=3.1")
                .containsEntry("Cache-Control", "public, max-age=300").containsKey("ETag");
        assertThat(Fixtures.tree(response.getBody()).path("openapi").asText()).startsWith("3.1.");
        assertThat(send(Events.head("/api/v1/openapi.json")).getBody()).isEmpty();
    }

    @Test
    void documentation_revalidates_with304() {
        for (String path : List.of("/api/v1/openapi.json", "/api/v1/docs", "/api/v1/docs/docs.js")) {
            String etag = send(Events.get(path)).getHeaders().get("ETag");

            APIGatewayV2HTTPResponse again = send(Events.get(path).header("if-none-match", etag));
            APIGatewayV2HTTPResponse headAgain = send(Events.head(path).header("if-none-match", etag));

            assertThat(again.getStatusCode()).as(path).isEqualTo(304);
            assertThat(again.getBody()).isEmpty();
            assertThat(headAgain.getStatusCode()).isEqualTo(304);
        }
    }

    @Test
    void referencePage_loadsItsFilesFromTheApi_withoutInlineScript() {
        APIGatewayV2HTTPResponse page = send(Events.get("/api/v1/docs"));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Content-Security-Policy", ApiDocs.PAGE_POLICY);
        assertThat(ApiDocs.PAGE_POLICY).contains("script-src 'self';").doesNotContain("unsafe-inline", "unsafe-eval", "http");
        String html = page.getBody();
        assertThat(html).doesNotContain("{{", "<script>", "https://", "http://", " style=");
        assertThat(send(Events.get("/api/v1/docs/")).getBody()).isEqualTo(html);

        Map<String, String> files = new LinkedHashMap<>();
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("(?:src|href)=\"(/api/v1/docs/[^\"?]+)\\?([^\"]+)\"").matcher(html);
        while (links.find()) {
            files.put(links.group(1), links.group(2));
        }
        assertThat(files.keySet()).containsExactlyInAnyOrder(
                "/api/v1/docs/swagger-ui.css", "/api/v1/docs/swagger-ui-bundle.js", "/api/v1/docs/docs.js");
        files.forEach((path, query) -> {
            APIGatewayV2HTTPResponse current = send(Events.get(path).query(query));
            APIGatewayV2HTTPResponse unversioned = send(Events.get(path));
            assertThat(current.getStatusCode()).as(path).isEqualTo(200);
            assertThat(current.getHeaders()).containsEntry("Cache-Control", "public, max-age=31536000, immutable")
                    .containsEntry("ETag", "\"" + query.substring(2) + "\"");
            assertThat(unversioned.getHeaders()).containsEntry("Cache-Control", "public, max-age=300");
            assertThat(current.getBody()).isNotEmpty();
            assertThat(send(Events.head(path).query(query)).getBody()).isEmpty();
        });
        assertThat(send(Events.get("/api/v1/docs/docs.js")).getBody()).contains("SwaggerUIBundle(");
    }

    // ---------------------------------------------------------------------------------------------
    // The contract catches drift.

    private static APIGatewayV2HTTPResponse copy(APIGatewayV2HTTPResponse response) {
        return Responses.of(response.getStatusCode(), new LinkedHashMap<>(response.getHeaders()), response.getBody());
    }

    private APIGatewayV2HTTPResponse createdLink(APIGatewayV2HTTPEvent event) {
        return t.api().handleRequest(event, null);
    }

    @Test
    void drift_undocumentedStatus_fails() {
        APIGatewayV2HTTPEvent event = Events.postJson(LINKS, URL).build();
        APIGatewayV2HTTPResponse response = copy(createdLink(event));
        response.setStatusCode(200);

        assertThatThrownBy(() -> OpenApiContract.assertConforms(event, response))
                .hasMessageContaining("status 200 is not documented for POST /api/v1/links");
    }

    @Test
    void drift_bodyWithoutARequiredField_orWithAnUndocumentedOne_fails() {
        APIGatewayV2HTTPEvent event = Events.postJson(LINKS, URL).build();
        APIGatewayV2HTTPResponse created = createdLink(event);
        APIGatewayV2HTTPResponse missing = copy(created);
        missing.setBody(created.getBody().replaceFirst("\"shortUrl\":\"[^\"]*\",", ""));
        APIGatewayV2HTTPResponse extra = copy(created);
        extra.setBody(created.getBody().replaceFirst("^\\{", "{\"owner\":\"me\","));
        APIGatewayV2HTTPResponse wrongType = copy(created);
        wrongType.setBody(created.getBody().replaceFirst("\"status\":\"active\"", "\"status\":\"paused\""));

        assertThatThrownBy(() -> OpenApiContract.assertConforms(event, missing)).hasMessageContaining("shortUrl");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(event, extra)).hasMessageContaining("owner");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(event, wrongType)).hasMessageContaining("status");
    }

    @Test
    void drift_wrongFormatOrProblemCode_fails() {
        APIGatewayV2HTTPEvent event = Events.postJson(LINKS, URL).build();
        APIGatewayV2HTTPResponse created = createdLink(event);
        APIGatewayV2HTTPResponse badDate = copy(created);
        badDate.setBody(created.getBody().replaceFirst("\"createdAt\":\"[^\"]*\"", "\"createdAt\":\"yesterday\""));
        APIGatewayV2HTTPEvent get = Events.get(LINKS + "/nope").build();
        APIGatewayV2HTTPResponse notFound = t.api().handleRequest(get, null);
        APIGatewayV2HTTPResponse wrongCode = copy(notFound);
        wrongCode.setBody(notFound.getBody().replace("\"code\":\"not-found\"", "\"code\":\"gone\""));

        assertThatThrownBy(() -> OpenApiContract.assertConforms(event, badDate)).hasMessageContaining("createdAt");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(get, wrongCode)).hasMessageContaining("code");
    }

    @Test
    void drift_missingRequiredHeader_orWrongContentType_fails() {
        APIGatewayV2HTTPEvent event = Events.postJson(LINKS, URL).build();
        APIGatewayV2HTTPResponse noLocation = copy(createdLink(event));
        noLocation.getHeaders().remove("Location");
        APIGatewayV2HTTPResponse plainJson = copy(send(Events.get("/api/v1/nope")));
        plainJson.getHeaders().put("Content-Type", "application/json");
        TestWiring throttled = TestWiring.withStores(new Stores(new RedirectHandlerTest.FailingLinkStore(
                new StoreUnavailableException("throttled", Duration.ofSeconds(1), new RuntimeException("x"))),
                new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));
        APIGatewayV2HTTPEvent get = Events.get(LINKS + "/abc").build();
        APIGatewayV2HTTPResponse noRetryAfter = copy(throttled.api().handleRequest(get, null));
        noRetryAfter.getHeaders().remove("Retry-After");

        assertThatThrownBy(() -> OpenApiContract.assertConforms(event, noLocation)).hasMessageContaining("header Location is missing");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(Events.get("/api/v1/nope").build(), plainJson))
                .hasMessageContaining("Content-Type application/json is not one of [application/problem+json]");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(get, noRetryAfter)).hasMessageContaining("Retry-After");
    }

    @Test
    void drift_undocumentedRouteOrMethod_fails() {
        APIGatewayV2HTTPResponse ok = Responses.of(200, Map.of("Content-Type", "application/json"), "{}");
        APIGatewayV2HTTPEvent delete = Events.request("DELETE", "/api/v1/docs").build();
        APIGatewayV2HTTPResponse wrongAllow = copy(t.api().handleRequest(delete, null));
        wrongAllow.getHeaders().put("Allow", "GET, HEAD, DELETE");

        assertThatThrownBy(() -> OpenApiContract.assertConforms(Events.get("/api/v9/nothing").build(), ok))
                .hasMessageContaining("status 200 where the document expects 404");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(delete, ok))
                .hasMessageContaining("status 200 where the document expects 405");
        assertThatThrownBy(() -> OpenApiContract.assertConforms(delete, wrongAllow))
                .hasMessageContaining("Allow lists [DELETE, GET, HEAD] but the document has [GET, HEAD]");
    }

    @Test
    void drift_acceptedRequestTheDocumentForbids_fails() {
        APIGatewayV2HTTPEvent undocumentedField = Events.postJson(LINKS, "{\"url\":\"https://example.com/\",\"note\":1}").build();
        APIGatewayV2HTTPResponse created = copy(createdLink(Events.postJson(LINKS, URL).build()));

        assertThatThrownBy(() -> OpenApiContract.assertConforms(undocumentedField, created))
                .hasMessageContaining("request body of a successful request").hasMessageContaining("note");
    }

    @Test
    void drift_bodyOnHead_fails() {
        t.save("abc", "https://example.com/");
        APIGatewayV2HTTPEvent head = Events.head(LINKS + "/abc").build();
        APIGatewayV2HTTPResponse withBody = copy(t.api().handleRequest(head, null));
        withBody.setBody("{}");

        assertThatThrownBy(() -> OpenApiContract.assertConforms(head, withBody)).hasMessageContaining("a body where the document has none");
    }
}
