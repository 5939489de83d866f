package dev.tern.functions.yourls;

import java.util.Map;
import java.util.Objects;

/**
 * A reply put in its format: what goes on the wire.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type} header, charset included, as YOURLS sends it
 * @param body        the body (sent as UTF-8)
 */
public record YourlsRendered(int status, String contentType, String body) {
    public YourlsRendered {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** The response headers YOURLS's API sets: its content type only. */
    public Map<String, String> headers() {
        return Map.of("content-type", contentType);
    }
}
