package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A null-safe view of an API Gateway HTTP API (payload v2) request. API Gateway lower-cases header
 * names; a hand-built event (the local adapter, a test) might not, so lookups fall back to ignoring
 * case. Any part of the event may be missing. Shared with the web module's {@code SiteHandler}.
 */
public final class HttpRequest {
    private final APIGatewayV2HTTPEvent event;
    private final Context context;

    private HttpRequest(APIGatewayV2HTTPEvent event, Context context) {
        this.event = event == null ? new APIGatewayV2HTTPEvent() : event;
        this.context = context;
    }

    public static HttpRequest of(APIGatewayV2HTTPEvent event, Context context) {
        return new HttpRequest(event, context);
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    /** The method in upper case, or empty when the event has none. */
    public String method() {
        APIGatewayV2HTTPEvent.RequestContext.Http http = http();
        String method = http == null ? null : http.getMethod();
        return method == null ? "" : method.toUpperCase(Locale.ROOT);
    }

    public boolean isHead() {
        return "HEAD".equals(method());
    }

    /** The path as sent (not percent-decoded), {@code /} when missing. */
    public String path() {
        String raw = event.getRawPath();
        if (raw == null || raw.isEmpty()) {
            APIGatewayV2HTTPEvent.RequestContext.Http http = http();
            raw = http == null ? null : http.getPath();
        }
        return raw == null || raw.isEmpty() ? "/" : raw;
    }

    /** The query string without {@code ?}, empty when there is none. */
    public String rawQuery() {
        String query = event.getRawQueryString();
        return query == null ? "" : query;
    }

    /** A header's value, or {@code null}. */
    public String header(String lowerCaseName) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        String value = headers.get(lowerCaseName);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(lowerCaseName)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public boolean hasHeader(String lowerCaseName) {
        return header(lowerCaseName) != null;
    }

    /** API Gateway's request id (what its access log shows), else Lambda's, else {@code "-"}. */
    public String requestId() {
        APIGatewayV2HTTPEvent.RequestContext requestContext = event.getRequestContext();
        if (requestContext != null && requestContext.getRequestId() != null) {
            return requestContext.getRequestId();
        }
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        return "-";
    }

    /** The client address as API Gateway saw it (never a client-supplied header), or {@code null}. */
    public String sourceIp() {
        APIGatewayV2HTTPEvent.RequestContext.Http http = http();
        return http == null ? null : http.getSourceIp();
    }

    /**
     * The body's bytes, base64-decoded when API Gateway encoded it.
     *
     * @throws IllegalArgumentException if a base64 body is not valid base64
     */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            return Base64.getDecoder().decode(body);
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private APIGatewayV2HTTPEvent.RequestContext.Http http() {
        APIGatewayV2HTTPEvent.RequestContext requestContext = event.getRequestContext();
        return requestContext == null ? null : requestContext.getHttp();
    }
}
