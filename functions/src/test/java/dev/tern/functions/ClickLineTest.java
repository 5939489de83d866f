package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.Click;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickLineTest {

    @Test
    void format_isTheDocumentedLine() {
        Click click = new Click(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:00.123Z"), "example.com", "PT",
                VisitorClass.BROWSER);

        assertThat(ClickLine.format(click)).isEqualTo(
                "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00.123Z\",\"ref\":\"example.com\","
                        + "\"cc\":\"PT\",\"ua\":\"browser\"}");
    }

    @Test
    void format_leavesOutAnUnknownCountry() {
        Click click = new Click(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:00Z"), Click.DIRECT, "", VisitorClass.OTHER);

        assertThat(ClickLine.format(click)).doesNotContain("cc").contains("\"ref\":\"direct\"");
    }

    static Stream<Click> clicks() {
        List<Click> clicks = new ArrayList<>();
        for (VisitorClass visitor : VisitorClass.values()) {
            clicks.add(new Click(new ShortCode("a"), Instant.parse("2026-11-23T10:00:00Z"), "direct", "", visitor));
        }
        clicks.add(new Click(new ShortCode("Promo_2026-x"), Instant.parse("2026-02-28T23:59:59.999999999Z"), "[2001:db8::1]", "US",
                VisitorClass.BOT));
        clicks.add(new Click(new ShortCode("z".repeat(100)), Instant.EPOCH, "unknown", "", VisitorClass.BROWSER));
        clicks.add(Click.of(new ShortCode("q"), Instant.parse("2026-11-23T10:00:00.5Z"), "https://Sub.Example.ORG:8443/x?y=\"z\"",
                "DE", "Mozilla/5.0 \"quoted\" \\ back"));
        return clicks.stream();
    }

    @ParameterizedTest
    @MethodSource("clicks")
    void formatThenParse_givesTheSameClick(Click click) {
        String line = ClickLine.format(click);

        assertThat(ClickLine.parse(line)).isEqualTo(new ClickLine.Parsed.Read(click));
        assertThat(line).doesNotContain("\n");
        JsonNode tree = Fixtures.tree(line);
        assertThat(tree.path("type").asText()).isEqualTo(ClickLine.TYPE);
    }

    @Test
    void parse_ignoresUnknownFieldsAndSpacing() {
        ClickLine.Parsed parsed = ClickLine.parse(
                "  { \"ua\" : \"bot\", \"extra\": [1,2] , \"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\","
                        + "\"ref\":\"direct\"}  ");

        assertThat(parsed).isEqualTo(new ClickLine.Parsed.Read(new Click(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:00Z"),
                "direct", "", VisitorClass.BOT)));
        assertThat(ClickLine.parse("{\"ua\":\"bot\",\"region\":\"eu-west-1\",\"n\":null,\"ok\":true,\"type\":\"tern.click\",\"v\":1,"
                + "\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\"}"))
                .isEqualTo(new ClickLine.Parsed.Read(new Click(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:00Z"), "direct", "",
                        VisitorClass.BOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "START RequestId: 8b7a Version: $LATEST",
        "END RequestId: 8b7a",
        "REPORT RequestId: 8b7a\tDuration: 2.31 ms",
        "{\"level\":\"ERROR\",\"op\":\"redirect\",\"code\":\"abc\",\"requestId\":\"r\",\"error\":\"x\"}",
        "{\"type\":\"tern.other\",\"v\":1}",
        "{\"nested\":{\"a\":[1,{\"b\":\"]\"}]}}",
        "[1,2,3]",
        "",
        "   "
    })
    void parse_otherLines_areNotClicks(String line) {
        assertThat(ClickLine.parse(line)).isEqualTo(new ClickLine.Parsed.NotAClick());
    }

    @Test
    void parse_null_isNotAClick() {
        assertThat(ClickLine.parse(null)).isEqualTo(new ClickLine.Parsed.NotAClick());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"a b\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"yesterday\",\"ref\":\"direct\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"alien\"}",
        "{\"type\":\"tern.click\",\"v\":2,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"<script>\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"cc\":\"pt\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\"",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":{\"x\":\"}\"},\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":7,\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"bot\"}",
        "{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:0",
        "{\"type\":\"tern.click\",\"v\":1,\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"bot\"}"
    })
    void parse_brokenClickLines_areMalformedWithAReason(String line) {
        assertThat(ClickLine.parse(line)).isInstanceOfSatisfying(ClickLine.Parsed.Malformed.class,
                malformed -> assertThat(malformed.reason()).isNotBlank());
    }

    @Test
    void parse_readsJsonEscapes() {
        assertThat(ClickLine.parse("{\"type\":\"tern\\u002eclick\",\"v\":1,\"code\":\"a\\u0062c\",\"at\":\"2026-11-23T10:00:00Z\","
                + "\"ref\":\"direct\",\"ua\":\"other\"}"))
                .isEqualTo(new ClickLine.Parsed.Read(new Click(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:00Z"), "direct", "",
                        VisitorClass.OTHER)));
    }

    @Test
    void subscriptionFilter_selectsTheTypeField() {
        assertThat(ClickLine.SUBSCRIPTION_FILTER_PATTERN).isEqualTo("{ $.type = \"tern.click\" }");
    }
}
