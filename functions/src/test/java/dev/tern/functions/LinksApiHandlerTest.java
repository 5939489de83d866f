package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.Stores;
import dev.tern.core.apikey.Scope;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickTally;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinksApiHandlerTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    /** Every response is also checked against the OpenAPI document. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private APIGatewayV2HTTPResponse post(String body) {
        return handle(Events.postJson("/api/v1/links", body).build());
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Fixtures.tree(response.getBody());
    }

    @Test
    void create_fixture_is201WithTheLink() {
        APIGatewayV2HTTPResponse response = handle(Fixtures.httpEvent("post-create.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Location", "/api/v1/links/spring")
                .doesNotContainKey("Idempotent-Replayed");
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactly("code", "shortUrl", "url", "title", "createdAt", "status");
        assertThat(body.path("code").asText()).isEqualTo("spring");
        assertThat(body.path("shortUrl").asText()).isEqualTo("http://127.0.0.1:8080/spring");
        assertThat(body.path("url").asText()).isEqualTo("https://example.com/spring-sale?ref=tern");
        assertThat(body.path("title").asText()).isEqualTo("Spring sale");
        assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-23T10:00:00.123Z");
        assertThat(body.path("status").asText()).isEqualTo("active");
        assertThat(t.links.find(new ShortCode("spring"))).isPresent();
    }

    @Test
    void create_generatedCode_followsTheSettings() {
        TestWiring base36 = TestWiring.withEnv(Map.of("TERN_CODE_ALPHABET", "base36", "TERN_CODE_LENGTH", "9"));

        APIGatewayV2HTTPResponse response = base36.api().handleRequest(
                Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\"}").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        String code = json(response).path("code").asText();
        assertThat(code).matches("[0-9a-z]{9}");
        assertThat(response.getHeaders()).containsEntry("Location", "/api/v1/links/" + code);
    }

    @Test
    void create_withExpiry_showsIt() {
        APIGatewayV2HTTPResponse response = post("{\"url\":\"https://example.com/\",\"expiresAt\":\"2027-01-01T00:00:00+01:00\"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(json(response).path("expiresAt").asText()).isEqualTo("2026-12-31T23:00:00Z");
    }

    @Test
    void create_base64Body_isDecoded() {
        APIGatewayV2HTTPResponse response = handle(Fixtures.httpEvent("post-create-base64.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("url").asText()).isEqualTo("https://bücher.example/straße");
        assertThat(body.path("title").asText()).isEqualTo("Bücher – Straße");
    }

    @Test
    void create_acceptsJsonWithParametersAndPlusJsonTypes() {
        APIGatewayV2HTTPResponse charset = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/a\"}")
                .header("content-type", "Application/JSON; charset=UTF-8").build());
        APIGatewayV2HTTPResponse plusJson = handle(Events.postJson("/api/v1/links/", "{\"url\":\"https://example.com/b\"}")
                .header("content-type", "application/vnd.tern.link+json").build());

        assertThat(charset.getStatusCode()).isEqualTo(201);
        assertThat(plusJson.getStatusCode()).isEqualTo(201);
    }

    @Test
    void create_sameIdempotencyKeyTwice_replaysTheFirstAnswer() {
        APIGatewayV2HTTPEvent event = Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/once\"}")
                .header("idempotency-key", "key-1").build();

        APIGatewayV2HTTPResponse first = handle(event);
        t.clock.advance(Duration.ofSeconds(5));
        APIGatewayV2HTTPResponse second = handle(event);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders()).containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Location", first.getHeaders().get("Location"));
        assertThat(t.links.size()).isEqualTo(1);
    }

    @Test
    void create_fixtureRetried_isReplayed() {
        APIGatewayV2HTTPResponse first = handle(Fixtures.httpEvent("post-create.json"));
        APIGatewayV2HTTPResponse again = handle(Fixtures.httpEvent("post-create.json"));

        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void create_sameIdempotencyKeyFromAnotherApiKey_isAnotherLink() {
        String other = t.issueKey(Scope.LINKS_WRITE);
        APIGatewayV2HTTPResponse first = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\"}")
                .header("idempotency-key", "k").build());
        APIGatewayV2HTTPResponse second = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\"}")
                .header("idempotency-key", "k").header("authorization", "Bearer " + other).build());

        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(second.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(json(second).path("code").asText()).isNotEqualTo(json(first).path("code").asText());
    }

    @Test
    void create_sameKeyDifferentRequest_is422() {
        handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/a\"}").header("idempotency-key", "k").build());

        APIGatewayV2HTTPResponse response = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/b\"}")
                .header("idempotency-key", "k").build());

        assertProblem(response, 422, "idempotency-key-reused");
    }

    @Test
    void create_takenCustomCode_isConflict() {
        t.save("promo", "https://example.com/old");

        APIGatewayV2HTTPResponse response = post("{\"url\":\"https://example.com/new\",\"code\":\"promo\"}");

        JsonNode problem = assertProblem(response, 409, "code-taken");
        assertThat(problem.path("detail").asText()).isEqualTo("Short code \"promo\" is already in use");
    }

    @Test
    void create_creatorIsTheApiKeysId_neverItsValueNorTheAddress() {
        APIGatewayV2HTTPResponse response = handle(Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\",\"code\":\"mine\"}")
                .sourceIp("203.0.113.7").build());

        assertThat(response.getStatusCode()).isEqualTo(201);
        Link stored = t.links.find(new ShortCode("mine")).orElseThrow();
        assertThat(stored.creator()).isEqualTo(Creator.apiKey(TestKeys.ADMIN_ID));
        assertThat(stored.toString()).doesNotContain("203.0.113.7", TestKeys.ADMIN);
        assertThat(response.getBody()).doesNotContain("203.0.113.7", TestKeys.ADMIN);
    }

    @Test
    void get_fixture_is200WithClicks() {
        handle(Fixtures.httpEvent("post-create.json"));
        ShortCode spring = new ShortCode("spring");
        t.clickCounters.add("batch-1", ClickTally.of(spring, List.of(
                Click.of(spring, TestWiring.NOW, null, null, null), Click.of(spring, TestWiring.NOW, null, null, null))));

        APIGatewayV2HTTPResponse response = handle(Fixtures.httpEvent("get-link.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactly("code", "shortUrl", "url", "title", "createdAt", "status", "clicks");
        assertThat(body.path("clicks").asLong()).isEqualTo(2);
        assertThat(body.path("url").asText()).isEqualTo("https://example.com/spring-sale?ref=tern");
    }

    @Test
    void get_showsLinksWhateverTheirStatus() {
        t.save("off", "https://example.com/", LinkStatus.DISABLED);

        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/links/off/").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("disabled");
        assertThat(json(response).path("clicks").asLong()).isZero();
    }

    @Test
    void head_link_hasNoBody() {
        t.save("abc", "https://example.com/");

        APIGatewayV2HTTPResponse response = handle(Events.head("/api/v1/links/abc").build());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void get_unknownCode_is404NotFound() {
        assertProblem(handle(Events.get("/api/v1/links/nope").build()), 404, "not-found");
        assertProblem(handle(Events.get("/api/v1/links/a%20b").build()), 404, "not-found");
    }

    @Test
    void storeThrottled_is503ProblemWithRetryAfter() {
        TestWiring w = TestWiring.withStores(new Stores(new RedirectHandlerTest.FailingLinkStore(
                new StoreUnavailableException("timed out", Duration.ofSeconds(2), new RuntimeException("ApiCallTimeout"))),
                new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        APIGatewayV2HTTPResponse create = w.api().handleRequest(
                Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\"}").build(), null);
        APIGatewayV2HTTPResponse get = w.api().handleRequest(Events.get("/api/v1/links/abc").build(), null);

        for (APIGatewayV2HTTPResponse response : List.of(create, get)) {
            assertProblem(response, 503, "unavailable");
            assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
            assertThat(response.getBody()).doesNotContain("ApiCallTimeout", "Exception", "at dev.");
        }
        assertThat(w.logLines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"level\":\"WARN\""));
    }

    @Test
    void unexpectedFailure_is500WithoutInternals_loggedOnce() {
        TestWiring w = TestWiring.withStores(new Stores(new RedirectHandlerTest.FailingLinkStore(
                new IllegalStateException("connection pool secret=xyz")), new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        APIGatewayV2HTTPResponse response = w.api().handleRequest(
                Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/\",\"code\":\"boom\"}").requestId("rid-7").build(), null);

        JsonNode problem = assertProblem(response, 500, "internal");
        assertThat(problem.path("detail").asText()).contains("rid-7").doesNotContain("secret", "IllegalState");
        assertThat(w.logLines).hasSize(1);
        JsonNode line = Fixtures.tree(w.logLines.get(0));
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("op").asText()).isEqualTo("create");
        assertThat(line.path("requestId").asText()).isEqualTo("rid-7");
        assertThat(line.path("error").asText()).contains("IllegalStateException");
        assertThat(w.logLines.get(0)).doesNotContain("198.51.100.23");
    }

    @Test
    void clientErrors_areNotLogged() {
        post("{\"url\":\"javascript:alert(1)\"}");
        handle(Events.get("/api/v1/nope").build());

        assertThat(t.logLines).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input: each case its own status and code, never a 500.

    static Stream<Arguments> badInput() {
        String longUrl = "https://example.com/" + "a".repeat(9000);
        String big = "{\"url\":\"https://example.com/\",\"title\":\"" + "x".repeat(70_000) + "\"}";
        return Stream.of(
                Arguments.of("javascript: scheme", json("{\"url\":\"javascript:alert(1)\"}"), 400, "invalid-url", "never accepted"),
                Arguments.of("JavaScript: in any case", json("{\"url\":\"JaVaScRiPt:alert(1)\"}"), 400, "invalid-url", "never accepted"),
                Arguments.of("data: scheme", json("{\"url\":\"data:text/html;base64,PHNjcmlwdD4=\"}"), 400, "invalid-url", "never accepted"),
                Arguments.of("file: scheme", json("{\"url\":\"file:///etc/passwd\"}"), 400, "invalid-url", "never accepted"),
                Arguments.of("unknown scheme", json("{\"url\":\"foo://bar/baz\"}"), 400, "invalid-url", "not accepted"),
                Arguments.of("too long URL", json("{\"url\":\"" + longUrl + "\"}"), 400, "invalid-url", "too long"),
                Arguments.of("control character", json("{\"url\":\"https://example.com/a\\u0007b\"}"), 400, "invalid-url", "control character"),
                Arguments.of("newline in URL", json("{\"url\":\"https://example.com/a\\nb\"}"), 400, "invalid-url", "control character"),
                Arguments.of("empty URL", json("{\"url\":\"\"}"), 400, "invalid-url", "required"),
                Arguments.of("own-domain loop", json("{\"url\":\"http://127.0.0.1:8080/abc\"}"), 400, "redirect-loop", "redirect loop"),
                Arguments.of("code with a space", json("{\"url\":\"https://example.com/\",\"code\":\"a b\"}"), 400, "invalid-code", "U+0020"),
                Arguments.of("code of 101 characters", json("{\"url\":\"https://example.com/\",\"code\":\"" + "a".repeat(101) + "\"}"),
                        400, "invalid-code", "at most 100"),
                Arguments.of("code with non-ASCII", json("{\"url\":\"https://example.com/\",\"code\":\"ünï\"}"), 400, "invalid-code", "'ü'"),
                Arguments.of("empty code", json("{\"url\":\"https://example.com/\",\"code\":\"\"}"), 400, "invalid-code", "empty"),
                Arguments.of("reserved code api", json("{\"url\":\"https://example.com/\",\"code\":\"api\"}"), 400, "reserved-code", "reserved"),
                Arguments.of("reserved code Status", json("{\"url\":\"https://example.com/\",\"code\":\"Status\"}"), 400, "reserved-code", "reserved"),
                Arguments.of("title too long", json("{\"url\":\"https://example.com/\",\"title\":\"" + "t".repeat(501) + "\"}"),
                        400, "invalid-title", "at most 500"),
                Arguments.of("expiry not a date", json("{\"url\":\"https://example.com/\",\"expiresAt\":\"tomorrow\"}"),
                        400, "invalid-expiry", "ISO-8601"),
                Arguments.of("expiry in the past", json("{\"url\":\"https://example.com/\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"),
                        400, "invalid-expiry", "not in the future"),
                Arguments.of("expiry as a number", json("{\"url\":\"https://example.com/\",\"expiresAt\":1767225600}"),
                        400, "invalid-request", "\"expiresAt\" must be a string, not a number"),
                Arguments.of("empty body", json(""), 400, "invalid-request", "empty"),
                Arguments.of("whitespace body", json("  \n "), 400, "invalid-request", "empty"),
                Arguments.of("no body at all", Events.request("POST", "/api/v1/links").header("content-type", "application/json"),
                        400, "invalid-request", "empty"),
                Arguments.of("malformed JSON", json("{\"url\": "), 400, "invalid-request", "not valid JSON (line 1"),
                Arguments.of("trailing garbage", json("{\"url\":\"https://example.com/\"} x"), 400, "invalid-request", "not valid JSON"),
                Arguments.of("duplicate field", json("{\"url\":\"https://a.example/\",\"url\":\"https://b.example/\"}"),
                        400, "invalid-request", "has a field twice"),
                Arguments.of("JSON array", json("[{\"url\":\"https://example.com/\"}]"), 400, "invalid-request", "not an array"),
                Arguments.of("JSON string", json("\"https://example.com/\""), 400, "invalid-request", "not a string"),
                Arguments.of("url of wrong type", json("{\"url\":42}"), 400, "invalid-request", "\"url\" must be a string, not a number"),
                Arguments.of("code of wrong type", json("{\"url\":\"https://example.com/\",\"code\":[\"a\"]}"), 400, "invalid-request",
                        "\"code\" must be a string, not an array"),
                Arguments.of("title of wrong type", json("{\"url\":\"https://example.com/\",\"title\":{}}"), 400, "invalid-request",
                        "\"title\" must be a string, not an object"),
                Arguments.of("unknown field", json("{\"url\":\"https://example.com/\",\"keyword\":\"x\"}"), 400, "invalid-request",
                        "Unknown field \"keyword\""),
                Arguments.of("unknown fields", json("{\"url\":\"https://example.com/\",\"keyword\":\"x\",\"format\":\"json\"}"), 400,
                        "invalid-request", "Unknown fields \"keyword\", \"format\""),
                Arguments.of("url missing", json("{\"title\":\"x\"}"), 400, "invalid-url", "\"url\" is required"),
                Arguments.of("url null", json("{\"url\":null}"), 400, "invalid-url", "\"url\" is required"),
                Arguments.of("bad base64 body", Events.request("POST", "/api/v1/links").header("content-type", "application/json")
                        .encodedBody("%%%not base64%%%"), 400, "invalid-request", "base64"),
                Arguments.of("bad UTF-8", Events.request("POST", "/api/v1/links").header("content-type", "application/json")
                        .base64Body(new byte[] {'{', '"', 'u', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}), 400, "invalid-request",
                        "not valid JSON"),
                Arguments.of("invalid Idempotency-Key", json("{\"url\":\"https://example.com/\"}").header("idempotency-key", "has space"),
                        400, "invalid-idempotency-key", "visible ASCII"),
                Arguments.of("wrong content type", Events.request("POST", "/api/v1/links").header("content-type", "text/plain")
                        .body("{\"url\":\"https://example.com/\"}"), 415, "unsupported-media-type", "text/plain"),
                Arguments.of("form content type", Events.request("POST", "/api/v1/links")
                        .header("content-type", "application/x-www-form-urlencoded").body("url=https%3A%2F%2Fexample.com"),
                        415, "unsupported-media-type", "application/json"),
                Arguments.of("no content type", Events.request("POST", "/api/v1/links").body("{\"url\":\"https://example.com/\"}"),
                        415, "unsupported-media-type", "no Content-Type"),
                Arguments.of("too large body", json(big), 413, "payload-too-large", "limit is 65536"),
                Arguments.of("too large base64 body", Events.request("POST", "/api/v1/links").header("content-type", "application/json")
                        .base64Body(big), 413, "payload-too-large", "limit is 65536"),
                Arguments.of("unknown route", Events.get("/api/v2/links"), 404, "route-not-found", "/api/v1/links"),
                Arguments.of("API root", Events.get("/api"), 404, "route-not-found", "no API route"),
                Arguments.of("too deep a route", Events.get("/api/v1/links/abc/other"), 404, "route-not-found", "no API route"),
                Arguments.of("wrong method on the collection", Events.request("PUT", "/api/v1/links"), 405, "method-not-allowed",
                        "use GET, HEAD, POST"),
                Arguments.of("wrong method on a link", Events.request("PUT", "/api/v1/links/abc"), 405, "method-not-allowed",
                        "use GET, HEAD, PATCH, DELETE"),
                Arguments.of("POST to a link", Events.postJson("/api/v1/links/abc", "{\"url\":\"https://example.com/\"}"),
                        405, "method-not-allowed", "use GET"));
    }

    private static Events.Builder json(String body) {
        return Events.postJson("/api/v1/links", body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void create_badInput_isSpecificProblem(String name, Events.Builder request, int status, String code, String detailPart) {
        APIGatewayV2HTTPResponse response = handle(request.build());

        JsonNode problem = assertProblem(response, status, code);
        assertThat(problem.path("detail").asText()).containsIgnoringCase(detailPart);
        if (status == 405) {
            assertThat(response.getHeaders()).containsKey("Allow");
        }
        assertThat(t.links.size()).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(fieldNames(problem)).containsExactly("type", "title", "status", "detail", "code");
        assertThat(problem.path("type").asText()).isEqualTo("/problems/" + code);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
