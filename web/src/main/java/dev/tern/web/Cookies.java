package dev.tern.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tern.functions.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Request cookies (payload v2 puts them in {@code cookies}; a hand-built event may still have a
 * {@code Cookie} header) and the {@code Set-Cookie} values the site sends.
 */
final class Cookies {
    static final String LANGUAGE = "lang";
    private static final String FORM = "tern-form";
    private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

    private Cookies() {
    }

    /** The first value of cookie {@code name}, or {@code null}. */
    static String get(HttpRequest request, String name) {
        List<String> pairs = new ArrayList<>();
        APIGatewayV2HTTPEvent event = request.event();
        if (event.getCookies() != null) {
            pairs.addAll(event.getCookies());
        }
        String header = request.header("cookie");
        if (header != null) {
            pairs.addAll(List.of(header.split(";")));
        }
        for (String pair : pairs) {
            if (pair == null) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                String value = pair.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /**
     * The form cookie's name: {@code __Host-tern-form} over HTTPS (the browser then guarantees it was
     * set by this host, over HTTPS, for the whole site), {@code tern-form} over plain HTTP (local use),
     * where a {@code __Host-} cookie cannot be set.
     */
    static String formCookieName(boolean https) {
        return https ? "__Host-" + FORM : FORM;
    }

    /** The form cookie: a session cookie scripts cannot read and other sites' requests never carry. */
    static String formCookie(String nonce, boolean https) {
        return formCookieName(https) + "=" + nonce + "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    /** The language choice, kept for a year. */
    static String languageCookie(Language language, boolean https) {
        return LANGUAGE + "=" + language.tag() + "; Path=/; Max-Age=" + ONE_YEAR_SECONDS + "; HttpOnly; SameSite=Lax"
                + (https ? "; Secure" : "");
    }
}
