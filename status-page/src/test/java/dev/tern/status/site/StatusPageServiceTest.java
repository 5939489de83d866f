package dev.tern.status.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.core.status.Component;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.status.incident.InMemoryEngineStateStore;
import dev.tern.status.incident.StatusPolicy;
import dev.tern.testkit.MutableClock;
import dev.tern.testkit.status.InMemoryOperatorActionStore;
import dev.tern.testkit.status.InMemoryProbeResultStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusPageServiceTest {
    private static final Region EU = Region.of("eu-west-1");
    private static final Region US = Region.of("us-east-1");
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryOperatorActionStore actions = new InMemoryOperatorActionStore();
    private final StatusPageService service = new StatusPageService(
            new StatusPage("tern", "Tern", URI.create("https://status.example.test/"), START),
            StatusPolicy.defaults(), List.of(EU, US), new InMemoryProbeResultStore(), actions, new InMemoryEngineStateStore(),
            new StatusSiteGenerator(), clock);
    private final ObjectMapper json = new ObjectMapper();

    private static ProbeRound round(Region from, Instant minute, boolean usDatabaseDown) {
        List<ProbeResult> results = new ArrayList<>();
        for (Region target : List.of(EU, US)) {
            for (Component c : Component.values()) {
                boolean down = usDatabaseDown && target.equals(US) && c == Component.DATABASE;
                results.add(new ProbeResult(from, target, c, minute.plusSeconds(1), down ? Outcome.TIMEOUT : Outcome.PASS,
                        30, ""));
            }
        }
        return new ProbeRound(from, minute, results);
    }

    private JsonNode summary(Map<String, byte[]> site) throws IOException {
        return json.readTree(site.get("api/v2/summary.json"));
    }

    @Test
    void roundsFromBothRegions_areKept_andEachRegenerationSeesThemAll() throws IOException {
        Map<String, byte[]> site = Map.of();
        for (int m = 0; m < 3; m++) {
            Instant minute = START.plus(Duration.ofMinutes(m));
            clock.advance(Duration.between(clock.instant(), minute.plusSeconds(20)));
            service.record(round(EU, minute, m > 0));
            site = service.record(round(US, minute, m > 0));
        }

        JsonNode summary = summary(site);
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("major");
        assertThat(summary.get("incidents")).hasSize(1);
    }

    @Test
    void maintenanceWindow_fromTheActionStore_coversTheFailures() throws IOException {
        actions.add(new OperatorAction.Maintenance("mw", "Resizing", Set.of(Component.DATABASE), Set.of(US),
                START, START.plus(Duration.ofHours(1)), START));
        Map<String, byte[]> site = Map.of();
        for (int m = 0; m < 3; m++) {
            Instant minute = START.plus(Duration.ofMinutes(m));
            clock.advance(Duration.between(clock.instant(), minute.plusSeconds(20)));
            service.record(round(EU, minute, true));
            site = service.record(round(US, minute, true));
        }

        JsonNode summary = summary(site);
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("maintenance");
        assertThat(summary.get("incidents")).isEmpty();
        assertThat(summary.get("scheduled_maintenances")).singleElement()
                .satisfies(m -> assertThat(m.get("status").asText()).isEqualTo("in_progress"));
    }
}
