package dev.tern.status.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
import dev.tern.core.status.Region;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class StatusSiteGeneratorTest {
    private static final int SIZE_BUDGET = 50 * 1024;
    private static final Pattern DAY_LABEL =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}: (no data|maintenance|(100|\\d{1,2}\\.\\d{2})% uptime)(, \\d+ incidents?)?(, \\d+ min maintenance)?");
    private final StatusSiteGenerator generator = new StatusSiteGenerator();

    private static Document html(Map<String, byte[]> site) {
        return Jsoup.parse(new String(site.get("index.html"), StandardCharsets.UTF_8));
    }

    @Test
    void generate_writesThePageEveryFeedAndTheBadges() {
        Map<String, byte[]> site = generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 3));

        assertThat(site.keySet()).containsExactly("index.html", "status.css", "api/v2/summary.json",
                "api/v2/status.json", "api/v2/components.json", "api/v2/incidents.json",
                "api/v2/incidents/unresolved.json", "api/v2/scheduled-maintenances.json", "history.atom",
                "badge.svg", "badge.json");
        assertThat(site.keySet()).allSatisfy(path -> assertThat(StatusSiteGenerator.contentType(path)).isNotBlank());
    }

    @Test
    void page_everyDayOfEveryRowHasATextLabel() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 3)));

        List<Element> bars = page.select("ol.bar");
        assertThat(bars).as("5 component rows and 3 region rows").hasSize(8);
        for (Element bar : bars) {
            assertThat(bar.attr("aria-label")).contains("day by day from 2026-08-26 to 2026-11-23");
            assertThat(bar.children()).hasSize(90).allSatisfy(day -> assertThat(day.text()).matches(DAY_LABEL));
        }
        Element redirects = bars.getFirst();
        assertThat(redirects.child(0).text()).isEqualTo("2026-08-26: no data");
        assertThat(redirects.child(0).hasClass("n")).isTrue();
        assertThat(redirects.children()).anySatisfy(day -> assertThat(day.text()).contains("1 incident"));
        assertThat(page.select("ol.bar li").eachText())
                .contains("2026-10-05: 100% uptime, 180 min maintenance", "2026-09-15: 99.16% uptime");
    }

    @Test
    void page_needsNoJavaScript_andHasNone() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 3)));

        assertThat(page.select("script, noscript, iframe, object, embed")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on") || a.getValue().trim().toLowerCase().startsWith("javascript:")));
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("status.css");
    }

    @Test
    void pageAndStylesheet_for90DaysOf6Rows_fitIn50KB() {
        Map<String, byte[]> oneRegion = generator.generate(SiteFixtures.ninetyDays(List.of(Region.of("local")), 10));
        assertThat(html(oneRegion).select("ol.bar")).as("5 components + 1 region").hasSize(6);

        assertThat(oneRegion.get("index.html").length + oneRegion.get("status.css").length).isLessThanOrEqualTo(SIZE_BUDGET);
    }

    @Test
    void pageAndStylesheet_for90DaysOf8Rows_fitIn50KBToo() {
        Map<String, byte[]> threeRegions = generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 10));

        assertThat(threeRegions.get("index.html").length + threeRegions.get("status.css").length)
                .isLessThanOrEqualTo(SIZE_BUDGET);
    }

    @Test
    void incidentNoteWithMarkup_isShownAsText_neverAsMarkup() {
        Map<String, byte[]> site = generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 2));
        String raw = new String(site.get("index.html"), StandardCharsets.UTF_8);
        Document page = html(site);

        assertThat(raw).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;fixed&quot;");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("article .tl li").eachText()).anySatisfy(t -> assertThat(t).contains(SiteFixtures.HOSTILE_NOTE));
        assertThat(page.select("section[aria-labelledby=mnt] li").text()).contains("Runtime upgrade <Java 25>");
    }

    @Test
    void page_writesTheUptimeFormulaAndTheRules() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 1)));

        String how = page.select("section[aria-labelledby=how]").text();
        assertThat(how).contains("uptime = (observed minutes − down minutes) ÷ observed minutes",
                "at least 2 regions", "after 2 down minutes in a row", "never as up");
    }

    @Test
    void page_showsCurrentStateAsWords_notColourAlone() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 1)));

        assertThat(page.select("p.overall").text()).isEqualTo("Partial System Outage");
        Element redirectRow = page.select("table tbody tr").first();
        assertThat(redirectRow.select("th").text()).isEqualTo(Component.REDIRECT.displayName());
        assertThat(redirectRow.select("td").eachText()).containsExactly("Major outage", "Operational", "Operational");
        assertThat(page.select("th[scope=col]").eachText()).containsExactly("Component", "ap-southeast-2", "eu-west-1", "us-east-1");
    }

    @Test
    void responseTimeChart_isInlineSvg_withATextAlternative() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 1)));

        Element svg = page.selectFirst("figure svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        Element caption = page.getElementById(svg.attr("aria-labelledby"));
        assertThat(caption.tagName()).isEqualTo("figcaption");
        assertThat(caption.text()).contains("Redirect response time", "ap-southeast-2 (line solid): 40 to 46 ms",
                "eu-west-1 (line dashed)", "us-east-1 (line dotted)");
        assertThat(svg.select("path")).hasSize(3);
    }

    @Test
    void stylesheet_followsTheReadersColourScheme() {
        String css = new String(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 0)).get("status.css"),
                StandardCharsets.UTF_8);

        assertThat(css).contains("@media (prefers-color-scheme:dark)", "color-scheme:light dark");
    }

    @Test
    void page_showsTheNewestTimelinesInFull_andOlderIncidentsInOneLine() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 8)));

        assertThat(page.select("section[aria-labelledby=inc] article")).hasSize(HtmlPage.TIMELINES);
        assertThat(page.select("section[aria-labelledby=inc] ul li")).hasSize(3)
                .allSatisfy(li -> assertThat(li.id()).startsWith("incident-"));
        assertThat(page.getElementById("incident-20260").select("li").first().text())
                .as("newest update first").contains("Identified", "(operator)");
    }

    @Test
    void page_withoutIncidents_saysSo() {
        Document page = html(generator.generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 0)));

        assertThat(page.select("section[aria-labelledby=inc] p").text()).isEqualTo("No incidents in the last 90 days.");
    }
}
