package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CreateFormTest {
    private final TestSite site = TestSite.create();
    private final Browser browser = site.browser();

    @Test
    void form_hasTheAgreedFieldsLabelsAndNoErrors() {
        browser.open("/");

        assertThat(browser.status()).isEqualTo(200);
        Element form = browser.element("create-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/");
        for (String id : new String[] {"url", "code", "title", "expires"}) {
            Element input = browser.element(id);
            assertThat(input).as(id).isNotNull();
            assertThat(input.attr("name")).isEqualTo(id);
            assertThat(browser.page.select("label[for=" + id + "]")).as("label of " + id).hasSize(1);
            assertThat(input.attr("aria-describedby")).isEqualTo(id + "-hint");
            assertThat(input.hasAttr("aria-invalid")).isFalse();
            assertThat(browser.element(id + "-error")).as("no error element without an error").isNull();
        }
        assertThat(browser.element("expires").attr("type")).isEqualTo("datetime-local");
        assertThat(browser.element("create").attr("type")).isEqualTo("submit");
        assertThat(browser.token()).startsWith("v1.");
        assertThat(browser.page.select("script")).as("the form needs no script").isEmpty();
    }

    @Test
    void form_setsAStrictHttpOnlyCookie() {
        browser.open("/");

        assertThat(browser.response.getCookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("tern-form=").contains("; Path=/", "; HttpOnly", "; SameSite=Strict").doesNotContain("Secure"));
        assertThat(browser.response.getHeaders()).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void create_showsTheResultWithShortUrlCopyButtonQrAndPreviewLink() {
        browser.open("/").submit(Map.of("url", "https://example.com/a/long/page", "code", "promo", "title", "Autumn promo"));

        assertThat(browser.status()).isEqualTo(201);
        assertThat(browser.element("short-url").val()).isEqualTo("http://127.0.0.1:8080/promo");
        assertThat(browser.element("short-url").hasAttr("readonly")).isTrue();
        Element copy = browser.element("copy");
        assertThat(copy.tagName()).isEqualTo("button");
        assertThat(copy.hasAttr("hidden")).as("shown by the script only").isTrue();
        assertThat(browser.page.select("#qr svg path").attr("d")).startsWith("M");
        assertThat(browser.element("preview-link").attr("href")).isEqualTo("/promo+");
        assertThat(browser.page.select("script[src]").attr("src")).startsWith("/static/tern.js?v=");
        Link stored = site.links.find(new ShortCode("promo")).orElseThrow();
        assertThat(stored.target().value()).isEqualTo("https://example.com/a/long/page");
        assertThat(stored.title()).isEqualTo("Autumn promo");
        assertThat(stored.creator().id()).startsWith("anon:").doesNotContain("198.51.100.23");
    }

    @Test
    void create_withoutCode_generatesOne() {
        browser.open("/").submit(Map.of("url", "example.com/page"));

        assertThat(browser.status()).isEqualTo(201);
        String shortUrl = browser.element("short-url").val();
        assertThat(shortUrl).matches("http://127\\.0\\.0\\.1:8080/[0-9A-Za-z]{7}");
        String code = shortUrl.substring(shortUrl.lastIndexOf('/') + 1);
        assertThat(site.links.find(new ShortCode(code)).orElseThrow().target().value()).isEqualTo("http://example.com/page");
    }

    @Test
    void create_acceptsTheBase64BodyApiGatewaySends() {
        browser.open("/");
        String token = browser.token();
        var response = site.send(Requests.post("/").base64Form("url=https%3A%2F%2Fexample.com%2F&code=b64&token=" + token)
                .cookie("tern-form", browser.cookies().get("tern-form")));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(site.links.find(new ShortCode("b64"))).isPresent();
    }

    @Test
    void create_withExpiry_readsItAsUtc() {
        browser.open("/").submit(Map.of("url", "https://example.com/", "code", "soon", "expires", "2026-12-31T23:59"));

        assertThat(browser.status()).isEqualTo(201);
        assertThat(site.links.find(new ShortCode("soon")).orElseThrow().expiresAt()).isEqualTo(Instant.parse("2026-12-31T23:59:00Z"));
    }

    @Test
    void create_sameFormSubmittedTwice_returnsTheSameLink() {
        browser.open("/");
        String token = browser.token();
        browser.post(Map.of("token", token, "url", "https://example.com/twice"));
        String first = browser.element("short-url").val();
        assertThat(browser.status()).isEqualTo(201);

        browser.post(Map.of("token", token, "url", "https://example.com/twice"));

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.element("short-url").val()).isEqualTo(first);
        assertThat(site.links.size()).isEqualTo(1);
    }

    @Test
    void create_twoForms_createTwoLinks() {
        browser.open("/");
        String firstForm = browser.token();
        browser.open("/");
        String secondForm = browser.token();

        browser.post(Map.of("token", firstForm, "url", "https://example.com/same"));
        String first = browser.element("short-url").val();
        browser.post(Map.of("token", secondForm, "url", "https://example.com/same"));

        assertThat(browser.element("short-url").val()).isNotEqualTo(first);
        assertThat(site.links.size()).isEqualTo(2);
    }

    @Test
    void create_afterTheSameFormWasUsedForOtherValues_asksToSendAgain() {
        browser.open("/");
        String token = browser.token();
        browser.post(Map.of("token", token, "url", "https://example.com/one"));

        browser.post(Map.of("token", token, "url", "https://example.com/two"));

        assertThat(browser.status()).isEqualTo(409);
        assertThat(browser.element("url").val()).isEqualTo("https://example.com/two");
        assertThat(browser.token()).isNotEqualTo(token);
        browser.submit(Map.of("url", "https://example.com/two"));
        assertThat(browser.status()).isEqualTo(201);
    }

    @Test
    void anonymousCreateOff_formSaysSoAndPostIsForbidden() {
        TestSite off = TestSite.withEnv(Map.of("TERN_ANONYMOUS_CREATE", "false"));
        Browser b = off.browser().open("/");

        assertThat(b.status()).isEqualTo(200);
        assertThat(b.element("create-form")).isNull();
        assertThat(b.page.text()).contains("Creating links is switched off");

        b.post(Map.of("url", "https://example.com/", "token", "whatever"));
        assertThat(b.status()).isEqualTo(403);
        assertThat(b.page.select("h1").text()).isEqualTo("Creating links is switched off");
        assertThat(b.page.select("a[href=/]")).isNotEmpty();
        assertThat(off.links.size()).isZero();
        assertThat(off.limiter.keys).isEmpty();
    }

    @Test
    void resultPage_escapesScriptInTitleAndUrl() {
        browser.open("/").submit(Map.of("url", "https://example.com/?q=<script>alert(1)</script>", "code", "xss",
                "title", "<script>alert('t')</script>"));

        assertThat(browser.status()).isEqualTo(201);
        assertThat(browser.response.getBody()).doesNotContain("<script>alert");
        assertThat(browser.page.select(".facts dd").eachText()).contains("<script>alert('t')</script>");
    }

    @Test
    void create_prefilledFromQueryParameter() {
        browser.open("/", "url=https%3A%2F%2Fexample.com%2Fshared");

        assertThat(browser.element("url").val()).isEqualTo("https://example.com/shared");
    }
}
