package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.ShortCode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET|HEAD /health}: whether this region can serve redirects, in the "Health Check Response
 * Format for HTTP APIs" ({@code application/health+json}): {@code pass}, {@code warn} (slow) or
 * {@code fail} (503). What Route 53's health checks call every 10 seconds; a region that fails leaves
 * DNS. It makes the redirect path's own store call (an eventually consistent read of the links table,
 * for a code no link can have) and times it; it writes nothing and counts no click.
 */
public final class HealthCheck {
    /** The path, answered by the site's function ({@code $default}) in every region. */
    public static final String PATH = "/health";
    /** Slower than this, the region answers {@code warn}: still in DNS, but worth a look. */
    static final Duration SLOW = Duration.ofMillis(500);
    /** A reserved word, so no link has it and the read finds nothing, at the cost of a real read. */
    private static final ShortCode PROBE = new ShortCode("health");
    static final String MEDIA_TYPE = "application/health+json";

    private final Wiring wiring;

    public HealthCheck(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
    }

    /** The answer to {@code request} (GET or HEAD; other methods get 405). */
    public APIGatewayV2HTTPResponse respond(HttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", MEDIA_TYPE);
        headers.put("Cache-Control", "no-store");
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            headers.put("Allow", "GET, HEAD");
            return Responses.of(405, headers, request.isHead() ? "" : "{\"status\":\"fail\",\"output\":\"GET or HEAD only\"}");
        }
        Instant at = wiring.clock().instant();
        long started = System.nanoTime();
        String status;
        String output = null;
        try {
            wiring.stores().links().find(PROBE);
            status = Duration.ofNanos(System.nanoTime() - started).compareTo(SLOW) > 0 ? "warn" : "pass";
        } catch (StoreUnavailableException e) {
            status = "fail";
            output = e.detail();
        } catch (RuntimeException e) {
            wiring.log().error("health", null, request.requestId(), e);
            status = "fail";
            output = "the links table cannot be read";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        StringBuilder body = new StringBuilder(320)
                .append("{\"status\":\"").append(status).append('"')
                .append(",\"serviceId\":\"tern\"")
                .append(",\"description\":").append(JsonText.quote("Tern redirects in " + region()));
        if (output != null) {
            body.append(",\"output\":").append(JsonText.quote(output));
        }
        body.append(",\"checks\":{\"links:responseTime\":[{\"componentType\":\"datastore\",\"observedValue\":").append(millis)
                .append(",\"observedUnit\":\"ms\",\"status\":\"").append(status).append("\",\"time\":\"").append(at).append("\"")
                .append(output == null ? "" : ",\"output\":" + JsonText.quote(output))
                .append("}]}}");
        return Responses.of(status.equals("fail") ? 503 : 200, headers, request.isHead() ? "" : body.toString());
    }

    private String region() {
        String region = wiring.settings().region();
        return region.isEmpty() ? "this region" : region;
    }
}
