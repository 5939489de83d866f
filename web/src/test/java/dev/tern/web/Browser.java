package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A tiny browser over a {@link TestSite}: keeps cookies (Set-Cookie in, cookies out), remembers the
 * last page, submits its form with the hidden token, sends {@code Origin} and
 * {@code Sec-Fetch-Site} like a real browser posting a same-origin form.
 */
final class Browser {
    private final TestSite site;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String acceptLanguage;
    private String sourceIp = "198.51.100.23";
    APIGatewayV2HTTPResponse response;
    Document page;

    Browser(TestSite site) {
        this.site = site;
    }

    Browser acceptLanguage(String value) {
        acceptLanguage = value;
        return this;
    }

    Browser from(String ip) {
        sourceIp = ip;
        return this;
    }

    Map<String, String> cookies() {
        return cookies;
    }

    Browser open(String path) {
        return open(path, "");
    }

    Browser open(String path, String query) {
        return send(prepare(Requests.get(path).query(query)));
    }

    /** Fills the current page's creation form (keeping its token) and submits it. */
    Browser submit(Map<String, String> fields) {
        Element form = page.getElementById("create-form");
        assertThat(form).as("a creation form on the page").isNotNull();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("token", form.selectFirst("input[name=token]").val());
        values.putAll(fields);
        return post(values);
    }

    /** Posts exactly these fields to {@code /}, as the form would. */
    Browser post(Map<String, String> fields) {
        return postTo("/", fields);
    }

    /** Fills the current page's form {@code formId} (keeping its token) and submits it to the form's action. */
    Browser submitForm(String formId, Map<String, String> fields) {
        Element form = page.getElementById(formId);
        assertThat(form).as("a form #" + formId + " on the page").isNotNull();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("token", form.selectFirst("input[name=token]").val());
        values.putAll(fields);
        return postTo(form.attr("action"), values);
    }

    /** Posts exactly these fields to {@code path}, as a form of this site would. */
    Browser postTo(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(prepare(Requests.post(path).form(body.toString())
                .header("origin", TestSite.BASE).header("sec-fetch-site", "same-origin")));
    }

    String token() {
        return page.getElementById("create-form").selectFirst("input[name=token]").val();
    }

    int status() {
        return response.getStatusCode();
    }

    String text(String id) {
        Element element = page.getElementById(id);
        assertThat(element).as("#" + id).isNotNull();
        return element.text();
    }

    Element element(String id) {
        return page.getElementById(id);
    }

    private Requests.Builder prepare(Requests.Builder request) {
        cookies.forEach(request::cookie);
        if (acceptLanguage != null) {
            request.header("accept-language", acceptLanguage);
        }
        return request.sourceIp(sourceIp);
    }

    private Browser send(Requests.Builder request) {
        response = site.send(request);
        if (response.getCookies() != null) {
            for (String setCookie : response.getCookies()) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        page = Jsoup.parse(response.getBody() == null ? "" : response.getBody());
        return this;
    }
}
