package dev.tern.local.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.local.LocalOptions;
import dev.tern.local.LocalPlatform;
import dev.tern.testkit.FaultInjector;
import dev.tern.testkit.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local platform's status page end to end: the platform on DynamoDB Local, its DynamoDB client
 * behind a {@link FaultInjector}; the probe runs once per step of a clock that moves a minute at a
 * time, so two consecutive runs are two minutes whatever the machine's speed. Faults make the page
 * say {@code major_outage} and open an incident; without them it recovers and resolves it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStatusPageIT {
    private static final FaultInjector faults = new FaultInjector();
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:05Z"));
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static LocalPlatform platform;

    @BeforeAll
    static void start() throws IOException {
        platform = LocalPlatform.start(LocalOptions.inMemoryOnFreePort().withInterceptors(List.of(faults))
                .withStatus(LocalStatusOptions.every(Duration.ZERO).withClock(clock)), Map.of());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static void minutes(int n) {
        for (int i = 0; i < n; i++) {
            platform.statusPage().orElseThrow().runOnce();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(platform.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode feed(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/status/api/v2/" + name);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return json.readTree(response.body());
    }

    private static String status(JsonNode summary, String componentId) {
        return StreamSupport.stream(summary.path("components").spliterator(), false)
                .filter(c -> c.path("id").asText().equals(componentId))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + componentId + " in " + summary))
                .path("status").asText();
    }

    @Test
    @Order(1)
    void healthy_everyComponentIsOperational_andThePageIsServedAtStatus() throws Exception {
        minutes(3);

        JsonNode summary = feed("summary.json");
        assertThat(summary.path("status").path("indicator").asText()).isEqualTo("none");
        for (String component : List.of("redirect@local", "api@local", "web@local", "yourls-api@local", "database@local")) {
            assertThat(status(summary, component)).as(component).isEqualTo("operational");
        }
        HttpResponse<String> page = get("/status/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).isEqualTo(get("/status/index.html").body());
        assertThat(get("/status").statusCode()).isEqualTo(308);
        assertThat(get("/status/../secret").statusCode()).isIn(400, 404);
        assertThat(get("/status/nothing.json").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void databaseFaults_makeThePageSayMajorOutage_andOpenAnIncident() throws Exception {
        faults.failRandomly(1.0, 7, FaultInjector.ANY, FaultInjector.Mode.BEFORE_SEND, FaultInjector.Fault.THROTTLING);
        minutes(3);

        JsonNode summary = feed("summary.json");
        assertThat(status(summary, "database@local")).isEqualTo("major_outage");
        assertThat(status(summary, "redirect@local")).as("the canary link is never cached: its redirect needs the store")
                .isEqualTo("major_outage");
        assertThat(status(summary, "database")).isEqualTo("major_outage");
        assertThat(summary.path("status").path("indicator").asText()).isEqualTo("critical");
        assertThat(feed("incidents/unresolved.json").path("incidents")).hasSize(1);
        assertThat(get("/status/").body()).contains("Major outage");
    }

    @Test
    @Order(3)
    void faultsRemoved_thePageRecovers_andTheIncidentIsResolved() throws Exception {
        faults.clear();
        minutes(3);

        JsonNode summary = feed("summary.json");
        assertThat(summary.path("status").path("indicator").asText()).isEqualTo("none");
        assertThat(status(summary, "database@local")).isEqualTo("operational");
        assertThat(status(summary, "redirect@local")).isEqualTo("operational");
        assertThat(feed("incidents/unresolved.json").path("incidents")).isEmpty();
        JsonNode incidents = feed("incidents.json").path("incidents");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("status").asText()).isEqualTo("resolved");
        assertThat(incidents.get(0).path("resolved_at").isNull()).isFalse();
    }

    @Test
    @Order(4)
    void theTimer_runsTheProbeByItself() throws Exception {
        try (LocalPlatform timed = LocalPlatform.start(LocalOptions.inMemoryOnFreePort()
                .withStatus(LocalStatusOptions.every(Duration.ofMillis(200))), Map.of())) {
            HttpResponse<String> summary = null;
            for (int attempt = 0; attempt < 300; attempt++) {
                summary = http.send(HttpRequest.newBuilder(timed.baseUri().resolve("/status/api/v2/summary.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (summary.statusCode() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(json.readTree(summary.body()).path("page").path("url").asText())
                    .isEqualTo(URI.create(timed.baseUri() + "/status/").toString());
        }
    }
}
