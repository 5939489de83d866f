package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.link.LinkStatus;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private final TestSite site = TestSite.create();

    @Test
    void shortCode_isTheRedirect_withAClick() {
        site.save("promo", "https://example.com/target");

        APIGatewayV2HTTPResponse response = site.send(Requests.get("/promo"));

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(response.getHeaders()).containsEntry("Location", "https://example.com/target");
        assertThat(site.clicks).hasSize(1);
        assertThat(site.send(Requests.get("/promo/")).getStatusCode()).isEqualTo(301);
        assertThat(site.send(Requests.head("/promo")).getStatusCode()).isEqualTo(301);
    }

    @Test
    void health_isTheRegionsHealthJson_notALink() {
        APIGatewayV2HTTPResponse response = site.send(Requests.get("/health"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/health+json");
        assertThat(response.getBody()).contains("\"status\":\"pass\"");
        assertThat(site.clicks).isEmpty();
    }

    @Test
    void redirectPages_getTheSitesSecurityHeadersToo() {
        site.save("off", "https://example.com/", LinkStatus.DISABLED);

        for (String path : new String[] {"/nothing", "/off", "/a/b/c", "/static/missing.css", "/favicon.ico"}) {
            APIGatewayV2HTTPResponse response = site.send(Requests.get(path));
            assertThat(response.getStatusCode()).as(path).isIn(404, 410);
            assertThat(response.getHeaders()).containsEntry("X-Frame-Options", "DENY")
                    .containsEntry("X-Content-Type-Options", "nosniff").containsKey("Referrer-Policy");
            assertThat(Jsoup.parse(response.getBody()).select("a[href]")).as("a link home").isNotEmpty();
        }
        APIGatewayV2HTTPResponse overHttps = site.send(Requests.get("/nothing").header("x-forwarded-proto", "https"));
        assertThat(overHttps.getHeaders()).containsKey("Strict-Transport-Security");
    }

    @Test
    void otherMethodsOnAShortCode_areTheRedirects405() {
        site.save("promo", "https://example.com/");

        APIGatewayV2HTTPResponse response = site.send(Requests.post("/promo").form("x=1"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void otherMethodsOnHome_are405WithAllow() {
        APIGatewayV2HTTPResponse response = site.send(Requests.request("PUT", "/"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD, POST");
    }

    @Test
    void headHome_hasNoBodyAndSetsNoCookie() {
        APIGatewayV2HTTPResponse response = site.send(Requests.head("/"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEmpty();
        assertThat(response.getCookies()).isNull();
    }

    @Test
    void postThatIsNotAForm_isA400Page() {
        APIGatewayV2HTTPResponse response = site.send(Requests.post("/").body("application/json", "{\"url\":\"https://example.com/\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.getBody()).select("h1").text()).isEqualTo("The form could not be read");
    }

    @Test
    void staticFiles_haveTypesCachingAndEtags() {
        StaticAssets assets = new StaticAssets();
        Map<String, String> types = Map.of("tern.css", "text/css; charset=utf-8", "tern.js", "text/javascript; charset=utf-8",
                "favicon.svg", "image/svg+xml");
        types.forEach((name, type) -> {
            String version = assets.find(name).orElseThrow().version();
            APIGatewayV2HTTPResponse current = site.send(Requests.get("/static/" + name).query("v=" + version));
            assertThat(current.getStatusCode()).isEqualTo(200);
            assertThat(current.getHeaders()).containsEntry("Content-Type", type)
                    .containsEntry("Cache-Control", "public, max-age=31536000, immutable")
                    .containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("ETag", "\"" + version + "\"");
            assertThat(current.getBody()).isNotEmpty();

            APIGatewayV2HTTPResponse unversioned = site.send(Requests.get("/static/" + name));
            assertThat(unversioned.getHeaders()).containsEntry("Cache-Control", "public, max-age=300");

            APIGatewayV2HTTPResponse notModified = site.send(Requests.get("/static/" + name).header("if-none-match", "\"" + version + "\""));
            assertThat(notModified.getStatusCode()).isEqualTo(304);
            assertThat(notModified.getBody()).isEmpty();

            APIGatewayV2HTTPResponse head = site.send(Requests.head("/static/" + name));
            assertThat(head.getStatusCode()).isEqualTo(200);
            assertThat(head.getBody()).isEmpty();
        });
    }

    @Test
    void pagesLinkTheCurrentVersionsOfTheStaticFiles() {
        StaticAssets assets = new StaticAssets();

        Browser browser = site.browser().open("/");

        assertThat(browser.page.select("link[rel=stylesheet]").attr("href")).isEqualTo(assets.url("tern.css"));
        assertThat(browser.page.select("link[rel=icon]").attr("href")).isEqualTo(assets.url("favicon.svg"));
    }

    @Test
    void previewCode_parsing() {
        assertThat(SiteHandler.previewCode("/abc+")).map(Object::toString).contains("abc");
        assertThat(SiteHandler.previewCode("/abc+/")).map(Object::toString).contains("abc");
        assertThat(SiteHandler.previewCode("/a-b_C+")).map(Object::toString).contains("a-b_C");
        assertThat(SiteHandler.previewCode("/+")).isEmpty();
        assertThat(SiteHandler.previewCode("/a.b+")).isEmpty();
        assertThat(SiteHandler.previewCode("/a/b+")).isEmpty();
        assertThat(SiteHandler.previewCode("/abc")).isEmpty();
        assertThat(SiteHandler.previewCode("abc+")).isEmpty();
    }

    @Test
    void snapStartPriming_servesHealthAMissingCodeAndTheForm_writingNothing() {
        site.handler.prime();

        assertThat(site.send(Requests.get("/tern-snapstart-priming")).getStatusCode()).isEqualTo(404);
        assertThat(site.links.size()).isZero();
        assertThat(site.clicks).isEmpty();
    }
}
