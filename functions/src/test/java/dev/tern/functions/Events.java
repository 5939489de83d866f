package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds API Gateway HTTP API (payload v2) events the way API Gateway sends them, for table tests.
 * Events to {@code /api/...} carry {@code Authorization: Bearer} {@link TestKeys#ADMIN} unless
 * {@link Builder#withoutKey()} removes it.
 */
final class Events {
    private Events() {
    }

    static Builder request(String method, String rawPath) {
        return new Builder(method, rawPath);
    }

    static Builder get(String rawPath) {
        return request("GET", rawPath);
    }

    static Builder head(String rawPath) {
        return request("HEAD", rawPath);
    }

    /** A POST with a JSON body and {@code Content-Type: application/json}. */
    static Builder postJson(String rawPath, String body) {
        return request("POST", rawPath).header("content-type", "application/json").body(body);
    }

    static final class Builder {
        private final String method;
        private final String rawPath;
        private String rawQuery = "";
        private Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private boolean base64;
        private String sourceIp = "198.51.100.23";
        private String requestId = "req-1";

        private Builder(String method, String rawPath) {
            this.method = method;
            this.rawPath = rawPath;
            headers.put("host", "127.0.0.1:8080");
            if (rawPath.startsWith("/api/")) {
                headers.put("authorization", "Bearer " + TestKeys.ADMIN);
            }
        }

        /** Without the test admin key that events to {@code /api/...} carry by default. */
        Builder withoutKey() {
            if (headers != null) {
                headers.remove("authorization");
            }
            return this;
        }

        /** Adds a header; names are lower-cased as API Gateway does. */
        Builder header(String name, String value) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        /** Keeps the header's name as given (a hand-built event, as the local adapter might make). */
        Builder rawHeader(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Builder withoutHeaders() {
            headers = null;
            return this;
        }

        Builder query(String raw) {
            rawQuery = raw;
            return this;
        }

        Builder body(String text) {
            body = text;
            base64 = false;
            return this;
        }

        Builder base64Body(byte[] bytes) {
            body = Base64.getEncoder().encodeToString(bytes);
            base64 = true;
            return this;
        }

        /** A body marked as base64 exactly as given (valid or not). */
        Builder encodedBody(String base64Text) {
            body = base64Text;
            base64 = true;
            return this;
        }

        Builder base64Body(String text) {
            return base64Body(text.getBytes(StandardCharsets.UTF_8));
        }

        Builder sourceIp(String ip) {
            sourceIp = ip;
            return this;
        }

        Builder requestId(String id) {
            requestId = id;
            return this;
        }

        APIGatewayV2HTTPEvent build() {
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey("$default")
                    .withRawPath(rawPath)
                    .withRawQueryString(rawQuery)
                    .withHeaders(headers)
                    .withBody(body)
                    .withIsBase64Encoded(base64)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId(requestId)
                            .withRouteKey("$default")
                            .withStage("$default")
                            .withTimeEpoch(1_795_428_000_000L)
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod(method)
                                    .withPath(rawPath)
                                    .withProtocol("HTTP/1.1")
                                    .withSourceIp(sourceIp)
                                    .withUserAgent(headers == null ? null : headers.get("user-agent"))
                                    .build())
                            .build())
                    .build();
        }
    }
}
