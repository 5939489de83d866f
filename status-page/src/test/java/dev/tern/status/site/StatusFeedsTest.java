package dev.tern.status.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.tern.core.status.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The machine feeds as their readers see them: the Statuspage v2 JSON against a JSON Schema written
 * from Statuspage's documentation, the Atom feed through ROME, the badges.
 */
class StatusFeedsTest {
    private static final String SCHEMA_IRI = "https://tern.invalid/status/statuspage-v2.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
            builder -> builder.schemas(Map.of(SCHEMA_IRI, schemaText()))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final StatusSiteGenerator generator = new StatusSiteGenerator();
    private final Map<String, byte[]> site = generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 3));

    private static String schemaText() {
        try (InputStream in = StatusFeedsTest.class.getResourceAsStream("/statuspage/statuspage-v2.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read the Statuspage schema", e);
        }
    }

    private JsonNode json(String path) throws IOException {
        return JSON.readTree(site.get(path));
    }

    private static List<String> violations(String definition, JsonNode document) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_IRI + "#/$defs/" + definition));
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    @ParameterizedTest(name = "{0} is a valid {1}")
    @CsvSource({
        "api/v2/summary.json, summary",
        "api/v2/status.json, statusDocument",
        "api/v2/components.json, componentsDocument",
        "api/v2/incidents.json, incidentsDocument",
        "api/v2/incidents/unresolved.json, unresolvedIncidentsDocument",
        "api/v2/scheduled-maintenances.json, scheduledMaintenancesDocument",
        "badge.json, shieldsEndpoint"
    })
    void feed_matchesTheStatuspageSchema(String path, String definition) throws IOException {
        assertThat(violations(definition, json(path))).isEmpty();
    }

    @Test
    void schema_rejectsAStatusStatuspageDoesNotHave() throws IOException {
        JsonNode components = json("api/v2/components.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) components.get("components").get(0)).put("status", "no_data");

        assertThat(violations("componentsDocument", components)).singleElement().asString().contains("status");
    }

    @Test
    void summary_saysPartialOutage_withTheUnresolvedIncidentAndUpcomingMaintenance() throws IOException {
        JsonNode summary = json("api/v2/summary.json");

        assertThat(summary.at("/status/indicator").asText()).isEqualTo("major");
        assertThat(summary.at("/status/description").asText()).isEqualTo("Partial System Outage");
        assertThat(summary.at("/page/url").asText()).isEqualTo("https://status.example.test/");
        assertThat(summary.get("incidents")).singleElement().satisfies(i -> {
            assertThat(i.get("status").asText()).isEqualTo("identified");
            assertThat(i.get("shortlink").asText()).isEqualTo("https://status.example.test/#incident-20260");
            assertThat(i.at("/incident_updates/0/body").asText()).isEqualTo(SiteFixtures.HOSTILE_NOTE);
        });
        assertThat(summary.get("scheduled_maintenances")).singleElement()
                .satisfies(m -> assertThat(m.get("status").asText()).isEqualTo("scheduled"));
    }

    @Test
    void components_listEachComponent_thenEachRegionAsAGroupOfItsCells() throws IOException {
        JsonNode components = json("api/v2/components.json").get("components");

        assertThat(components).hasSize(5 + 3 * 6);
        assertThat(components.get(0).get("id").asText()).isEqualTo("redirect");
        assertThat(components.get(0).get("status").asText()).isEqualTo("partial_outage");
        JsonNode group = components.get(5);
        assertThat(group.get("id").asText()).isEqualTo("region-ap-southeast-2");
        assertThat(group.get("group").asBoolean()).isTrue();
        assertThat(group.get("status").asText()).isEqualTo("partial_outage");
        assertThat(group.get("components")).hasSize(5);
        assertThat(components.get(6).get("id").asText()).isEqualTo("redirect@ap-southeast-2");
        assertThat(components.get(6).get("group_id").asText()).isEqualTo("region-ap-southeast-2");
        assertThat(components.get(6).get("status").asText()).isEqualTo("major_outage");
    }

    @Test
    void incidents_listNewestFirst_resolvedWithTheirTimes() throws IOException {
        JsonNode incidents = json("api/v2/incidents.json").get("incidents");

        assertThat(incidents).hasSize(3);
        assertThat(incidents.get(0).get("resolved_at").isNull()).isTrue();
        assertThat(incidents.get(1).get("status").asText()).isEqualTo("resolved");
        assertThat(incidents.get(1).get("resolved_at").asText()).isEqualTo("2026-11-16T11:49:00Z");
        assertThat(json("api/v2/incidents/unresolved.json").get("incidents")).hasSize(1);
    }

    @Test
    void atomFeed_isReadByRome_withOneEntryPerIncident() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(new String(site.get("history.atom"), StandardCharsets.UTF_8)));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Tern status: incidents");
        assertThat(feed.getPublishedDate()).isNotNull();
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).hasSize(3);
        assertThat(entries).extracting(SyndEntry::getUri).doesNotHaveDuplicates()
                .allSatisfy(uri -> assertThat(uri).startsWith("urn:uuid:"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getUpdatedDate()).isNotNull();
            assertThat(e.getLink()).startsWith("https://status.example.test/#incident-");
        });
        assertThat(entries.get(1).getTitle()).endsWith("(resolved)");
        assertThat(entries.getFirst().getContents().getFirst().getValue()).contains(SiteFixtures.HOSTILE_NOTE);
    }

    @Test
    void atomEntryIds_areTheSameWhicheverRegionGeneratesTheFeed() throws Exception {
        byte[] again = new StatusSiteGenerator().generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 3)).get("history.atom");

        assertThat(again).isEqualTo(site.get("history.atom"));
    }

    @Test
    void badgeSvg_isAccessibleSvg_sayingTheOverallStatus() {
        Document svg = Jsoup.parse(new String(site.get("badge.svg"), StandardCharsets.UTF_8), "", Parser.xmlParser());

        assertThat(svg.selectFirst("svg").attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("svg").attr("aria-label")).isEqualTo("status: partial outage");
        assertThat(svg.selectFirst("title").text()).isEqualTo("status: partial outage");
    }

    @Test
    void badgeJson_isAShieldsEndpoint() throws IOException {
        JsonNode badge = json("badge.json");

        assertThat(badge.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(badge.get("message").asText()).isEqualTo("partial outage");
        assertThat(badge.get("color").asText()).isEqualTo("orange");
    }

    @Test
    void noData_isNeverReportedAsOperational() throws IOException {
        var empty = new dev.tern.status.incident.IncidentEngine(dev.tern.status.incident.StatusPolicy.defaults(),
                List.of(Region.of("local")), java.time.Clock.fixed(SiteFixtures.AS_OF, java.time.ZoneOffset.UTC)).snapshot();
        Map<String, byte[]> blank = generator.generate(new StatusView(SiteFixtures.PAGE,
                dev.tern.status.incident.StatusPolicy.defaults(), empty));
        JsonNode summary = JSON.readTree(blank.get("api/v2/summary.json"));

        assertThat(violations("summary", summary)).isEmpty();
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("minor");
        assertThat(summary.get("components")).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isNotEqualTo("operational");
            assertThat(c.get("tern_status").asText()).isEqualTo("no_data");
        });
        assertThat(JSON.readTree(blank.get("badge.json")).get("message").asText()).isEqualTo("no data");
        assertThat(Jsoup.parse(new String(blank.get("index.html"), StandardCharsets.UTF_8)).select("ol.bar li").eachText())
                .allSatisfy(t -> assertThat(t).endsWith(": no data"));
    }
}
