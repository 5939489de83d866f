package dev.tern.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the creation form posted, as typed ({@code application/x-www-form-urlencoded}, UTF-8). Values
 * are kept verbatim (only surrounding whitespace removed) so that a refused form shows exactly what
 * was entered.
 *
 * @param url     the long URL
 * @param code    the custom code, or empty for a generated one
 * @param title   the title, or empty
 * @param expires the expiry as typed (a {@code datetime-local} value, UTC), or empty
 * @param token   the hidden form token
 */
record LinkForm(String url, String code, String title, String expires, String token) {
    /** The largest form body accepted: the longest URL (64 KiB at most) percent-encoded, and room for the rest. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    static final LinkForm EMPTY = new LinkForm("", "", "", "", "");

    LinkForm {
        url = clean(url);
        code = clean(code);
        title = clean(title);
        expires = clean(expires);
        token = clean(token);
    }

    /** An empty form with the URL filled in (prefix-and-shorten, {@code /?url=}). */
    static LinkForm prefilled(String url) {
        return new LinkForm(url, "", "", "", "");
    }

    /** The same values without the token (a refused form is re-rendered with a fresh one). */
    LinkForm withoutToken() {
        return new LinkForm(url, code, title, expires, "");
    }

    /** Thrown for a body that is not a form. */
    static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * Reads a form body; the first value of each field counts, unknown fields are ignored.
     *
     * @throws UnreadableException for another media type, a body too large, or bad encoding
     */
    static LinkForm parse(String contentType, byte[] body) throws UnreadableException {
        Map<String, String> fields = fields(contentType, body);
        return new LinkForm(fields.get("url"), fields.get("code"), fields.get("title"), fields.get("expires"), fields.get("token"));
    }

    /**
     * The fields of a form body (the first value of each name), for every form of the site.
     *
     * @throws UnreadableException for another media type, a body too large, or bad encoding
     */
    static Map<String, String> fields(String contentType, byte[] body) throws UnreadableException {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/x-www-form-urlencoded")) {
            throw new UnreadableException("not a form: " + (mediaType.isEmpty() ? "no Content-Type" : mediaType));
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new UnreadableException("form too large: " + body.length + " bytes");
        }
        Map<String, String> fields = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new UnreadableException("bad percent-encoding");
            }
        }
        return fields;
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
