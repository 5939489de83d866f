package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.ShortCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refused field: a 400 page with the message next to the field, linked by ARIA, and every value kept. */
class FieldErrorsTest {
    private final TestSite site = TestSite.create();
    private final Browser browser = site.browser();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "url     |                              | Enter the long web address you want to shorten.",
            "url     | not a url                    | This is not a web address we can shorten.",
            "url     | javascript:alert(1)          | Links to \"javascript:\" addresses are not allowed",
            "url     | JavaScript:alert(1)          | Links to \"javascript:\" addresses are not allowed",
            "url     | data:text/html,hi            | Links to \"data:\" addresses are not allowed",
            "url     | http:/example.com            | missing the \"//\"",
            "url     | http://127.0.0.1:8080/abc    | already a short link of this site",
            "code    | api                          | \"api\" is reserved by this site",
            "code    | has space                    | can only have letters A to Z",
            "code    | café                         | can only have letters A to Z",
            "expires | tomorrow                     | Enter a date and time such as 2026-12-31 23:59.",
            "expires | 2026-11-23T09:59             | The expiry must be in the future.",
            "expires | 2020-01-01                   | The expiry must be in the future.",
    })
    void badField_isA400WithItsMessageNextToIt(String field, String value, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", "https://example.com/ok");
        fields.put(field, value == null ? "" : value);

        browser.open("/").submit(fields);

        assertThat(browser.status()).isEqualTo(400);
        assertFieldError(field, message);
        assertThat(browser.element(field).val()).as("the value is kept").isEqualTo(value == null ? "" : value);
        assertThat(browser.page.title()).startsWith("Error:");
        assertThat(site.links.size()).isZero();
        assertThat(site.limiter.keys).as("no rate-limit token spent on a refused form").isEmpty();
    }

    @Test
    void tooLongCode_and_tooLongTitle() {
        browser.open("/").submit(Map.of("url", "https://example.com/", "code", "a".repeat(101), "title", "t".repeat(501)));

        assertThat(browser.status()).isEqualTo(400);
        assertFieldError("code", "at most 100 characters");
        assertFieldError("title", "at most 500 characters");
    }

    @Test
    void everyBadField_isReportedAtOnce_withASummaryLinkingToEachField() {
        browser.open("/").submit(Map.of("url", "javascript:x", "code", "static", "title", "ok", "expires", "nope"));

        assertThat(browser.status()).isEqualTo(400);
        assertThat(browser.page.select(".summary a").eachAttr("href")).containsExactly("#url", "#code", "#expires");
        assertThat(browser.element("title-error")).isNull();
        assertThat(browser.element("title").val()).isEqualTo("ok");
    }

    @Test
    void takenCode_isA400OnTheCodeField() {
        site.save("promo", "https://example.com/first");

        browser.open("/").submit(Map.of("url", "https://example.com/second", "code", "promo", "title", "Mine"));

        assertThat(browser.status()).isEqualTo(400);
        assertFieldError("code", "The code \"promo\" is already taken");
        assertThat(browser.element("url").val()).isEqualTo("https://example.com/second");
        assertThat(browser.element("title").val()).isEqualTo("Mine");
        assertThat(site.links.find(new ShortCode("promo")).orElseThrow().target().value()).isEqualTo("https://example.com/first");

        browser.submit(Map.of("url", "https://example.com/second", "code", "promo2"));
        assertThat(browser.status()).as("the fresh form works").isEqualTo(201);
    }

    @Test
    void codeIsCaseSensitive_likeYourls() {
        site.save("promo", "https://example.com/first");

        browser.open("/").submit(Map.of("url", "https://example.com/second", "code", "Promo"));

        assertThat(browser.status()).isEqualTo(201);
    }

    @Test
    void portugueseErrors() {
        browser.acceptLanguage("pt-PT").open("/").submit(Map.of("url", "", "code", "api"));

        assertThat(browser.status()).isEqualTo(400);
        assertThat(browser.text("url-error")).contains("Escreva o endereço longo que quer encurtar.");
        assertThat(browser.text("code-error")).contains("\"api\" está reservado por este site.");
        assertThat(browser.page.title()).startsWith("Erro:");
    }

    @Test
    void scriptInEveryField_isEscapedInTheRefusedForm() {
        String evil = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
        browser.open("/").submit(Map.of("url", evil, "code", evil, "title", evil, "expires", evil));

        assertThat(browser.status()).isEqualTo(400);
        assertThat(browser.response.getBody()).doesNotContain("<script>alert", "<img src=x");
        for (String id : new String[] {"url", "code", "title", "expires"}) {
            assertThat(browser.element(id).val()).isEqualTo(evil);
        }
    }

    private void assertFieldError(String field, String message) {
        Element error = browser.element(field + "-error");
        assertThat(error).as("#" + field + "-error").isNotNull();
        assertThat(error.text()).contains(message);
        Element input = browser.element(field);
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby").split(" ")).contains(field + "-error");
    }
}
