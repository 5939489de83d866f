package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.abuse.AbuseReport;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.ShortCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The warning page of a blocked destination, the report-abuse form of the preview page, and the form's blocklist check. */
class AbuseControlsPageTest {
    private final TestSite site = TestSite.create();
    private final Browser browser = site.browser();

    private List<AbuseReport> reports() {
        return site.abuseReports.list(Optional.empty(), Optional.empty(), 100).reports();
    }

    @Test
    void aLinkWhoseHostWasBlockedLater_answersAWarningPage_notARedirect() {
        site.save("later", "https://cdn.evil.example/login?x=1");
        site.blockedHosts.add("evil.example");

        APIGatewayV2HTTPResponse response = site.send(Requests.get("/later"));

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).doesNotContainKey("Location").containsEntry("Cache-Control", "no-store");
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("h1").text()).isEqualTo("Warning: link blocked");
        assertThat(page.text()).contains("https://cdn.evil.example/login?x=1");
        assertThat(page.select("a[href*=evil.example]")).isEmpty();
        assertThat(page.select("a[href$=later+]")).hasSize(1);
        assertThat(site.clicks).isEmpty();
    }

    @Test
    void thePreviewOfABlockedLink_warns_andDoesNotLinkToTheDestination() {
        site.save("prev", "https://evil.example/");
        site.blockedHosts.add("evil.example");

        browser.open("/prev+");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.text("blocked")).contains("blocklist");
        assertThat(browser.element("destination").tagName()).isEqualTo("span");
    }

    @Test
    void theFormRefusesABlockedHost_onTheUrlField() {
        site.blockedHosts.add("evil.example");

        browser.open("/").submit(Map.of("url", "https://www.evil.example/win"));

        assertThat(browser.status()).isEqualTo(400);
        assertThat(browser.text("main")).contains("blocklist");
        assertThat(site.links.size()).isZero();
    }

    @Test
    void thePreviewPage_hasAReportForm_andAReportIsStored_withoutDisablingTheLink() {
        site.save("spam", "https://example.com/offer");

        browser.open("/spam+");
        assertThat(browser.element("report-form").attr("action")).isEqualTo("/spam+");
        assertThat(browser.element("reason").select("option")).extracting(o -> o.val())
                .containsExactly("spam", "phishing", "malware", "illegal", "other");
        browser.submitForm("report-form", Map.of("reason", "phishing", "comment", "  asks for\nmy PIN  "));

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.page.select("h1").text()).isEqualTo("Thank you");
        assertThat(reports()).singleElement().satisfies(report -> {
            assertThat(report.code()).isEqualTo(new ShortCode("spam"));
            assertThat(report.comment()).isEqualTo("asks for my PIN");
            assertThat(report.reporter().id()).startsWith("anon:").doesNotContain("198.51.100");
        });
        assertThat(site.links.find(new ShortCode("spam")).orElseThrow().status()).isEqualTo(LinkStatus.ACTIVE);
    }

    @Test
    void aReportWithoutAValidToken_orFromAnotherSite_isRefused() {
        site.save("csrf", "https://example.com/");
        browser.open("/csrf+");

        browser.postTo("/csrf+", Map.of("reason", "spam"));
        assertThat(browser.status()).isEqualTo(403);
        APIGatewayV2HTTPResponse crossSite = site.send(Requests.post("/csrf+").form("reason=spam&token=x")
                .header("sec-fetch-site", "cross-site"));
        assertThat(crossSite.getStatusCode()).isEqualTo(403);
        assertThat(reports()).isEmpty();
    }

    @Test
    void badReports_getSpecificAnswers_neverA500() {
        site.save("bad", "https://example.com/");
        browser.open("/bad+");

        browser.submitForm("report-form", Map.of("reason", "because"));
        assertThat(browser.status()).isEqualTo(400);
        browser.open("/bad+").submitForm("report-form", Map.of("reason", "spam", "comment", "x".repeat(1001)));
        assertThat(browser.status()).isEqualTo(400);
        browser.open("/bad+");
        String token = browser.element("report-form").selectFirst("input[name=token]").val();
        browser.postTo("/nothing+", Map.of("token", token, "reason", "spam"));
        assertThat(browser.status()).isEqualTo(404);
        APIGatewayV2HTTPResponse notAForm = site.send(Requests.post("/bad+").body("application/json", "{}")
                .header("sec-fetch-site", "same-origin"));
        assertThat(notAForm.getStatusCode()).isEqualTo(400);
        assertThat(reports()).isEmpty();
    }

    @Test
    void reports_areRateLimitedPerAddress_with429AndRetryAfter() {
        site.save("flood", "https://example.com/");
        for (int i = 0; i < WebSite.REPORT_LIMIT.burst(); i++) {
            browser.open("/flood+").submitForm("report-form", Map.of("reason", "spam"));
            assertThat(browser.status()).isEqualTo(200);
        }

        browser.open("/flood+").submitForm("report-form", Map.of("reason", "spam"));

        assertThat(browser.status()).isEqualTo(429);
        assertThat(Long.parseLong(browser.response.getHeaders().get("Retry-After"))).isPositive();
        assertThat(site.limiter.keys).allSatisfy(key -> assertThat(key).startsWith(WebSite.REPORT_BUCKET_PREFIX)
                .doesNotContain("198.51.100"));
        assertThat(reports()).hasSize(WebSite.REPORT_LIMIT.burst());
        browser.from("198.51.100.99").open("/flood+").submitForm("report-form", Map.of("reason", "spam"));
        assertThat(browser.status()).as("another address has its own allowance").isEqualTo(200);
    }
}
