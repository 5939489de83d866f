package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The form page, with everything it loads (stylesheet, icon, any script), stays within 30 KB. */
class PageWeightTest {
    static final int BUDGET_BYTES = 30 * 1024;

    @Test
    void formPage_withItsAssets_isAtMost30KB() {
        TestSite site = TestSite.create();
        Browser browser = site.browser().open("/");
        int total = bytes(browser.response.getBody());
        for (String url : browser.page.select("link[href^=/static/]").eachAttr("href")) {
            total += fetch(site, url);
        }
        for (String src : browser.page.select("script[src]").eachAttr("src")) {
            total += fetch(site, src);
        }

        assertThat(total).isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void formPageWithErrors_inPortuguese_isAlsoWithinBudget() {
        TestSite site = TestSite.create();
        Browser browser = site.browser().acceptLanguage("pt-PT").open("/");
        browser.submit(java.util.Map.of("url", "javascript:x", "code", "a b", "title", "t".repeat(501), "expires", "x"));
        int total = bytes(browser.response.getBody());
        for (String url : browser.page.select("link[href^=/static/]").eachAttr("href")) {
            total += fetch(site, url);
        }

        assertThat(browser.status()).isEqualTo(400);
        assertThat(total).isLessThanOrEqualTo(BUDGET_BYTES);
    }

    private static int fetch(TestSite site, String url) {
        int q = url.indexOf('?');
        var response = site.send(Requests.get(q < 0 ? url : url.substring(0, q)).query(q < 0 ? "" : url.substring(q + 1)));
        assertThat(response.getStatusCode()).as(url).isEqualTo(200);
        return bytes(response.getBody());
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
