package dev.tern.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform as a new user meets it: started in one call, spoken to over HTTP on 127.0.0.1 only.
 * Create a link with POST, follow it, and read back exactly as many clicks as visits.
 */
class LocalPlatformIT {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = LocalPlatform.start(LocalOptions.inMemoryOnFreePort(), Map.of());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void servesOnLoopbackOnly() {
        assertThat(platform.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(platform.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void createFollowAndCount_clicksEqualVisits() throws Exception {
        HttpResponse<String> created = post("/api/v1/links", "{\"url\":\"https://example.com/tour?x=1\",\"code\":\"tour\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"shortUrl\":\"" + platform.publicBaseUrl() + "/tour\"");

        int visits = 25;
        for (int i = 0; i < visits; i++) {
            HttpResponse<String> redirect = get("/tour");
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/tour?x=1");
            assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        }
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/tour")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(301);
        HttpResponse<String> probe = send(HttpRequest.newBuilder(uri("/tour")).header("X-Tern-Probe", "status"));
        assertThat(probe.statusCode()).isEqualTo(301);

        assertThat(platform.flushClicks(Duration.ofSeconds(30))).isTrue();
        HttpResponse<String> read = get("/api/v1/links/tour");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(clicksIn(read.body())).isEqualTo(visits);
    }

    @Test
    void api_withoutKey_is401_andAnAdminKeyIssuesKeys() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/links"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> issued = post("/api/v1/keys", "{\"name\":\"reader\",\"scopes\":[\"links:read\"]}");
        assertThat(issued.statusCode()).isEqualTo(201);
        Matcher key = Pattern.compile("\"key\":\"(tern_[^\"]+)\"").matcher(issued.body());
        assertThat(key.find()).isTrue();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/links"))
                .header("Authorization", "Bearer " + key.group(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/\"}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("50");
    }

    @Test
    void trailingSlash_redirectsToo() throws Exception {
        assertThat(post("/api/v1/links", "{\"url\":\"example.org/slash\",\"code\":\"slash\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> redirect = get("/slash/");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("http://example.org/slash");
    }

    @Test
    void unknownCode_isA404Page() throws Exception {
        HttpResponse<String> response = get("/doesNotExist");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void unknownApiRoute_isAProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"route-not-found\"");
    }

    @Test
    void badUrl_isAProblemNotA500() throws Exception {
        HttpResponse<String> response = post("/api/v1/links", "{\"url\":\"javascript:alert(1)\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid-url\"");
    }

    @Test
    void homePage_isTheCreationFormWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"create-form\"");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().allValues("Set-Cookie")).isNotEmpty();
    }

    @Test
    void previewPage_showsTheDestinationAsText() throws Exception {
        assertThat(post("/api/v1/links", "{\"url\":\"https://example.com/peek\",\"code\":\"peek\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> response = get("/peek+");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("https://example.com/peek").contains("id=\"clicks\"");
    }

    @Test
    void persistentData_survivesARestart(@TempDir Path dataDir) throws Exception {
        LocalOptions options = new LocalOptions(0, Optional.of(dataDir), List.of());
        String code;
        String adminKey;
        try (LocalPlatform first = LocalPlatform.start(options, Map.of())) {
            assertThat(first.adminKeyCreated()).isTrue();
            adminKey = first.adminKey();
            assertThat(Files.readString(dataDir.resolve("admin-key")).strip()).isEqualTo(adminKey);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin-key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(first.baseUri().resolve("/api/v1/links"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/kept\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            Matcher matcher = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(created.body());
            assertThat(matcher.find()).isTrue();
            code = matcher.group(1);
        }
        try (LocalPlatform second = LocalPlatform.start(options, Map.of())) {
            assertThat(second.adminKeyCreated()).isFalse();
            assertThat(second.adminKey()).isEqualTo(adminKey);
            HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(second.baseUri().resolve("/" + code)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/kept");
        }
    }

    private static long clicksIn(String body) {
        Matcher matcher = Pattern.compile("\"clicks\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(matcher.find()).as("clicks in %s", body).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static URI uri(String path) {
        return platform.baseUri().resolve(path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        HttpRequest peek = builder.copy().build();
        if (peek.uri().getPath().startsWith("/api/") && peek.headers().firstValue("Authorization").isEmpty()) {
            builder.header("Authorization", "Bearer " + platform.adminKey());
        }
        return HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
