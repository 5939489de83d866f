package dev.tern.status.probe;

import dev.tern.core.status.Component;
import dev.tern.core.status.DatabaseProbe;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP check of a component: {@code GET <region's base URL><path>}, redirects not followed, which
 * passes when the status (and, if given, the {@code Location}) is the expected one.
 *
 * @param component the component it checks
 * @param path the path and query, starting with {@code /}
 * @param expectedStatus the status a healthy deployment answers
 * @param expectedLocation the exact {@code Location} a healthy deployment answers, if any
 * @param headers extra request headers (e.g. an API key); the probe header is always sent
 */
public record HttpCheck(Component component, String path, int expectedStatus, Optional<String> expectedLocation,
        Map<String, String> headers) {
    public HttpCheck {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(expectedLocation, "expectedLocation");
        headers = Map.copyOf(headers);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A check's path must start with '/', was " + path);
        }
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + expectedStatus);
        }
        if (component == Component.DATABASE) {
            throw new IllegalArgumentException("The database is checked by a DatabaseProbe, not over HTTP");
        }
    }
}
