package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every recorded YOURLS reply, rebuilt from its own values through {@link YourlsReplies} and rendered
 * by {@link YourlsFormats} with the recorded request's parameters (read by {@link YourlsParams}),
 * must equal the recording byte for byte: status, content type, body.
 *
 * <p>The values (site, keywords, dates, IPs, titles, counts) come from the fixture itself — from its
 * body for json, jsonp and xml, from its parameters and body for simple — so only the shape is under
 * test here: field names, order, types, messages, escaping and framing. Which values a request
 * produces is the handler's replay test. No fixture is left out.
 */
class YourlsFixtureFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YourlsReplies REPLIES = new YourlsReplies(YourlsFixture.SITE);

    static Stream<YourlsFixture> fixtures() {
        return YourlsFixture.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void render_recordedReply_isByteForByteTheRecording(YourlsFixture fixture) {
        YourlsParams params = fixture.yourlsParams();

        YourlsRendered rendered = YourlsFormats.render(replyDescribedBy(fixture), params);

        assertThat(rendered.status()).as("status").isEqualTo(fixture.httpStatus());
        assertThat(rendered.contentType()).as("content type").isEqualTo(fixture.contentType());
        assertThat(rendered.body()).as("body").isEqualTo(fixture.body());
    }

    @Test
    void fixtures_areExactlyTheCasesOfTheIndex() throws Exception {
        Map<String, Object> index = JSON.readValue(YourlsFixture.DIRECTORY.resolve("fixtures/index.json").toFile(),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) index.get("cases");

        assertThat(fixtures().map(YourlsFixture::id)).containsExactlyElementsOf(cases.stream().map(c -> (String) c.get("id")).toList());
        assertThat(index.get("site")).isEqualTo(YourlsFixture.SITE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fromRequest_recordedRequest_readsTheRecordedParameters(YourlsFixture fixture) {
        assertThat(fixture.yourlsParams().asMap()).containsExactlyEntriesOf(fixture.params());
    }

    /** The reply the fixture records, built from the fixture's own values through the factories. */
    static YourlsReply replyDescribedBy(YourlsFixture fixture) {
        Map<String, Object> tree = tree(fixture);
        Map<String, String> params = fixture.params();
        String action = fixture.action();
        int status = fixture.httpStatus();
        if (fixture.id().contains("-auth-fail-")) {
            String message = tree == null ? fixture.body() : text(tree, "message");
            return YourlsReplies.authenticationFailed(message, params.getOrDefault("callback", ""));
        }
        if (action == null) {
            return REPLIES.unknownAction();
        }
        return switch (action) {
            case "shorturl" -> status == 200 ? created(fixture, tree) : shortUrlFailure(fixture, tree);
            case "expand" -> expand(fixture, tree);
            case "url-stats" -> urlStats(fixture, tree);
            case "stats" -> tree == null
                    ? REPLIES.stats(List.of(), new YourlsTotals(0, 0))
                    : REPLIES.stats(links(nested(tree, "links")), totals(nested(tree, "stats")));
            case "db-stats" -> REPLIES.dbStats(tree == null ? new YourlsTotals(0, 0) : totals(nested(tree, "db-stats")));
            case "version" -> tree == null
                    ? REPLIES.version(YourlsReplies.YOURLS_VERSION, params.containsKey("db") ? YourlsReplies.YOURLS_DB_VERSION : null)
                    : REPLIES.version(text(tree, "version"), text(tree, "db_version"));
            default -> REPLIES.unknownAction();
        };
    }

    private static YourlsReply created(YourlsFixture fixture, Map<String, Object> tree) {
        if (tree == null) {
            String url = fixture.params().get("url");
            return REPLIES.shortUrlCreated(YourlsLinkView.created(keywordOf(fixture.body()), url,
                    fixture.params().getOrDefault("title", url), "2026-11-23 05:36:06", "127.0.0.1"));
        }
        Map<String, Object> url = nested(tree, "url");
        return REPLIES.shortUrlCreated(YourlsLinkView.created(text(url, "keyword"), text(url, "url"),
                text(url, "title"), text(url, "date"), text(url, "ip")));
    }

    private static YourlsReply shortUrlFailure(YourlsFixture fixture, Map<String, Object> tree) {
        String id = fixture.id();
        String code = tree != null ? text(tree, "code")
                : id.contains("-existing-keyword-") || id.contains("-reserved-keyword-") ? "error:keyword"
                : id.contains("-existing-url-") ? "error:url"
                : id.contains("-loop-") ? "error:noloop"
                : "error:nourl";
        return switch (code) {
            case "error:keyword" -> REPLIES.keywordUnavailable(tree == null ? fixture.params().get("keyword")
                    : text(tree, "message").replaceFirst("^Short URL (.*) already exists in database or is reserved$", "$1"));
            case "error:url" -> {
                if (tree == null) {
                    yield REPLIES.urlAlreadyStored(new YourlsLinkView(keywordOf(fixture.body()),
                            fixture.params().get("url"), "dup", "2026-11-23 05:36:07", "127.0.0.1", 0));
                }
                Map<String, Object> url = nested(tree, "url");
                yield REPLIES.urlAlreadyStored(new YourlsLinkView(text(url, "keyword"), text(url, "url"),
                        text(url, "title"), text(url, "date"), text(url, "ip"), number(url, "clicks")));
            }
            case "error:noloop" -> REPLIES.urlIsShortUrl();
            case "error:nourl" -> REPLIES.missingOrMalformedUrl();
            default -> throw new IllegalStateException(id + ": a shorturl failure this test does not know: " + code);
        };
    }

    private static YourlsReply expand(YourlsFixture fixture, Map<String, Object> tree) {
        if (fixture.httpStatus() == 404) {
            return REPLIES.expandNotFound(tree == null ? fixture.params().get("shorturl") : text(tree, "keyword"));
        }
        if (tree == null) {
            return REPLIES.expanded(keywordOf(fixture.params().get("shorturl")), fixture.body(), "title");
        }
        return REPLIES.expanded(text(tree, "keyword"), text(tree, "longurl"), text(tree, "title"));
    }

    private static YourlsReply urlStats(YourlsFixture fixture, Map<String, Object> tree) {
        if (fixture.httpStatus() == 404) {
            return REPLIES.urlStatsNotFound();
        }
        if (tree == null) {
            return REPLIES.urlStats(new YourlsLinkView("ozh", "https://ozh.org/", "ozh.org", "2026-11-23 05:20:26", "127.0.0.1", 7));
        }
        return REPLIES.urlStats(view(nested(tree, "link")));
    }

    private static List<YourlsLinkView> links(Map<String, Object> links) {
        List<YourlsLinkView> views = new ArrayList<>();
        if (links != null) {
            int position = 1;
            for (Map.Entry<String, Object> link : links.entrySet()) {
                assertThat(link.getKey()).isEqualTo("link_" + position++);
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) link.getValue();
                views.add(view(fields));
            }
        }
        return views;
    }

    /** A link as {@code url-stats} and {@code stats} show it (its short URL gives the keyword). */
    private static YourlsLinkView view(Map<String, Object> link) {
        return new YourlsLinkView(keywordOf(text(link, "shorturl")), text(link, "url"), text(link, "title"),
                text(link, "timestamp"), text(link, "ip"), number(link, "clicks"));
    }

    private static YourlsTotals totals(Map<String, Object> totals) {
        return new YourlsTotals(number(totals, "total_links"), number(totals, "total_clicks"));
    }

    private static String keywordOf(String shortUrlOrKeyword) {
        String prefix = YourlsFixture.SITE + "/";
        return shortUrlOrKeyword.startsWith(prefix) ? shortUrlOrKeyword.substring(prefix.length()) : shortUrlOrKeyword;
    }

    // ---- the recorded body as a tree of ordered maps ----------------------------------------------

    /** The recorded body as nested ordered maps (json, jsonp, xml), or {@code null} for a simple body. */
    static Map<String, Object> tree(YourlsFixture fixture) {
        String body = fixture.body();
        try {
            return switch (fixture.format()) {
                case "json" -> JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
                case "jsonp" -> body.endsWith(")")
                        ? JSON.readValue(body.substring(body.indexOf('(') + 1, body.length() - 1),
                                new TypeReference<LinkedHashMap<String, Object>>() { })
                        : null; // the invalid-callback answer carries nothing of the reply
                case "xml" -> xmlTree(body);
                default -> null;
            };
        } catch (Exception e) {
            throw new IllegalStateException(fixture.id() + ": cannot read the recorded body", e);
        }
    }

    private static Map<String, Object> xmlTree(String body) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return children(root);
    }

    private static Map<String, Object> children(Element element) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                boolean hasElements = false;
                for (Node grandchild = nested.getFirstChild(); grandchild != null; grandchild = grandchild.getNextSibling()) {
                    hasElements |= grandchild instanceof Element;
                }
                fields.put(nested.getTagName(), hasElements ? children(nested) : nested.getTextContent());
            }
        }
        return fields;
    }

    private static String text(Map<String, Object> tree, String name) {
        Object value = tree.get(name);
        return value == null ? null : value.toString();
    }

    private static long number(Map<String, Object> tree, String name) {
        return Long.parseLong(text(tree, name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> tree, String name) {
        return (Map<String, Object>) tree.get(name);
    }
}
