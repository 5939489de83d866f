package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PreviewPageTest {
    private static final ShortCode CODE = new ShortCode("promo");

    private final TestSite site = TestSite.create();

    @Test
    void preview_showsDestinationTitleCreationAndClicks_withoutRedirecting() {
        site.save(Link.newActive(CODE, LongUrl.fromStored("https://example.com/a/long/page?x=1&y=2"), "Autumn promo",
                Instant.parse("2026-10-01T08:30:00Z"), Creator.apiKey("t")));
        site.count("b1", click(0, "https://t.co/x", "PT"), click(0, null, "PT"), click(3, "https://news.example.org/", "DE"));

        Browser browser = site.browser().open("/promo+");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.response.getHeaders()).doesNotContainKey("Location");
        assertThat(browser.text("destination")).isEqualTo("https://example.com/a/long/page?x=1&y=2");
        assertThat(browser.element("destination").attr("rel")).contains("nofollow", "noopener", "noreferrer");
        assertThat(browser.text("clicks")).isEqualTo("3");
        assertThat(browser.page.text()).contains("Autumn promo", "1 October 2026, 08:30 UTC", "http://127.0.0.1:8080/promo");
        assertThat(browser.page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(site.clicks).as("a preview is not a click").isEmpty();
    }

    @Test
    void preview_chartHasThirtyLabelledBarsAndATableAlternative() {
        site.save("promo", "https://example.com/");
        site.count("b1", click(0, null, ""), click(0, null, ""), click(29, null, ""), click(30, null, ""));

        Browser browser = site.browser().open("/promo+");

        Element chart = browser.page.selectFirst("svg#clicks-chart");
        assertThat(chart).isNotNull();
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-labelledby")).isEqualTo("chart-title chart-desc");
        assertThat(chart.select("rect.bar")).hasSize(30)
                .allSatisfy(bar -> assertThat(bar.selectFirst("title").text()).matches("\\d{1,2} \\w{3} 2026: \\d+ clicks?"));
        assertThat(chart.select("rect.bar").last().selectFirst("title").text()).isEqualTo("23 Nov 2026: 2 clicks");
        assertThat(chart.select("rect.bar").first().selectFirst("title").text()).isEqualTo("25 Oct 2026: 1 click");
        assertThat(chart.selectFirst("desc").text()).isEqualTo("3 clicks in the last 30 days. Busiest day: 23 Nov 2026, with 2 clicks.");
        assertThat(browser.page.select("table tbody tr")).hasSize(30);
        assertThat(browser.page.select("table tbody tr").last().text()).isEqualTo("23 Nov 2026 2");
        assertThat(browser.text("clicks")).as("the total counts every day, not just 30").isEqualTo("4");
    }

    @Test
    void preview_topReferrersAndCountries_mostFirst() {
        site.save("promo", "https://example.com/");
        site.count("b1", click(0, "https://t.co/a", "PT"), click(1, "https://t.co/b", "PT"), click(2, null, "DE"),
                click(2, "https://news.example.org/", ""));

        Browser browser = site.browser().open("/promo+");

        assertThat(browser.page.select("#referrers li")).extracting(Element::text)
                .containsExactly("t.co 2", "Direct (no referrer) 1", "news.example.org 1");
        assertThat(browser.page.select("#countries li")).extracting(Element::text)
                .containsExactly("Portugal (PT) 2", "Germany (DE) 1");
    }

    @Test
    void preview_withoutClicks_hasEmptyListsAndAFlatChart() {
        site.save("promo", "https://example.com/");

        Browser browser = site.browser().open("/promo+/");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.text("clicks")).isEqualTo("0");
        assertThat(browser.page.select("#referrers li")).isEmpty();
        assertThat(browser.page.select("#countries li")).isEmpty();
        assertThat(browser.page.select("svg#clicks-chart rect.bar.zero")).hasSize(30);
    }

    @Test
    void preview_inPortuguese_namesCountriesAndDatesInPortuguese() {
        site.save(Link.newActive(CODE, LongUrl.fromStored("https://example.com/"), "", Instant.parse("2026-10-01T08:30:00Z"),
                Creator.apiKey("t")));
        site.count("b1", click(0, null, "DE"));

        Browser browser = site.browser().acceptLanguage("pt-PT,pt;q=0.9").open("/promo+");

        assertThat(browser.page.selectFirst("html").attr("lang")).isEqualTo("pt-PT");
        assertThat(browser.page.text()).contains("1 de outubro de 2026, 08:30 UTC", "Direto (sem origem)");
        assertThat(browser.page.select("#countries li").text()).isEqualTo("Alemanha (DE) 1");
        assertThat(browser.page.select("svg#clicks-chart rect.bar").last().selectFirst("title").text()).endsWith(": 1 clique");
    }

    @Test
    void preview_escapesScriptInTitleAndUrl_andLinksOnlyWebUrls() {
        site.save(Link.newActive(CODE, LongUrl.fromStored("https://example.com/?q=\"><script>alert(1)</script>"),
                "<script>alert('t')</script>", TestSite.NOW, Creator.apiKey("t")));
        site.save(Link.newActive(new ShortCode("mail"), LongUrl.fromStored("mailto:someone@example.com"), "", TestSite.NOW,
                Creator.apiKey("t")));

        Browser browser = site.browser().open("/promo+");
        assertThat(browser.response.getBody()).doesNotContain("<script>alert");
        assertThat(browser.text("destination")).isEqualTo("https://example.com/?q=\"><script>alert(1)</script>");
        assertThat(browser.text("link-title")).isEqualTo("<script>alert('t')</script>");

        browser.open("/mail+");
        assertThat(browser.element("destination").tagName()).as("only http(s) destinations are links").isEqualTo("span");
        assertThat(browser.text("destination")).isEqualTo("mailto:someone@example.com");
    }

    @Test
    void preview_escapedPlus_isAlsoAPreview() {
        site.save("promo", "https://example.com/");

        assertThat(site.send(Requests.get("/promo%2B")).getStatusCode()).isEqualTo(200);
        assertThat(site.send(Requests.get("/promo%2b/")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void unknownCode_is404WithItsOwnPage() {
        Browser browser = site.browser().open("/nothing+");

        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.page.select("h1").text()).isEqualTo("Link not found");
        assertThat(browser.page.text()).contains("There is no short link \"nothing\"");
        assertThat(browser.element("home-link").attr("href")).isEqualTo("/");
    }

    @Test
    void unknownCode_withRedirectHome_goesHome() {
        TestSite yourlsLike = TestSite.withEnv(Map.of("TERN_UNKNOWN_CODE", "redirect-home"));

        APIGatewayV2HTTPResponse response = yourlsLike.send(Requests.get("/nothing+"));

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders()).containsEntry("Location", TestSite.BASE);
    }

    @Test
    void expiredDisabledAndDeleted_are410WithTheirOwnPages() {
        site.save(Link.newActive(new ShortCode("old"), LongUrl.fromStored("https://example.com/"), "", TestSite.NOW.minusSeconds(7200),
                Creator.apiKey("t")).withExpiry(Instant.parse("2026-11-23T09:00:00Z")));
        site.save("off", "https://example.com/secret-destination", LinkStatus.DISABLED);
        site.save("gone", "https://example.com/", LinkStatus.DELETED);

        Map<String, String> headings = Map.of("old", "Link expired", "off", "Link disabled", "gone", "Link deleted");
        headings.forEach((code, heading) -> {
            Browser browser = site.browser().open("/" + code + "+");
            assertThat(browser.status()).isEqualTo(410);
            assertThat(browser.page.select("h1").text()).isEqualTo(heading);
            assertThat(browser.page.select("a[href=/]")).isNotEmpty();
            assertThat(browser.element("destination")).as("a gone link's destination is not shown").isNull();
            assertThat(browser.response.getBody()).doesNotContain("secret-destination");
        });
        assertThat(site.browser().open("/old+").page.text()).contains("expired on 23 November 2026, 09:00 UTC");
    }

    @Test
    void storeUnavailable_is503WithRetryAfter() {
        TestSite busy = TestSite.withClickStore(new ClickCounterStore() {
            @Override
            public void add(String batchId, ClickTally tally) {
            }

            @Override
            public long total(ShortCode code) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(3), null);
            }

            @Override
            public SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
                throw new StoreUnavailableException("throttled", Duration.ofSeconds(3), null);
            }
        });
        busy.save("promo", "https://example.com/");

        APIGatewayV2HTTPResponse response = busy.send(Requests.get("/promo+"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "3");
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("h1").text()).isEqualTo("Busy right now");
        assertThat(page.select("a[href=/]")).isNotEmpty();
    }

    @Test
    void head_hasTheStatusAndHeadersWithoutABody() {
        site.save("promo", "https://example.com/");

        APIGatewayV2HTTPResponse found = site.send(Requests.head("/promo+"));
        APIGatewayV2HTTPResponse missing = site.send(Requests.head("/nothing+"));

        assertThat(found.getStatusCode()).isEqualTo(200);
        assertThat(found.getBody()).isEmpty();
        assertThat(found.getHeaders()).containsKey("Content-Security-Policy");
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getBody()).isEmpty();
    }

    private static Click click(int daysAgo, String referer, String country) {
        return Click.of(CODE, TestSite.NOW.minus(Duration.ofDays(daysAgo)), referer, country, "Mozilla/5.0");
    }

}
