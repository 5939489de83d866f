package dev.tern.status.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.Region;
import dev.tern.status.site.StatusPage;
import dev.tern.status.site.StatusSiteGenerator;
import dev.tern.status.site.StatusView;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** From probe rounds to the generated site, as the local platform will run it: one region, the store failing. */
class ProbesToSiteTest {
    private static final Region LOCAL = Region.of("local");
    private static final StatusPage PAGE = new StatusPage("tern-local", "Tern (local)",
            URI.create("http://localhost:8080/status/"), Instant.parse("2026-11-23T00:00:00Z"));
    private final StatusSiteGenerator generator = new StatusSiteGenerator();
    private final ObjectMapper json = new ObjectMapper();

    private Map<String, byte[]> site(ProbeScenario s) {
        return generator.generate(new StatusView(PAGE, StatusPolicy.defaults(), s.settledSnapshot()));
    }

    private JsonNode summary(Map<String, byte[]> site) throws IOException {
        return json.readTree(site.get("api/v2/summary.json"));
    }

    @Test
    void storeDown_turnsThePageToMajorOutage_andRecoveryBringsItBack() throws IOException {
        ProbeScenario s = new ProbeScenario(StatusPolicy.defaults(), LOCAL);
        s.run(3, ProbeScenario.ALL_PASS);
        assertThat(summary(site(s)).at("/status/indicator").asText()).isEqualTo("none");

        // With DynamoDB stopped every component fails: each one needs the store.
        s.run(2, (from, cell) -> Outcome.FAIL);
        Map<String, byte[]> down = site(s);
        assertThat(summary(down).at("/status/indicator").asText()).isEqualTo("critical");
        assertThat(summary(down).at("/status/description").asText()).isEqualTo("Major System Outage");
        assertThat(summary(down).at("/components/0/status").asText()).isEqualTo("major_outage");
        String id = summary(down).at("/incidents/0/id").asText();

        s.engine.apply(new OperatorAction.Note(id, ProbeScenario.minute(5), "Restarting <script>alert(1)</script> the store",
                Optional.of(IncidentStatus.IDENTIFIED)));
        s.run(2, ProbeScenario.ALL_PASS);
        Map<String, byte[]> recovered = site(s);

        assertThat(summary(recovered).at("/status/indicator").asText()).isEqualTo("none");
        assertThat(summary(recovered).get("incidents")).isEmpty();
        JsonNode history = json.readTree(recovered.get("api/v2/incidents.json")).get("incidents");
        assertThat(history).singleElement().satisfies(i -> {
            assertThat(i.get("status").asText()).isEqualTo("resolved");
            assertThat(i.get("impact").asText()).isEqualTo("critical");
        });
        Document page = Jsoup.parse(new String(recovered.get("index.html"), StandardCharsets.UTF_8));
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("article .tl").text()).contains("Restarting <script>alert(1)</script> the store");
        assertThat(page.select("ol.bar").first().children().last().text()).isEqualTo("2026-11-23: 71.42% uptime, 1 incident");
        assertThat(Component.values()).hasSize(page.select("ol.bar").size() - 1);
    }
}
