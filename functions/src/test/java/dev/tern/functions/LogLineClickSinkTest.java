package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.click.Click;
import dev.tern.core.link.ShortCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLineClickSinkTest {

    @Test
    void emit_writesOneClickLinePerClick() {
        List<String> lines = new ArrayList<>();
        LogLineClickSink sink = new LogLineClickSink(lines::add);
        Click first = Click.of(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:00.123Z"), "https://example.com/", "PT",
                "Mozilla/5.0");
        Click second = Click.of(new ShortCode("abc"), Instant.parse("2026-11-23T10:00:01Z"), null, null, null);

        sink.emit(first);
        sink.emit(second);

        assertThat(lines).containsExactly(ClickLine.format(first), ClickLine.format(second));
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"tern.click\",\"v\":1,\"code\":\"abc\",\"at\":\"2026-11-23T10:00:00.123Z\","
                + "\"ref\":\"example.com\",\"cc\":\"PT\",\"ua\":\"browser\"}");
    }

    @Test
    void defaultSink_writesToStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new LogLineClickSink().emit(Click.of(new ShortCode("x"), Instant.parse("2026-11-23T10:00:00Z"), null, null, null));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"tern.click\",\"v\":1,\"code\":\"x\",\"at\":\"2026-11-23T10:00:00Z\",\"ref\":\"direct\",\"ua\":\"other\"}"
                        + System.lineSeparator());
    }
}
