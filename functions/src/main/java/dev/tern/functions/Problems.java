package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one mapping from Tern's error codes to HTTP: status, title, extra headers, and the RFC 9457
 * {@code application/problem+json} body of the REST API:
 *
 * <pre>{@code {"type":"/problems/code-taken","title":"Short code taken","status":409,"detail":"...","code":"code-taken"}}</pre>
 */
public final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The HTTP status of an error code. */
    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_URL, REDIRECT_LOOP, INVALID_CODE, RESERVED_CODE, INVALID_TITLE, INVALID_EXPIRY, INVALID_REQUEST,
                    INVALID_IDEMPOTENCY_KEY, BLOCKED_URL -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND, ROUTE_NOT_FOUND, API_KEY_NOT_FOUND, VERSION_NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CODE_TAKEN, API_KEY_ALREADY_ISSUED -> 409;
            case GONE -> 410;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case IDEMPOTENCY_KEY_REUSED -> 422;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    /** A short, fixed summary of an error code (the problem's {@code title}). */
    static String title(ErrorCode code) {
        return switch (code) {
            case INVALID_URL -> "Invalid URL";
            case REDIRECT_LOOP -> "Redirect loop";
            case INVALID_CODE -> "Invalid short code";
            case RESERVED_CODE -> "Reserved short code";
            case CODE_TAKEN -> "Short code taken";
            case BLOCKED_URL -> "Blocked URL";
            case VERSION_NOT_FOUND -> "Version not found";
            case INVALID_TITLE -> "Invalid title";
            case INVALID_EXPIRY -> "Invalid expiry";
            case INVALID_REQUEST -> "Invalid request";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            case PAYLOAD_TOO_LARGE -> "Payload too large";
            case ROUTE_NOT_FOUND -> "Route not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case NOT_FOUND -> "Link not found";
            case GONE -> "Link gone";
            case IDEMPOTENCY_KEY_REUSED -> "Idempotency-Key reused";
            case INVALID_IDEMPOTENCY_KEY -> "Invalid Idempotency-Key";
            case UNAUTHORIZED -> "API key required";
            case FORBIDDEN -> "Scope missing";
            case RATE_LIMITED -> "Too many requests";
            case API_KEY_NOT_FOUND -> "API key not found";
            case API_KEY_ALREADY_ISSUED -> "API key already issued";
            case UNAVAILABLE -> "Service unavailable";
            case INTERNAL -> "Internal error";
        };
    }

    /** The {@code Retry-After} seconds for a store that throttled: the store's hint, at least one second. */
    public static long retryAfterSeconds(StoreUnavailableException e) {
        Duration hint = e.retryAfter();
        if (hint == null || hint.isNegative() || hint.isZero()) {
            return 1;
        }
        long seconds = (hint.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    /** The problem response for a domain error, with {@code Allow} or {@code Retry-After} where they belong. */
    static APIGatewayV2HTTPResponse response(TernException e, ApiJson json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e instanceof MethodNotAllowedException notAllowed) {
            headers.put("Allow", notAllowed.allow());
        }
        if (e instanceof RateLimitedException limited) {
            headers.putAll(limited.headers());
        }
        if (e.code() == ErrorCode.UNAUTHORIZED) {
            headers.put("WWW-Authenticate", "Bearer realm=\"tern\"");
        }
        if (e instanceof StoreUnavailableException unavailable) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds(unavailable)));
        }
        return response(e.code(), e.detail(), headers, json);
    }

    /** A problem response for {@code code} with the given detail. */
    static APIGatewayV2HTTPResponse response(ErrorCode code, String detail, Map<String, String> extraHeaders, ApiJson json) {
        int status = status(code);
        ObjectNode body = body(code, detail, json);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", MEDIA_TYPE);
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return Responses.of(status, headers, json.write(body));
    }

    /** The problem document of {@code code} with {@code detail} (also one item's outcome in a bulk create). */
    static ObjectNode body(ErrorCode code, String detail, ApiJson json) {
        return json.object()
                .put("type", "/problems/" + code.slug())
                .put("title", title(code))
                .put("status", status(code))
                .put("detail", detail)
                .put("code", code.slug());
    }

    /** A client-supplied value cut short enough to show in a detail message. */
    static String shortened(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
}
