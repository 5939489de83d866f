package dev.tern.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Translates between a local HTTP exchange and the API Gateway HTTP API (payload format 2.0) event
 * and response that the Lambda handlers take, doing what API Gateway does: lower-cased headers
 * joined with commas, cookies split out, query parameters decoded, binary bodies base64-encoded,
 * a request id per request.
 */
final class ApiGatewayAdapter {
    /** API Gateway's own payload limit is 10 MB; nothing Tern accepts comes near 1 MB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ApiGatewayAdapter() {
    }

    /** Thrown when a request body is larger than {@link #MAX_BODY_BYTES}. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, String routeKey) throws IOException {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                }
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        byte[] body = readBody(exchange.getRequestBody());
        String contentType = headers.getOrDefault("content-type", "");
        boolean textual = isTextual(contentType);
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(routeKey)
                .withAccountId("000000000000")
                .withApiId("local")
                .withStage("$default")
                .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                .withDomainPrefix("local")
                .withRequestId(requestId)
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(rawPath)
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withBody(body.length == 0 ? null
                        : textual ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !textual)
                .withRequestContext(context)
                .build();
    }

    static void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> out.add("Set-Cookie", cookie));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        writeRaw(exchange, response.getStatusCode(), body);
    }

    /** Sends a status and body; HEAD requests and bodiless statuses get headers only. */
    static void writeRaw(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304;
        if (noBody) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            }
        }
        exchange.close();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return body;
    }

    /** Like API Gateway: text types travel as text, everything else base64-encoded. */
    static boolean isTextual(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("javascript");
    }

    /** Decoded query parameters; repeated names joined with commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params.isEmpty() ? null : params;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape is passed through as typed; the handler judges it
        }
    }
}
