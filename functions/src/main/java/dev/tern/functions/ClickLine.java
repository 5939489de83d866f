package dev.tern.functions;

import dev.tern.core.click.Click;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The log line a click travels as in AWS, from the redirect function's standard output through a
 * CloudWatch Logs subscription (filter {@value #SUBSCRIPTION_FILTER_PATTERN}) to the click
 * aggregator. One JSON object per line, version 1:
 *
 * <pre>{@code {"type":"tern.click","v":1,"code":"abc","at":"2026-11-23T10:00:00.123Z","ref":"example.com","cc":"PT","ua":"browser"}}</pre>
 *
 * <p>{@code cc} is left out when the country is unknown. Formatting and parsing are hand-written so
 * the redirect path loads no JSON library; {@link #parse} reads a flat object only, and ignores
 * fields it does not know (a later writer may add some).
 */
public final class ClickLine {
    /** The value of the {@code type} field that marks a click line. */
    public static final String TYPE = "tern.click";
    /** The CloudWatch Logs subscription filter pattern that selects click lines. */
    public static final String SUBSCRIPTION_FILTER_PATTERN = "{ $.type = \"tern.click\" }";
    static final int VERSION = 1;
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern HOST = Pattern.compile("^[a-z0-9.\\-\\[\\]:]{1," + Click.MAX_REFERRER_HOST + "}$");

    private ClickLine() {
    }

    /** The line for {@code click}, without a line break. */
    public static String format(Click click) {
        StringBuilder line = new StringBuilder(160).append("{\"type\":\"").append(TYPE).append("\",\"v\":").append(VERSION);
        line.append(",\"code\":");
        JsonText.appendQuoted(line, click.code().value());
        line.append(",\"at\":");
        JsonText.appendQuoted(line, click.at().toString());
        line.append(",\"ref\":");
        JsonText.appendQuoted(line, click.referrerHost());
        if (!click.country().isEmpty()) {
            line.append(",\"cc\":");
            JsonText.appendQuoted(line, click.country());
        }
        line.append(",\"ua\":");
        JsonText.appendQuoted(line, click.visitor().slug());
        return line.append('}').toString();
    }

    /** What reading a log line gave. */
    public sealed interface Parsed {
        /** A click line, read. */
        record Read(Click click) implements Parsed {
        }

        /** Any other line (another JSON log line, plain text): not for the aggregator. */
        record NotAClick() implements Parsed {
        }

        /** A line that says it is a click but cannot be read; {@code reason} says why. */
        record Malformed(String reason) implements Parsed {
        }
    }

    /** Reads a log message: a click, not a click, or a click line that is broken. */
    public static Parsed parse(String line) {
        if (line == null) {
            return new Parsed.NotAClick();
        }
        String text = line.strip();
        if (!text.startsWith("{")) {
            return new Parsed.NotAClick();
        }
        Map<String, Object> fields;
        try {
            fields = FlatJson.parse(text);
        } catch (IllegalArgumentException e) {
            return text.contains(TYPE) ? new Parsed.Malformed(e.getMessage()) : new Parsed.NotAClick();
        }
        if (!TYPE.equals(fields.get("type"))) {
            return new Parsed.NotAClick();
        }
        try {
            return new Parsed.Read(toClick(fields));
        } catch (IllegalArgumentException e) {
            return new Parsed.Malformed(e.getMessage());
        }
    }

    private static Click toClick(Map<String, Object> fields) {
        Object version = fields.get("v");
        if (!(version instanceof Long v) || v != VERSION) {
            throw new IllegalArgumentException("unsupported click line version " + version);
        }
        String code = text(fields, "code");
        if (!ShortCode.isValid(code)) {
            throw new IllegalArgumentException("\"code\" is not a short code");
        }
        Instant at;
        try {
            at = Instant.parse(text(fields, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" is not an ISO-8601 instant");
        }
        String ref = text(fields, "ref");
        if (!HOST.matcher(ref).matches()) {
            throw new IllegalArgumentException("\"ref\" is not a referrer host");
        }
        String country = fields.containsKey("cc") ? text(fields, "cc") : "";
        if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("\"cc\" is not a two-letter country code");
        }
        VisitorClass visitor = VisitorClass.fromSlug(text(fields, "ua"));
        return new Click(new ShortCode(code), at, ref, country, visitor);
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(value == null ? "\"" + name + "\" is missing" : "\"" + name + "\" is not a string");
    }

    /**
     * A reader for one JSON object with string, integer, boolean and null values. Nested objects and
     * arrays are skipped (read as {@link #NESTED}), so a field added by a later writer does not make a line
     * unreadable.
     */
    static final class FlatJson {
        /** Stands for a nested object or array, whose content is not read. */
        static final Object NESTED = new Object();

        private final String text;
        private int pos;

        private FlatJson(String text) {
            this.text = text;
        }

        static Map<String, Object> parse(String text) {
            FlatJson reader = new FlatJson(text);
            Map<String, Object> fields = reader.object();
            reader.skipSpace();
            if (reader.pos != text.length()) {
                throw reader.fail("text after the object");
            }
            return fields;
        }

        private Map<String, Object> object() {
            Map<String, Object> fields = new HashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
                return fields;
            }
            while (true) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (fields.put(name, value()) != null) {
                    throw fail("duplicate field \"" + name + "\"");
                }
                skipSpace();
                char next = next();
                if (next == '}') {
                    return fields;
                }
                if (next != ',') {
                    throw fail("expected ',' or '}'");
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            if (text.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (c == '{' || c == '[') {
                skipNested();
                return NESTED;
            }
            throw fail("unexpected character");
        }

        /** Skips an object or array (a field a later writer may add), strings included. */
        private void skipNested() {
            int depth = 0;
            do {
                char c = peek();
                if (c == '"') {
                    string();
                    continue;
                }
                pos++;
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
            } while (depth > 0);
        }

        private Long number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0) {
                throw fail("only whole numbers are expected");
            }
            try {
                return Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw fail("bad number");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw fail("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw fail("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw fail("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw fail("bad escape");
                }
            }
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw fail("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw fail("expected '" + c + "'");
            }
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("not a flat JSON object: " + what + " at offset " + pos);
        }
    }
}
