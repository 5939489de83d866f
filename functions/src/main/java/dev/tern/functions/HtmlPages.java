package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.link.Resolution;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The redirect's own small pages (not found, gone, busy, error): self-contained HTML with inline
 * style and no external assets, so they render even when nothing else of the site does. Anything
 * that came from the request is HTML-escaped. A HEAD request gets the same status and headers
 * with no body.
 */
final class HtmlPages {
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final String STYLE = "body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
            + "max-width:36rem;margin:12vh auto;padding:0 1.25rem;color:#1f2328;background:#fff}"
            + "h1{font-size:1.5rem;margin:0 0 .75rem}p{margin:.5rem 0}"
            + "code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;background:#f1f3f5;padding:0 .25rem;border-radius:3px;word-break:break-all}"
            + "a{color:#0b5cad}small{color:#656d76}"
            + "@media(prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}code{background:#262c36}a{color:#58a6ff}small{color:#8d96a0}}";
    /**
     * The CSP allows exactly this page's own {@code <style>} by its hash: no {@code 'unsafe-inline'},
     * so an injected style or script would not run even if escaping ever failed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256Source(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_SHOWN_PATH = 100;

    private final String homeUrl;

    HtmlPages(URI publicBaseUrl) {
        this.homeUrl = publicBaseUrl.toASCIIString() + "/";
    }

    /** 404: nothing has this path. */
    APIGatewayV2HTTPResponse notFound(String path, boolean head) {
        String shown = path.length() > MAX_SHOWN_PATH ? path.substring(0, MAX_SHOWN_PATH) + "…" : path;
        return page(404, Map.of(), head, "Link not found",
                "<p>There is no short link at <code>" + escape(shown) + "</code> on this site.</p>"
                        + "<p>Check that it was copied completely: short links are case-sensitive.</p>" + homeLink());
    }

    /** 410: the link exists but has expired, been disabled or been deleted. */
    APIGatewayV2HTTPResponse gone(Resolution.Gone gone, boolean head) {
        String code = "<code>/" + escape(gone.link().code().value()) + "</code>";
        String heading;
        String what;
        switch (gone.reason()) {
            case EXPIRED -> {
                heading = "Link expired";
                Instant expiry = gone.link().expiresAt();
                what = "The short link " + code + " expired" + (expiry == null ? "" : " on " + escape(WHEN.format(expiry)));
            }
            case DISABLED -> {
                heading = "Link disabled";
                what = "The short link " + code + " has been disabled";
            }
            case DELETED -> {
                heading = "Link deleted";
                what = "The short link " + code + " has been deleted";
            }
            default -> throw new IllegalStateException("unknown reason " + gone.reason());
        }
        return page(410, Map.of(), head, heading, "<p>" + what + " and no longer leads anywhere.</p>"
                + "<p>If you found it somewhere, its author may have a new one.</p>" + homeLink());
    }

    /**
     * 403 warning: the link exists and is active, but its destination is refused now (its host was
     * blocklisted after the link was made, or its scheme is no longer allowed). Not a redirect: no
     * {@code Location}, and the destination is shown as text, never as a link, so the page cannot be
     * used to reach it. {@code no-store}, so the warning ends as soon as the host is unblocked.
     */
    APIGatewayV2HTTPResponse blocked(Resolution.Blocked blocked, boolean head) {
        String code = "<code>/" + escape(blocked.link().code().value()) + "</code>";
        String destination = blocked.link().target().value();
        String shown = destination.length() > 200 ? destination.substring(0, 200) + "…" : destination;
        return page(403, Map.of(), head, "Warning: link blocked",
                "<p>The short link " + code + " leads to a site that this service has blocked"
                        + " (for example for spam, phishing or malware), so it does not take you there.</p>"
                        + "<p>Its destination was <code>" + escape(shown) + "</code>. Do not visit it unless you trust it.</p>"
                        + "<p><a href=\"" + escape(homeUrl + blocked.link().code().value() + "+") + "\">See the link's details or report it</a></p>"
                        + homeLink());
    }

    /** 405: the redirect answers GET and HEAD only. */
    APIGatewayV2HTTPResponse methodNotAllowed(String method, boolean head) {
        return page(405, Map.of("Allow", "GET, HEAD"), head, "Method not allowed",
                "<p>Short links answer GET and HEAD requests only" + (method.isEmpty() ? "" : ", not " + escape(method)) + ".</p>");
    }

    /** 503: the store throttled or timed out; try again. */
    APIGatewayV2HTTPResponse unavailable(long retryAfterSeconds, boolean head) {
        return page(503, Map.of("Retry-After", Long.toString(retryAfterSeconds)), head, "Busy right now",
                "<p>This link could not be looked up just now. Please try again in a few seconds.</p>");
    }

    /** 500: something unexpected; the details are in the log, never here. */
    APIGatewayV2HTTPResponse internalError(String requestId, boolean head) {
        return page(500, Map.of(), head, "Something went wrong",
                "<p>This link could not be followed because of an error on our side. It has been logged; please try again later.</p>"
                        + "<p><small>Request id: " + escape(requestId) + "</small></p>");
    }

    private String homeLink() {
        return "<p><a href=\"" + escape(homeUrl) + "\">Go to the home page</a></p>";
    }

    private static APIGatewayV2HTTPResponse page(int status, Map<String, String> extraHeaders, boolean head, String heading,
            String bodyHtml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Robots-Tag", "noindex");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.putAll(extraHeaders);
        String html = head ? "" : "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(heading) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + "<h1>" + escape(heading) + "</h1>\n" + bodyHtml + "\n</main>\n</body>\n</html>\n";
        return Responses.of(status, headers, html);
    }

    /** A CSP hash source ({@code sha256-…}) of an inline element's exact text. */
    static String sha256Source(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }
}
