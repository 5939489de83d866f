package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YOURLS's bookmarklet trick: {@code /https://example.com/x?y=1} opens the form with that URL filled in. */
class PrefixAndShortenTest {
    private final TestSite site = TestSite.create();

    @ParameterizedTest(name = "{0} ? {1}")
    @CsvSource(delimiter = '|', value = {
            "/https://example.com/x         | y=1       | https://example.com/x?y=1",
            "/https:/example.com/x          | ''        | https://example.com/x",
            "/http://example.com/           | ''        | http://example.com/",
            "/HTTPS://Example.com/Path      | a=1&b=2   | https://Example.com/Path?a=1&b=2",
            "/https://example.com/a%20b     | lang=pt   | https://example.com/a%20b?lang=pt",
    })
    void prefixedUrl_opensTheFormPrefilled(String path, String query, String expected) {
        Browser browser = site.browser().open(path, query);

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.element("url").val()).isEqualTo(expected);
        assertThat(browser.element("code").val()).isEmpty();
        assertThat(site.links.size()).as("never created without a post").isZero();
        assertThat(browser.element("lang-pt").attr("href")).as("the query belongs to the URL").isEqualTo("/?lang=pt-PT");
        assertThat(browser.page.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void prefilledValue_isEscaped() {
        Browser browser = site.browser().open("/https://example.com/\"><script>alert(1)</script>", "q=<b>");

        assertThat(browser.response.getBody()).doesNotContain("<script>alert", "<b>");
        assertThat(browser.element("url").val()).isEqualTo("https://example.com/\"><script>alert(1)</script>?q=<b>");
    }

    @Test
    void prefilledForm_createsTheLinkWhenSubmitted() {
        Browser browser = site.browser().open("/https://example.com/x", "y=1");

        browser.submit(Map.of("url", browser.element("url").val()));

        assertThat(browser.status()).isEqualTo(201);
        assertThat(browser.page.select(".facts dd").first().text()).isEqualTo("https://example.com/x?y=1");
    }

    @Test
    void prefixedUrl_parsing() {
        assertThat(SiteHandler.prefixedUrl("/https://", "")).isEmpty();
        assertThat(SiteHandler.prefixedUrl("/ftp://example.com/", "")).isEmpty();
        assertThat(SiteHandler.prefixedUrl("/https:example.com", "")).isEmpty();
        assertThat(SiteHandler.prefixedUrl("/https:///example.com", "")).isEqualTo(Optional.of("https://example.com"));
    }
}
