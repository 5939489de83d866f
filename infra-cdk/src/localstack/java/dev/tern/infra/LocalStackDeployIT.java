package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The optional LocalStack suite ({@code -Plocalstack}): the reactor's {@code tern-lambda.zip} deployed
 * as the REST API and site functions on LocalStack's Lambda, over the tables {@code tern-store} defines,
 * and one link created through the API and followed through the site function.
 *
 * <p>It deploys through LocalStack's Lambda REST API (the JDK's HTTP client: the build's AWS SDK has no
 * Lambda client, and LocalStack reads the region from the request without checking signatures) rather
 * than the CDK templates: LocalStack's CloudFormation does not run
 * the templates' Route 53, ACM and MRSC parts, and what this suite checks is that the built zip runs as
 * Lambda runs it (handler names, class path, environment, SnapStart-free cold start) against a DynamoDB
 * API. Without a Docker engine it is skipped with a message.
 */
class LocalStackDeployIT {
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.0");
    private static final String ADMIN_KEY = "tern_localstack01_0123456789abcdefghijABCDEFGHIJ0123456789abc";
    /** 48 bytes, base64. */
    private static final String SECRET = "bG9jYWxzdGFjay1vbmx5LXNlY3JldC1ub3QtZm9yLXByb2R1Y3Rpb24tdXNlLTEyMzQ1";
    /** How functions in LocalStack's Lambda containers reach LocalStack itself. */
    private static final String ENDPOINT_FROM_FUNCTIONS = "http://localhost.localstack.cloud:4566";
    private static final String ROLE = "arn:aws:iam::000000000000:role/tern-localstack";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStackContainer localstack;
    private static HttpClient http;

    private static final String NO_DOCKER =
            "No Docker engine is reachable: the LocalStack suite (-Plocalstack) needs one to run LocalStack; skipped.";
    private static boolean docker;

    @BeforeAll
    static void start() throws IOException {
        docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            // the test reports the skip (with this message); say it on the console too
            System.err.println("LocalStackDeployIT: " + NO_DOCKER);
            return;
        }
        Path bundle = Path.of(InfraSettings.Key.LAMBDA_BUNDLE.defaultValue());
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException("The functions' zip " + bundle.toAbsolutePath()
                    + " is missing: build it with ./mvnw -B install -DskipTests first.");
        }
        localstack = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.LAMBDA, LocalStackContainer.Service.DYNAMODB);
        localstack.start();

        TableNames tables = TableNames.withPrefix("tern-");
        StoreSettings store = new StoreSettings(tables, Optional.of(localstack.getEndpoint()), localstack.getRegion(),
                Duration.ofSeconds(30));
        try (DynamoDbStores stores = DynamoDbStores.open(store, "localstack")) {
            stores.createTablesIfMissing();
        }

        http = HttpClient.newHttpClient();
        String zip = Base64.getEncoder().encodeToString(Files.readAllBytes(bundle));
        deploy("tern-api", RegionStack.API_HANDLER, zip, tables);
        deploy("tern-site", RegionStack.SITE_HANDLER, zip, tables);
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    private static void deploy(String name, String handler, String zipBase64, TableNames tables) throws IOException {
        ObjectNode function = JSON.createObjectNode();
        function.put("FunctionName", name);
        function.put("Runtime", "java21");
        function.put("Handler", handler);
        function.put("Role", ROLE);
        function.put("MemorySize", 1024);
        function.put("Timeout", 60);
        function.putObject("Code").put("ZipFile", zipBase64);
        ObjectNode env = function.putObject("Environment").putObject("Variables");
        env.put("TERN_PUBLIC_BASE_URL", "https://links.example.com");
        env.put("TERN_DYNAMODB_ENDPOINT", ENDPOINT_FROM_FUNCTIONS);
        env.put("TERN_DYNAMODB_TIMEOUT_MILLIS", "10000");
        env.put("TERN_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        env.put("TERN_SECRET", SECRET);
        env.put("TERN_LINKS_TABLE", tables.links());
        env.put("TERN_CLICKS_TABLE", tables.clicks());
        env.put("TERN_IDEMPOTENCY_TABLE", tables.idempotency());
        env.put("TERN_RATE_LIMITS_TABLE", tables.rateLimits());
        env.put("TERN_API_KEYS_TABLE", tables.apiKeys());
        env.put("TERN_YOURLS_TABLE", tables.yourls());
        HttpResponse<String> created = lambdaApi("POST", "/2015-03-31/functions", function.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // Java functions take a while to become Active in LocalStack (it pulls the runtime image first).
        for (int attempt = 0; attempt < 120; attempt++) {
            JsonNode state = JSON.readTree(lambdaApi("GET", "/2015-03-31/functions/" + name, null).body());
            if ("Active".equals(state.path("Configuration").path("State").asText())) {
                return;
            }
            sleep();
        }
        throw new IllegalStateException("the function " + name + " did not become Active in LocalStack");
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> lambdaApi(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(localstack.getEndpoint() + path))
                .timeout(Duration.ofMinutes(5))
                // LocalStack reads the region from the credential scope and checks no signature.
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + localstack.getAccessKey() + "/20261123/"
                        + localstack.getRegion() + "/lambda/aws4_request, SignedHeaders=host, Signature=0")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling LocalStack", e);
        }
    }

    private static JsonNode invoke(String function, ObjectNode event) throws IOException {
        HttpResponse<String> response = lambdaApi("POST", "/2015-03-31/functions/" + function + "/invocations",
                event.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).as(response.body()).isEmpty();
        return JSON.readTree(response.body());
    }

    private static ObjectNode httpEvent(String method, String path, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("host", "links.example.com");
        headers.put("authorization", "Bearer " + ADMIN_KEY);
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "localstack-" + method + path);
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        if (body != null) {
            headers.put("content-type", "application/json");
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    @Test
    void linkCreatedThroughTheApi_redirectsThroughTheSiteFunction() throws IOException {
        assumeTrue(docker, NO_DOCKER);
        JsonNode created = invoke("tern-api", httpEvent("POST", "/api/v1/links",
                "{\"url\":\"https://example.com/from-localstack\",\"code\":\"lstack1\"}"));
        assertThat(created.path("statusCode").asInt()).as(created.toString()).isEqualTo(201);
        assertThat(JSON.readTree(created.path("body").asText().getBytes(StandardCharsets.UTF_8)).path("code").asText())
                .isEqualTo("lstack1");

        JsonNode followed = invoke("tern-site", httpEvent("GET", "/lstack1", null));

        assertThat(followed.path("statusCode").asInt()).as(followed.toString()).isEqualTo(301);
        assertThat(followed.path("headers").path("Location").asText()).isEqualTo("https://example.com/from-localstack");
    }
}
