package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four formats on values the recordings do not cover: escaping, PHP's null/false, callbacks. */
class YourlsFormatsTest {
    private final YourlsReplies replies = new YourlsReplies("https://sho.rt/");

    private static YourlsParams params(String... pairs) {
        java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return YourlsParams.of(values);
    }

    private static YourlsLinkView link(String title) {
        return new YourlsLinkView("abc", "https://example.com/a?b=1&c=<2>", title, "2026-01-02 03:04:05", "192.0.2.1", 5);
    }

    @Test
    void json_escapesLikePhpJsonEncode() {
        YourlsReply reply = replies.expanded("abc", "https://e.com/\"q\"\\\t\n\r\b\f\u0001\u007f é€😀", "t");

        String body = YourlsFormats.render(reply, params("format", "json")).body();

        assertThat(body).contains("\"longurl\":\"https:\\/\\/e.com\\/\\\"q\\\"\\\\\\t\\n\\r\\b\\f\\u0001\u007f \\u00e9\\u20ac\\ud83d\\ude00\"");
    }

    @Test
    void xml_escapesTextAndDropsControlCharactersLikeSpatieOverLibxml() {
        YourlsReply reply = replies.expanded("abc", "a&b<c>d\"e'f\tg\u0001h\ni\rj\u007fk é😀", "t");

        String body = YourlsFormats.render(reply, params("format", "xml")).body();

        assertThat(body).contains("<longurl>a&amp;b&lt;c&gt;d\"e'fgh\ni&#13;jk é😀</longurl>");
    }

    @Test
    void xml_isTheDefaultFormat() {
        YourlsRendered rendered = YourlsFormats.render(replies.version("1.10.4", null), YourlsParams.of(Map.of()));

        assertThat(rendered.contentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(rendered.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root><version>1.10.4</version></root>\n");
    }

    @Test
    void nullTitle_isJsonNullAndAnEmptyXmlElement() {
        YourlsReply reply = replies.urlStats(link(null));

        assertThat(YourlsFormats.render(reply, params("format", "json")).body()).contains("\"title\":null");
        assertThat(YourlsFormats.render(reply, params("format", "xml")).body()).contains("<title></title>");
    }

    @Test
    void expandOfALinkWithoutTitle_givesPhpFalse() {
        YourlsReply reply = replies.expanded("abc", "https://e.com/", null);

        assertThat(YourlsFormats.render(reply, params("format", "json")).body()).contains("\"title\":false");
    }

    @Test
    void stats_withoutLinks_hasTheTotalsOnly() {
        YourlsReply reply = replies.stats(List.of(), new YourlsTotals(4855, 4042));

        assertThat(YourlsFormats.render(reply, params("format", "json")).body())
                .isEqualTo("{\"stats\":{\"total_links\":4855,\"total_clicks\":4042},\"statusCode\":\"200\",\"message\":\"success\"}");
    }

    @Test
    void emptyNestedObject_isAnEmptyPhpArray() {
        YourlsReply reply = new YourlsReply(YourlsFields.builder().nested("links", YourlsFields.builder().build()).build(), null);

        assertThat(YourlsFormats.json(reply.fields())).isEqualTo("{\"links\":[]}");
        assertThat(YourlsFormats.xml(reply.fields())).contains("<root><links/></root>");
    }

    @Test
    void callback_isAddedToEveryFormatNotJustJsonp() {
        YourlsReply reply = replies.version("1.10.4", null);

        assertThat(YourlsFormats.render(reply, params("format", "json", "callback", "cb")).body())
                .isEqualTo("{\"version\":\"1.10.4\",\"callback\":\"cb\"}");
        assertThat(YourlsFormats.render(reply, params("format", "xml", "jsonp", "cb")).body())
                .contains("<version>1.10.4</version><callback>cb</callback>");
    }

    @Test
    void callbackParameter_winsOverJsonp() {
        YourlsRendered rendered = YourlsFormats.render(replies.version("1.10.4", null),
                params("format", "jsonp", "jsonp", "second", "callback", "first"));

        assertThat(rendered.body()).isEqualTo("first({\"version\":\"1.10.4\",\"callback\":\"first\"})");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cb_123", "jQuery123.handlers.$cb", "a", "0", "ab\n"})
    void jsonp_acceptsWhatYourlsAccepts(String callback) {
        YourlsRendered rendered = YourlsFormats.render(replies.version("1.10.4", null), params("format", "jsonp", "callback", callback));

        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.body()).startsWith(callback + "(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alert(1)//", "a b", "cb;x", "menu1234", "x\\u0041", "é", "ab\n\n", "\nab"})
    void jsonp_refusesWhatYourlsRefuses(String callback) {
        YourlsRendered rendered = YourlsFormats.render(replies.version("1.10.4", null), params("format", "jsonp", "callback", callback));

        assertThat(rendered.status()).isEqualTo(400);
        assertThat(rendered.contentType()).isEqualTo("application/javascript; charset=utf-8");
        assertThat(rendered.body()).isEqualTo("{\"errorCode\":\"400\",\"error\":\"Invalid callback parameter\"}");
    }

    @Test
    void jsonp_authenticationFailureWithoutCallback_isRefusedAsYourlsDoes() {
        // auth.php always sets 'callback' (empty when absent), and an empty callback is not valid.
        YourlsReply failure = YourlsReplies.authenticationFailed("Please log in", "");

        YourlsRendered rendered = YourlsFormats.render(failure, params("format", "jsonp", "jsonp", "cb"));

        assertThat(rendered.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "JSON", "txt", ""})
    void unknownFormat_isSimple(String format) {
        YourlsRendered rendered = YourlsFormats.render(replies.version("1.10.4", null), params("format", format));

        assertThat(rendered.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(rendered.body()).isEqualTo("1.10.4");
    }

    @Test
    void simple_failedShortUrl_isEmptyWithTheFailureStatus() {
        YourlsRendered rendered = YourlsFormats.render(replies.missingOrMalformedUrl(), params("format", "simple"));

        assertThat(rendered.status()).isEqualTo(400);
        assertThat(rendered.body()).isEmpty();
    }

    @Test
    void shortUrlCreated_trimsALongUrlInTheMessageByCharacters() {
        String url = "https://example.com/" + "é".repeat(60);

        String message = replies.shortUrlCreated(YourlsLinkView.created("k", url, "t", "d", "ip")).text("message").orElseThrow();

        assertThat(message).isEqualTo(url.substring(0, 55) + "[...] added to database");
    }

    @Test
    void urlAlreadyStored_namesTheLinkWithoutScheme() {
        YourlsReply reply = replies.urlAlreadyStored(link("t"));

        assertThat(reply.text("message")).contains("https://example.com/a?b=1&c=<2> already exists in database (short URL: sho.rt/abc)");
        assertThat(reply.httpStatus()).isEqualTo(400);
        assertThat(reply.simpleText()).contains("https://sho.rt/abc");
    }

    @Test
    void keywordUnavailable_withNothingLeftOfTheKeyword_hasTwoSpaces() {
        assertThat(replies.keywordUnavailable("").text("message")).contains("Short URL  already exists in database or is reserved");
    }

    @Test
    void error_carriesItsStatus() {
        YourlsRendered rendered = YourlsFormats.render(replies.error(503, "The link store is unavailable; try again"),
                params("format", "json"));

        assertThat(rendered.status()).isEqualTo(503);
        assertThat(rendered.body()).isEqualTo("{\"errorCode\":\"503\",\"message\":\"The link store is unavailable; try again\"}");
    }

    @Test
    void shortUrl_joinsSiteAndKeyword() {
        assertThat(replies.shortUrl("abc")).isEqualTo("https://sho.rt/abc");
        assertThat(replies.site()).isEqualTo("https://sho.rt");
    }

    @Test
    void withoutSite_takesTheKeywordOutOfAShortUrl() {
        assertThat(replies.withoutSite("https://sho.rt/abc")).isEqualTo("abc");
        assertThat(replies.withoutSite("abc")).isEqualTo("abc");
        assertThat(replies.withoutSite("abc+")).isEqualTo("abc+");
        assertThat(replies.withoutSite("http://sho.rt/abc")).isEqualTo("http://sho.rt/abc");
    }

    @Test
    void databaseError_isYourlsErrorDb500() {
        YourlsRendered rendered = YourlsFormats.render(replies.databaseError(), params("format", "json"));

        assertThat(rendered.status()).isEqualTo(500);
        assertThat(rendered.body()).isEqualTo("{\"status\":\"fail\",\"code\":\"error:db\",\"message\":\"Error saving url to database\","
                + "\"errorCode\":\"500\",\"statusCode\":\"500\"}");
    }

    @Test
    void shortUrlFailure_hasTheShapeOfYourlsFailures() {
        YourlsRendered rendered = YourlsFormats.render(
                replies.shortUrlFailure("error:keyword", "Keywords are at most 100 characters", 400), params("format", "xml"));

        assertThat(rendered.status()).isEqualTo(400);
        assertThat(rendered.body()).contains("<root><status>fail</status><code>error:keyword</code>"
                + "<message>Keywords are at most 100 characters</message><errorCode>400</errorCode><statusCode>400</statusCode></root>");
    }

    @Test
    void requestRejected_isAnsweredInTheFormatOfTheQueryString() {
        YourlsRequestException rejection = new YourlsRequestException(413, "The request body is larger than 1048576 bytes",
                YourlsParams.fromQuery("format=simple"));

        YourlsRendered rendered = YourlsFormats.render(replies.requestRejected(rejection), rejection.queryParams());

        assertThat(rendered.status()).isEqualTo(413);
        assertThat(rendered.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(rendered.body()).isEqualTo("The request body is larger than 1048576 bytes");
    }
}
