package dev.tern.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every HTML response of the site carries. The policy allows the site's own script and
 * stylesheet files and nothing inline: no inline script, no inline style, no plug-ins, no framing,
 * forms only to the site itself.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /**
     * {@code same-origin}: the destination of a link never learns the preview page it was followed
     * from, while the site's own form posts keep a real {@code Origin} (with {@code no-referrer},
     * browsers send {@code Origin: null} on form posts, and the cross-site check could not tell).
     */
    static final String REFERRER_POLICY = "same-origin";
    /** Two years, the usual preload value; no {@code includeSubDomains}: the operator's other hosts are not ours to pin. */
    static final String HSTS = "max-age=63072000";

    private SecurityHeaders() {
    }

    /** The headers of one of the site's own HTML pages. */
    static Map<String, String> forPage(boolean https) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", REFERRER_POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }

    /**
     * Completes a response made elsewhere (the redirect's own small pages): its stricter or equal
     * policy headers are kept, missing ones are added, HSTS over HTTPS on every response.
     */
    static APIGatewayV2HTTPResponse complete(APIGatewayV2HTTPResponse response, boolean https) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        String type = headers.get("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            headers.putIfAbsent("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.putIfAbsent("X-Content-Type-Options", "nosniff");
            headers.putIfAbsent("Referrer-Policy", REFERRER_POLICY);
            headers.putIfAbsent("X-Frame-Options", "DENY");
        }
        if (https) {
            headers.putIfAbsent("Strict-Transport-Security", HSTS);
        }
        response.setHeaders(headers);
        return response;
    }
}
