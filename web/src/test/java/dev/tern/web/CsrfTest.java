package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The form is refused without a valid token bound to the browser's cookie, or from another site. */
class CsrfTest {
    private static final String FORM = "url=https%3A%2F%2Fexample.com%2F&code=csrf";

    private final TestSite site = TestSite.create();
    private final Browser browser = site.browser();

    @Test
    void validToken_isAccepted() {
        browser.open("/").submit(Map.of("url", "https://example.com/", "code", "csrf"));

        assertThat(browser.status()).isEqualTo(201);
    }

    @Test
    void missingToken_isRefused_andTheFormComesBackWithTheValuesAndAFreshToken() {
        browser.open("/");
        browser.post(Map.of("url", "https://example.com/kept", "code", "csrf"));

        assertRefused(browser.response, "Please send the form again");
        assertThat(browser.element("url").val()).isEqualTo("https://example.com/kept");
        assertThat(browser.text("main")).contains("cookies");
        browser.submit(Map.of("url", "https://example.com/kept", "code", "csrf"));
        assertThat(browser.status()).as("sending the refreshed form works").isEqualTo(201);
    }

    @Test
    void missingCookie_isRefused() {
        browser.open("/");
        String token = browser.token();

        APIGatewayV2HTTPResponse response = site.send(Requests.post("/").form(FORM + "&token=" + token));

        assertRefused(response, "Please send the form again");
    }

    @Test
    void expiredToken_isRefused() {
        browser.open("/");
        site.clock.advance(FormTokens.LIFETIME.plusSeconds(1));

        browser.submit(Map.of("url", "https://example.com/", "code", "csrf"));

        assertRefused(browser.response, "This form has expired");
        browser.submit(Map.of("url", "https://example.com/", "code", "csrf"));
        assertThat(browser.status()).isEqualTo(201);
    }

    @Test
    void tokenJustBeforeExpiry_isAccepted() {
        browser.open("/");
        site.clock.advance(FormTokens.LIFETIME.minus(Duration.ofSeconds(1)));

        browser.submit(Map.of("url", "https://example.com/", "code", "csrf"));

        assertThat(browser.status()).isEqualTo(201);
    }

    @Test
    void forgedToken_isRefused() {
        browser.open("/");
        String token = browser.token();
        String[] parts = token.split("\\.");
        String laterExpiry = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];
        String otherMac = parts[0] + "." + parts[1] + "." + parts[2] + "." + "A".repeat(43);

        for (String forged : new String[] {laterExpiry, otherMac, "v1.garbage", "nonsense", token + "x"}) {
            browser.post(Map.of("token", forged, "url", "https://example.com/", "code", "csrf"));
            assertRefused(browser.response, "Please send the form again");
        }
    }

    @Test
    void tokenSignedWithAnotherSecret_isRefused() {
        TestSite other = TestSite.withEnv(Map.of("TERN_SECRET",
                Base64.getEncoder().encodeToString("another-secret-of-at-least-32-bytes!!".getBytes())));
        Browser elsewhere = other.browser().open("/");

        browser.open("/");
        browser.cookies().put("tern-form", elsewhere.cookies().get("tern-form"));
        browser.post(Map.of("token", elsewhere.token(), "url", "https://example.com/", "code", "csrf"));

        assertRefused(browser.response, "Please send the form again");
    }

    @Test
    void tokenOfAnotherBrowsersCookie_isRefused() {
        Browser attacker = site.browser().open("/");
        browser.open("/");

        browser.post(Map.of("token", attacker.token(), "url", "https://example.com/", "code", "csrf"));

        assertRefused(browser.response, "Please send the form again");
    }

    @Test
    void crossSitePosts_areRefusedBeforeAnythingElse() {
        browser.open("/");
        String body = FORM + "&token=" + browser.token();
        String cookie = browser.cookies().get("tern-form");

        APIGatewayV2HTTPResponse fetchMetadata = site.send(Requests.post("/").form(body).cookie("tern-form", cookie)
                .header("sec-fetch-site", "cross-site"));
        APIGatewayV2HTTPResponse otherOrigin = site.send(Requests.post("/").form(body).cookie("tern-form", cookie)
                .header("origin", "https://evil.example"));
        APIGatewayV2HTTPResponse otherPort = site.send(Requests.post("/").form(body).cookie("tern-form", cookie)
                .header("origin", "http://127.0.0.1:9999"));

        for (APIGatewayV2HTTPResponse response : new APIGatewayV2HTTPResponse[] {fetchMetadata, otherOrigin, otherPort}) {
            assertThat(response.getStatusCode()).isEqualTo(403);
            Document page = Jsoup.parse(response.getBody());
            assertThat(page.select("h1").text()).isEqualTo("Request refused");
            assertThat(page.select("a[href=/]")).isNotEmpty();
            assertThat(page.getElementById("create-form")).as("no form handed to another site").isNull();
        }
        assertThat(site.links.size()).isZero();
    }

    @Test
    void sameOriginPosts_fromTheRequestsOwnHost_areAccepted() {
        browser.open("/");
        String body = FORM + "&token=" + browser.token();

        APIGatewayV2HTTPResponse response = site.send(Requests.post("/").form(body).cookie("tern-form", browser.cookies().get("tern-form"))
                .header("host", "localhost:8080").header("origin", "http://localhost:8080").header("sec-fetch-site", "same-origin"));

        assertThat(response.getStatusCode()).isEqualTo(201);
    }

    @Test
    void overHttps_theCookieIsHostPrefixedAndSecure_andHstsIsSent() {
        TestSite secure = TestSite.withEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://tern.example"));
        APIGatewayV2HTTPResponse form = secure.send(Requests.get("/").header("host", "tern.example"));

        assertThat(form.getCookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("__Host-tern-form=").contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("Domain"));
        assertThat(form.getHeaders()).containsEntry("Strict-Transport-Security", SecurityHeaders.HSTS);
        String nonce = form.getCookies().get(0).split(";")[0].split("=", 2)[1];
        String token = Jsoup.parse(form.getBody()).selectFirst("input[name=token]").val();

        APIGatewayV2HTTPResponse plainCookie = secure.send(Requests.post("/").form(FORM + "&token=" + token)
                .cookie("tern-form", nonce).header("host", "tern.example").header("origin", "https://tern.example"));
        APIGatewayV2HTTPResponse hostCookie = secure.send(Requests.post("/").form(FORM + "&token=" + token)
                .cookie("__Host-tern-form", nonce).header("host", "tern.example").header("origin", "https://tern.example"));

        assertThat(plainCookie.getStatusCode()).as("only the __Host- cookie counts over https").isEqualTo(403);
        assertThat(hostCookie.getStatusCode()).isEqualTo(201);
    }

    @Test
    void forwardedHttps_alsoGetsHsts() {
        APIGatewayV2HTTPResponse response = site.send(Requests.get("/").header("x-forwarded-proto", "https"));

        assertThat(response.getHeaders()).containsKey("Strict-Transport-Security");
        assertThat(site.send(Requests.get("/")).getHeaders()).doesNotContainKey("Strict-Transport-Security");
    }

    private void assertRefused(APIGatewayV2HTTPResponse response, String heading) {
        assertThat(response.getStatusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("h1").text()).isEqualTo(heading);
        assertThat(page.select("a[href=/]")).as("a link home").isNotEmpty();
        assertThat(site.links.size()).isZero();
    }
}
