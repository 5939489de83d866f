package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tern.functions.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading parameters as PHP fills {@code $_REQUEST}. */
class YourlsParamsTest {

    private static HttpRequest request(String method, String query, String contentType, String body, boolean base64) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/yourls-api.php");
        event.setRawQueryString(query);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        event.setRequestContext(context);
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return HttpRequest.of(event, null);
    }

    private static YourlsParams post(String contentType, String body) {
        return YourlsParams.fromRequest(request("POST", "", contentType, body, false));
    }

    @Test
    void get_readsTheQueryString() {
        YourlsParams params = YourlsParams.fromQuery("action=shorturl&url=https%3A%2F%2Fe.com%2F%3Fa%3D1%26b%3D2&title=caf%C3%A9+cr%C3%A8me");

        assertThat(params.asMap()).containsExactly(
                Map.entry("action", "shorturl"),
                Map.entry("url", "https://e.com/?a=1&b=2"),
                Map.entry("title", "café crème"));
    }

    @Test
    void get_repeatedName_keepsTheLastValue() {
        assertThat(YourlsParams.fromQuery("format=json&format=xml").get("format")).contains("xml");
    }

    @Test
    void get_badPercentEncoding_staysAsSentLikePhp() {
        YourlsParams params = YourlsParams.fromQuery("a=100%&b=%zz&c=%4&d=%e9&e=%C3%A9");

        assertThat(params.get("a")).contains("100%");
        assertThat(params.get("b")).contains("%zz");
        assertThat(params.get("c")).contains("%4");
        assertThat(params.get("d")).contains("\uFFFD"); // a lone Latin-1 byte is not UTF-8
        assertThat(params.get("e")).contains("é");
    }

    @Test
    void get_nameWithoutValue_isSetAndEmpty() {
        YourlsParams params = YourlsParams.fromQuery("db&&=orphan&x=");

        assertThat(params.has("db")).isTrue();
        assertThat(params.get("db")).contains("");
        assertThat(params.isFilled("db")).isFalse();
        assertThat(params.has("")).isFalse();
        assertThat(params.get("x")).contains("");
    }

    @Test
    void isFilled_followsPhpEmpty() {
        YourlsParams params = YourlsParams.fromQuery("zero=0&blank=&one=1&zeros=00");

        assertThat(params.isFilled("zero")).isFalse();
        assertThat(params.isFilled("blank")).isFalse();
        assertThat(params.isFilled("missing")).isFalse();
        assertThat(params.isFilled("one")).isTrue();
        assertThat(params.isFilled("zeros")).isTrue();
    }

    @Test
    void format_defaultsToXml_andCallbackFallsBackToJsonp() {
        assertThat(YourlsParams.fromQuery("").format()).isEqualTo("xml");
        assertThat(YourlsParams.fromQuery("jsonp=b").callback()).contains("b");
        assertThat(YourlsParams.fromQuery("jsonp=b&callback=a").callback()).contains("a");
        assertThat(YourlsParams.fromQuery("").callback()).isEmpty();
    }

    @Test
    void post_formFieldsWinOverQueryFields() {
        YourlsParams params = YourlsParams.fromRequest(request("POST", "format=xml&action=version",
                "application/x-www-form-urlencoded; charset=UTF-8", "format=json&url=https%3A%2F%2Fe.com", false));

        assertThat(params.asMap()).containsExactly(
                Map.entry("format", "json"),
                Map.entry("action", "version"),
                Map.entry("url", "https://e.com"));
    }

    @Test
    void post_base64BodyFromApiGateway_isDecoded() {
        String body = Base64.getEncoder().encodeToString("action=version&title=%E2%9C%93".getBytes(StandardCharsets.UTF_8));

        YourlsParams params = YourlsParams.fromRequest(request("POST", "", "application/x-www-form-urlencoded", body, true));

        assertThat(params.get("action")).contains("version");
        assertThat(params.get("title")).contains("✓");
    }

    @Test
    void post_invalidBase64_isRefusedWith400() {
        assertThatThrownBy(() -> YourlsParams.fromRequest(request("POST", "format=json", "application/x-www-form-urlencoded", "!!not base64!!", true)))
                .isInstanceOfSatisfying(YourlsRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("base64");
                    assertThat(e.queryParams().format()).isEqualTo("json");
                });
    }

    @Test
    void post_multipartTextFields_areParameters_andFilesAreNot() {
        String body = "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"action\"\r\n\r\n"
                + "shorturl\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"url\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                + "https://e.com/über\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "two\r\nlines\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "\u0089PNG...\r\n"
                + "--XyZ--\r\n";

        YourlsParams params = post("multipart/form-data; boundary=XyZ", body);

        assertThat(params.asMap()).containsExactly(
                Map.entry("action", "shorturl"),
                Map.entry("url", "https://e.com/über"),
                Map.entry("title", "two\r\nlines"));
    }

    @Test
    void post_multipartWithQuotedBoundaryAndBareLineFeeds_isRead() {
        String body = "preamble\n--a:b\nContent-Disposition: form-data; name=format\n\njson\n--a:b--";

        assertThat(post("Multipart/Form-Data; boundary=\"a:b\"", body).get("format")).contains("json");
    }

    @Test
    void post_multipartWithoutBoundary_isRefusedWith400() {
        assertThatThrownBy(() -> post("multipart/form-data", "--x\r\n"))
                .isInstanceOfSatisfying(YourlsRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void post_multipartWithoutClosingDelimiter_isRefusedWith400() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://e.com";

        assertThatThrownBy(() -> post("multipart/form-data; boundary=b", body))
                .isInstanceOfSatisfying(YourlsRequestException.class, e -> assertThat(e.getMessage()).contains("malformed"));
    }

    @Test
    void post_oversizeBody_isRefusedWith413() {
        String body = "url=" + "a".repeat(YourlsParams.MAX_BODY_BYTES);

        assertThatThrownBy(() -> post("application/x-www-form-urlencoded", body))
                .isInstanceOfSatisfying(YourlsRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("The request body is larger than 1048576 bytes");
                });
    }

    @Test
    void post_oversizeBase64Body_isRefusedBeforeDecoding() {
        String body = "A".repeat(YourlsParams.MAX_BODY_BYTES / 3 * 4 + 8);

        assertThatThrownBy(() -> YourlsParams.fromRequest(request("POST", "", "application/x-www-form-urlencoded", body, true)))
                .isInstanceOfSatisfying(YourlsRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(413));
    }

    @Test
    void tooManyParameters_isRefusedWith400() {
        String query = "a=1&".repeat(YourlsParams.MAX_PARAMETERS + 1);

        assertThatThrownBy(() -> YourlsParams.fromQuery(query))
                .isInstanceOfSatisfying(YourlsRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void post_jsonBody_isIgnoredLikePhp() {
        assertThat(post("application/json", "{\"action\":\"version\"}").asMap()).isEmpty();
    }

    @Test
    void get_bodyIsIgnored() {
        YourlsParams params = YourlsParams.fromRequest(request("GET", "a=1", "application/x-www-form-urlencoded", "b=2", false));

        assertThat(params.asMap()).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void bracketedNames_areNotThePlainName() {
        assertThat(YourlsParams.fromQuery("url[]=https://e.com").has("url")).isFalse();
    }

    @Test
    void toString_hidesThePassword() {
        assertThat(YourlsParams.fromQuery("username=a&password=secret").toString()).doesNotContain("secret");
    }
}
