package dev.tern.functions.yourls;

import dev.tern.functions.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a {@code yourls-api.php} call, read the way PHP fills {@code $_REQUEST}, which is
 * what YOURLS reads: the query string, then — for a POST — the fields of an
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data} body, a POST field
 * replacing a query field of the same name (PHP's {@code request_order} "GP"). Cookies, which PHP
 * may also merge, are ignored.
 *
 * <p>Also as in PHP: a repeated name keeps its last value; {@code +} is a space; a {@code %} not
 * followed by two hex digits stays as it is; a name without {@code =} has the empty value; bytes
 * that are not UTF-8 become U+FFFD; multipart file parts are not parameters; other bodies
 * (JSON …) are ignored. Names are taken as sent ({@code url[]} is not {@code url}). Unlike PHP, which
 * silently drops the excess, a request over {@link #MAX_BODY_BYTES} or with more than
 * {@link #MAX_PARAMETERS} parameters is refused with a {@link YourlsRequestException}.
 */
public final class YourlsParams {
    /** The largest body read; YOURLS URLs are at most 64 KiB, so 1 MiB leaves room for any real call. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** At most this many parameters, PHP's {@code max_input_vars}. */
    public static final int MAX_PARAMETERS = 1000;

    private static final YourlsParams NONE = new YourlsParams(Map.of());

    private final Map<String, String> values;

    private YourlsParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parameters given as they are (tests, or a caller that parsed them itself). */
    public static YourlsParams of(Map<String, String> values) {
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "value of " + name);
        });
        return new YourlsParams(values);
    }

    /**
     * The parameters of {@code request}: its query string, then its form body if it is a POST.
     *
     * @throws YourlsRequestException if the body is too large, is not valid base64, or is a multipart
     *                                body that cannot be read, or if there are too many parameters
     */
    public static YourlsParams fromRequest(HttpRequest request) {
        YourlsParams query;
        try {
            query = fromQuery(request.rawQuery());
        } catch (YourlsRequestException e) {
            throw new YourlsRequestException(e.httpStatus(), e.getMessage(), NONE);
        }
        if (!"POST".equals(request.method())) {
            return query;
        }
        String mediaType = mediaType(request.header("content-type"));
        boolean urlEncoded = "application/x-www-form-urlencoded".equals(mediaType);
        boolean multipart = "multipart/form-data".equals(mediaType);
        if (!urlEncoded && !multipart) {
            return query; // PHP fills $_POST from these two types only
        }
        byte[] body = body(request, query);
        Map<String, String> merged = new LinkedHashMap<>(query.values);
        if (urlEncoded) {
            parseUrlEncoded(body, merged, query);
        } else {
            parseMultipart(request.header("content-type"), body, merged, query);
        }
        if (merged.size() > MAX_PARAMETERS) {
            throw tooMany(query);
        }
        return new YourlsParams(merged);
    }

    /**
     * The parameters of a raw (still percent-encoded) query string, without its {@code ?}.
     *
     * @throws YourlsRequestException if there are more than {@link #MAX_PARAMETERS}
     */
    public static YourlsParams fromQuery(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        parseUrlEncoded(rawQuery == null ? new byte[0] : rawQuery.getBytes(StandardCharsets.UTF_8), values, NONE);
        return new YourlsParams(values);
    }

    /** Whether {@code name} was sent, even empty (PHP's {@code isset}). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code name}, when it was sent. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of {@code name}, or the empty string (YOURLS's {@code isset($_REQUEST[x]) ? … : ''}). */
    public String getOrEmpty(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether {@code name} was sent with a value PHP does not call {@code empty}: neither {@code ""} nor {@code "0"}. */
    public boolean isFilled(String name) {
        String value = values.get(name);
        return value != null && !value.isEmpty() && !"0".equals(value);
    }

    /** The {@code format} asked for, {@code xml} when absent (taken as sent: an unknown one means simple). */
    public String format() {
        return values.getOrDefault("format", "xml");
    }

    /** The JSONP callback: {@code callback}, else {@code jsonp}, as sent (not yet validated). */
    public Optional<String> callback() {
        return get("callback").or(() -> get("jsonp"));
    }

    /** All parameters, in the order PHP would list them. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof YourlsParams that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.computeIfPresent("password", (name, value) -> "***");
        return "YourlsParams" + shown;
    }

    // ---- body ------------------------------------------------------------------------------------

    private static byte[] body(HttpRequest request, YourlsParams query) {
        String raw = request.event().getBody();
        if (raw == null) {
            return new byte[0];
        }
        // Refuse before decoding: base64 is 4 characters per 3 bytes, and a character is at least a byte.
        long limit = request.event().getIsBase64Encoded() ? (MAX_BODY_BYTES + 2L) / 3 * 4 : MAX_BODY_BYTES;
        if (raw.length() > limit) {
            throw tooLarge(query);
        }
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (IllegalArgumentException e) {
            throw new YourlsRequestException(400, "The request body is marked base64 but is not valid base64", query);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(query);
        }
        return body;
    }

    private static YourlsRequestException tooLarge(YourlsParams query) {
        return new YourlsRequestException(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes", query);
    }

    private static YourlsRequestException tooMany(YourlsParams query) {
        return new YourlsRequestException(400, "The request has more than " + MAX_PARAMETERS + " parameters", query);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    // ---- application/x-www-form-urlencoded and query strings -------------------------------------

    private static void parseUrlEncoded(byte[] input, Map<String, String> into, YourlsParams query) {
        int count = 0;
        int start = 0;
        while (start <= input.length) {
            int end = indexOf(input, (byte) '&', start);
            if (end < 0) {
                end = input.length;
            }
            if (end > start) {
                if (++count > MAX_PARAMETERS) {
                    throw tooMany(query);
                }
                int equals = indexOf(input, (byte) '=', start, end);
                String name = decode(input, start, equals < 0 ? end : equals);
                String value = equals < 0 ? "" : decode(input, equals + 1, end);
                if (!name.isEmpty()) {
                    into.put(name, value);
                }
            }
            start = end + 1;
        }
    }

    /** PHP's {@code urldecode}: {@code +} is a space, {@code %XX} a byte, a stray {@code %} itself. */
    private static String decode(byte[] input, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = input[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && i + 2 < to && hex(input[i + 1]) >= 0 && hex(input[i + 2]) >= 0) {
                bytes.write(hex(input[i + 1]) << 4 | hex(input[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    // ---- multipart/form-data ---------------------------------------------------------------------

    private static void parseMultipart(String contentType, byte[] body, Map<String, String> into, YourlsParams query) {
        String boundary = headerParameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new YourlsRequestException(400, "The multipart/form-data body has no boundary in its Content-Type", query);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw malformed(query);
        }
        int count = 0;
        while (true) {
            position += delimiter.length;
            if (startsWith(body, position, "--")) {
                return; // the closing delimiter
            }
            int headersStart = skipLineEnd(body, position);
            if (headersStart < 0) {
                throw malformed(query);
            }
            int[] headersEnd = blankLine(body, headersStart);
            if (headersEnd == null) {
                throw malformed(query);
            }
            int contentStart = headersEnd[1];
            int next = nextDelimiter(body, delimiter, contentStart);
            if (next < 0) {
                throw malformed(query);
            }
            int contentEnd = next;
            if (contentEnd > contentStart && body[contentEnd - 1] == '\n') {
                contentEnd--;
                if (contentEnd > contentStart && body[contentEnd - 1] == '\r') {
                    contentEnd--;
                }
            }
            String headers = new String(body, headersStart, headersEnd[0] - headersStart, StandardCharsets.UTF_8);
            String disposition = partHeader(headers, "content-disposition");
            String name = disposition == null ? null : headerParameter(disposition, "name");
            // A part with a file name is an upload ($_FILES in PHP), not a parameter.
            if (name != null && !name.isEmpty() && headerParameter(disposition, "filename") == null) {
                if (++count > MAX_PARAMETERS) {
                    throw tooMany(query);
                }
                into.put(name, new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8));
            }
            position = next;
        }
    }

    private static YourlsRequestException malformed(YourlsParams query) {
        return new YourlsRequestException(400, "The multipart/form-data body is malformed", query);
    }

    /** Where the line ending right after {@code from} ends (optional spaces, then CRLF or LF), or -1. */
    private static int skipLineEnd(byte[] body, int from) {
        int i = from;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (startsWith(body, i, "\r\n")) {
            return i + 2;
        }
        if (startsWith(body, i, "\n")) {
            return i + 1;
        }
        return -1;
    }

    /** The end of a part's headers and the start of its content, or {@code null}. */
    private static int[] blankLine(byte[] body, int from) {
        if (startsWith(body, from, "\r\n")) {
            return new int[] {from, from + 2}; // no headers at all
        }
        for (int i = from; i < body.length; i++) {
            if (startsWith(body, i, "\r\n\r\n")) {
                return new int[] {i, i + 4};
            }
            if (startsWith(body, i, "\n\n")) {
                return new int[] {i, i + 2};
            }
        }
        return null;
    }

    /** The next delimiter that starts a line at or after {@code from}. */
    private static int nextDelimiter(byte[] body, byte[] delimiter, int from) {
        int at = from;
        while (true) {
            int found = indexOf(body, delimiter, at);
            if (found < 0) {
                return -1;
            }
            if (found == from || body[found - 1] == '\n') {
                return found;
            }
            at = found + 1;
        }
    }

    private static String partHeader(String headers, String lowerCaseName) {
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** A {@code name=value} or {@code name="value"} parameter of a header value, or {@code null}. */
    static String headerParameter(String header, String name) {
        if (header == null) {
            return null;
        }
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int start = i + 1;
            while (start < header.length() && header.charAt(start) == ' ') {
                start++;
            }
            int equals = header.indexOf('=', start);
            if (equals < 0) {
                return null;
            }
            String key = header.substring(start, equals).strip();
            int valueStart = equals + 1;
            String value;
            int next;
            if (valueStart < header.length() && header.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = valueStart + 1;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    quoted.append(c);
                    j++;
                }
                value = quoted.toString();
                next = header.indexOf(';', j);
            } else {
                next = header.indexOf(';', valueStart);
                value = header.substring(valueStart, next < 0 ? header.length() : next).strip();
            }
            if (key.equalsIgnoreCase(name)) {
                return value;
            }
            i = next;
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, String ascii) {
        if (at < 0 || at + ascii.length() > body.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (body[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] input, byte target, int from) {
        return indexOf(input, target, from, input.length);
    }

    private static int indexOf(byte[] input, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (input[i] == target) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] input, byte[] target, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= input.length - target.length; i++) {
            for (int k = 0; k < target.length; k++) {
                if (input[i + k] != target[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
