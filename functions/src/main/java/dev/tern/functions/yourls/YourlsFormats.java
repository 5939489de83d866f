package dev.tern.functions.yourls;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts a {@link YourlsReply} in the format the request asked for, byte for byte as YOURLS 1.10's
 * {@code yourls_api_output} does:
 * <ul>
 *   <li>{@code xml} (the default when {@code format} is absent): {@code <root>} with one element per
 *       field, nested objects as nested elements, raw UTF-8, {@code & < >} escaped;</li>
 *   <li>{@code json}: PHP {@code json_encode} — {@code /} escaped as {@code \/}, everything outside
 *       ASCII as {@code \u005CuXXXX} (surrogate pairs beyond the BMP);</li>
 *   <li>{@code jsonp}: {@code callback(json)}; the callback is checked as YOURLS checks it and a bad
 *       one is answered with 400 and {@code {"errorCode":"400","error":"Invalid callback parameter"}};</li>
 *   <li>{@code simple}, and any other value (the names are case-sensitive, so {@code JSON} is one):
 *       the reply's plain text.</li>
 * </ul>
 * As in YOURLS, a {@code callback} (else {@code jsonp}) parameter is copied into every reply as its
 * last field, whatever the format.
 */
public final class YourlsFormats {
    static final String XML = "application/xml; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String INVALID_CALLBACK = "{\"errorCode\":\"400\",\"error\":\"Invalid callback parameter\"}";

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    // yourls_validate_jsonp_callback: no "u" followed by four hex digits (a \\u escape, with or without
    // its backslash), then only [a-zA-Z0-9_$.]. PHP's "$" also matches before one final "\n", and so
    // does Java's with UNIX_LINES.
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("u[0-9a-fA-F]{4}");
    private static final Pattern CALLBACK = Pattern.compile("^[a-zA-Z0-9_$.]+$", Pattern.UNIX_LINES);

    private YourlsFormats() {
    }

    /** {@code reply} in the format {@code params} asks for. */
    public static YourlsRendered render(YourlsReply reply, YourlsParams params) {
        YourlsReply sent = reply;
        if (!reply.fields().has("callback")) {
            Optional<String> callback = params.callback();
            if (callback.isPresent()) {
                sent = reply.with("callback", YourlsValue.text(callback.get()));
            }
        }
        int status = sent.httpStatus();
        return switch (params.format()) {
            case "jsonp" -> jsonp(sent, status);
            case "json" -> new YourlsRendered(status, JSON, json(sent.fields()));
            case "xml" -> new YourlsRendered(status, XML, xml(sent.fields()));
            default -> new YourlsRendered(status, TEXT, sent.simpleText().orElse(""));
        };
    }

    /** Whether YOURLS accepts {@code callback} as a JSONP function name. */
    public static boolean isValidCallback(String callback) {
        return !UNICODE_ESCAPE.matcher(callback).find() && CALLBACK.matcher(callback).find();
    }

    private static YourlsRendered jsonp(YourlsReply reply, int status) {
        String callback = "";
        Optional<YourlsValue> given = reply.fields().get("callback");
        if (given.isPresent()) {
            callback = given.get() instanceof YourlsValue.Text text ? text.value() : "";
            if (!isValidCallback(callback)) {
                return new YourlsRendered(400, JAVASCRIPT, INVALID_CALLBACK);
            }
        }
        return new YourlsRendered(status, JAVASCRIPT, callback + "(" + json(reply.fields()) + ")");
    }

    // ---- json_encode -----------------------------------------------------------------------------

    static String json(YourlsFields fields) {
        StringBuilder out = new StringBuilder(256);
        appendJson(out, fields);
        return out.toString();
    }

    private static void appendJson(StringBuilder out, YourlsValue value) {
        switch (value) {
            case YourlsValue.Text text -> appendJsonString(out, text.value());
            case YourlsValue.Number number -> out.append(number.value());
            case YourlsValue.Literal literal -> out.append(literal.json());
            case YourlsFields fields -> {
                if (fields.isEmpty()) {
                    out.append("[]"); // an empty PHP array is a JSON list
                    return;
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, YourlsValue> field : fields.asMap().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendJsonString(out, field.getKey());
                    out.append(':');
                    appendJson(out, field.getValue());
                }
                out.append('}');
            }
        }
    }

    private static void appendJsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // UTF-16 code units are exactly PHP's escapes: astral characters come out as
                    // their surrogate pair. DEL (0x7f) stays raw, as in PHP.
                    if (c < 0x20 || c > 0x7F) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ---- yourls_xml_encode (Spatie ArrayToXml over PHP's DOM) ------------------------------------

    static String xml(YourlsFields fields) {
        StringBuilder out = new StringBuilder(512).append(XML_DECLARATION);
        appendElement(out, "root", fields);
        return out.append('\n').toString();
    }

    private static void appendElement(StringBuilder out, String name, YourlsValue value) {
        if (value instanceof YourlsFields fields) {
            if (fields.isEmpty()) {
                out.append('<').append(name).append("/>");
                return;
            }
            out.append('<').append(name).append('>');
            for (Map.Entry<String, YourlsValue> field : fields.asMap().entrySet()) {
                appendElement(out, field.getKey(), field.getValue());
            }
            out.append("</").append(name).append('>');
            return;
        }
        String text = switch (value) {
            case YourlsValue.Text t -> t.value();
            case YourlsValue.Number n -> Long.toString(n.value());
            default -> ""; // PHP's null and false are the empty string to htmlspecialchars()
        };
        out.append('<').append(name).append('>');
        appendXmlText(out, text);
        out.append("</").append(name).append('>');
    }

    private static void appendXmlText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;"); // libxml2 escapes CR in text
                case '\n' -> out.append(c);
                default -> {
                    // Spatie removes control characters (tab included) before building the node.
                    if (c > 0x1F && c != 0x7F) {
                        out.append(c);
                    }
                }
            }
        }
    }
}
