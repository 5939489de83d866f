package dev.tern.functions.fuzz;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a fuzzer's bytes into an API Gateway (HTTP API, payload v2) event, so that seeds are
 * readable HTTP-like text:
 *
 * <pre>
 * POST /api/v1/links?x=1
 * content-type: application/json
 * authorization: Bearer {ADMIN}
 *
 * {"url":"https://example.com/"}
 * </pre>
 *
 * The first line is the method and the raw target; header lines follow up to an empty line; the rest
 * is the body. {@code {ADMIN}}, {@code {PASSWORD}} and {@code {SIGNATURE}} stand for the fuzzed
 * site's secrets, so the fuzzer also gets past authentication. A header {@code x-fuzz-base64: 1}
 * marks the body as base64 (as API Gateway does for binary bodies); {@code x-fuzz-no-context: 1}
 * drops the request context, as a hand-built event might. Any bytes make some event: this reader
 * never fails.
 */
final class FuzzedHttpRequest {
    private FuzzedHttpRequest() {
    }

    static APIGatewayV2HTTPEvent event(byte[] data, Map<String, String> secrets) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            text = text.replace("{" + secret.getKey() + "}", secret.getValue());
        }
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String body = blank < 0 ? null : text.substring(blank + 2);
        String[] lines = head.split("\n", -1);

        String requestLine = lines[0];
        int space = requestLine.indexOf(' ');
        String method = space < 0 ? requestLine : requestLine.substring(0, space);
        String target = space < 0 ? "" : requestLine.substring(space + 1);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);

        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
            }
        }

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setRawQueryString(query);
        event.setBody(body);
        event.setIsBase64Encoded("1".equals(headers.remove("x-fuzz-base64")));
        boolean noContext = "1".equals(headers.remove("x-fuzz-no-context"));
        event.setHeaders(headers);
        if (!noContext) {
            APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
            http.setMethod(method);
            http.setPath(path);
            http.setSourceIp("203.0.113.77");
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setHttp(http);
            context.setRequestId("fuzz");
            event.setRequestContext(context);
        }
        return event;
    }
}
