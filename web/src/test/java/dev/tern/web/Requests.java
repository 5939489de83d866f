package dev.tern.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP API (payload v2) events as API Gateway sends them: lower-case headers, cookies apart, the source IP in the context. */
final class Requests {
    private Requests() {
    }

    static Builder get(String rawPath) {
        return new Builder("GET", rawPath);
    }

    static Builder head(String rawPath) {
        return new Builder("HEAD", rawPath);
    }

    static Builder post(String rawPath) {
        return new Builder("POST", rawPath);
    }

    static Builder request(String method, String rawPath) {
        return new Builder(method, rawPath);
    }

    static final class Builder {
        private final String method;
        private final String rawPath;
        private String rawQuery = "";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> cookies = new ArrayList<>();
        private String body;
        private boolean base64;
        private String sourceIp = "198.51.100.23";

        private Builder(String method, String rawPath) {
            this.method = method;
            this.rawPath = rawPath;
            headers.put("host", "127.0.0.1:8080");
        }

        Builder header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        Builder query(String raw) {
            rawQuery = raw;
            return this;
        }

        Builder cookie(String name, String value) {
            cookies.add(name + "=" + value);
            return this;
        }

        Builder sourceIp(String ip) {
            sourceIp = ip;
            return this;
        }

        /** A form body, as a browser sends it. */
        Builder form(String urlEncoded) {
            header("content-type", "application/x-www-form-urlencoded");
            body = urlEncoded;
            return this;
        }

        /** A form body base64-encoded, as API Gateway passes form posts to Lambda. */
        Builder base64Form(String urlEncoded) {
            header("content-type", "application/x-www-form-urlencoded");
            body = Base64.getEncoder().encodeToString(urlEncoded.getBytes(StandardCharsets.UTF_8));
            base64 = true;
            return this;
        }

        Builder body(String contentType, String text) {
            header("content-type", contentType);
            body = text;
            return this;
        }

        APIGatewayV2HTTPEvent build() {
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey("$default")
                    .withRawPath(rawPath)
                    .withRawQueryString(rawQuery)
                    .withHeaders(new LinkedHashMap<>(headers))
                    .withCookies(cookies.isEmpty() ? null : new ArrayList<>(cookies))
                    .withBody(body)
                    .withIsBase64Encoded(base64)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId("req-web")
                            .withRouteKey("$default")
                            .withStage("$default")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod(method)
                                    .withPath(rawPath)
                                    .withProtocol("HTTP/1.1")
                                    .withSourceIp(sourceIp)
                                    .build())
                            .build())
                    .build();
        }
    }
}
