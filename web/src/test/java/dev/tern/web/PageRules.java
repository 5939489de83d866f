package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every HTML response of the site must satisfy; {@link TestSite} applies it to every response
 * its tests receive, so every page rendered in a test is scanned.
 */
final class PageRules {
    /** Attributes whose value a browser follows or loads as a URL. */
    private static final java.util.Set<String> URL_ATTRIBUTES =
            java.util.Set.of("href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background");
    private PageRules() {
    }

    static boolean isHtml(APIGatewayV2HTTPResponse response) {
        String type = header(response, "Content-Type");
        return type != null && type.startsWith("text/html");
    }

    /** Security headers, and a body with no inline script, event handler, {@code javascript:} URL or inline style. */
    static void check(APIGatewayV2HTTPResponse response, boolean https) {
        assertThat(response.getStatusCode()).as("never a bare 500 without a page").isBetween(200, 599);
        Map<String, String> headers = response.getHeaders();
        String csp = headers.get("Content-Security-Policy");
        assertThat(csp).as("CSP").isNotNull().contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("X-Frame-Options", "DENY")
                .containsKey("Referrer-Policy");
        if (https) {
            assertThat(headers).containsKey("Strict-Transport-Security");
        } else {
            assertThat(headers).doesNotContainKey("Strict-Transport-Security");
        }
        String body = response.getBody();
        if (body == null || body.isEmpty()) {
            return;
        }
        assertThat(body).as("no stack trace").doesNotContain("Exception", "\tat ", "dev.tern.");
        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("html").attr("lang")).as("html lang").isNotBlank();
        assertThat(page.select("h1")).as("one h1").hasSize(1);
        for (Element script : page.select("script")) {
            assertThat(script.hasAttr("src")).as("inline script: " + script).isTrue();
            assertThat(script.data()).as("script body").isBlank();
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("event handler on " + element.tagName()).doesNotStartWith("on");
                assertThat(name).as("inline style on " + element.tagName()).isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(name)) {
                    assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT)).as("javascript: URL in " + name)
                            .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        boolean ownStyle = csp.contains("style-src 'self'");
        if (ownStyle) {
            assertThat(page.select("style")).as("no <style> element under style-src 'self'").isEmpty();
        }
        assertThat(body.toLowerCase(Locale.ROOT)).as("no meta refresh").doesNotContain("http-equiv=\"refresh\"");
    }

    static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> e : response.getHeaders().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
