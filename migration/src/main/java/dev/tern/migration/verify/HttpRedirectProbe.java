package dev.tern.migration.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link RedirectProbe} over HTTP: {@code GET <base>/<keyword>} with {@code X-Tern-Probe: 1} (Tern
 * does not count it as a click), redirects not followed, the body discarded.
 */
final class HttpRedirectProbe implements RedirectProbe {
    /** The header that tells Tern's redirect not to count a click ({@code RedirectHandler.PROBE_HEADER}). */
    static final String PROBE_HEADER = "X-Tern-Probe";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String base;
    private final HttpClient client;

    HttpRedirectProbe(URI ternBaseUrl) {
        String text = Objects.requireNonNull(ternBaseUrl, "ternBaseUrl").toASCIIString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    @Override
    public Answer get(String keyword) {
        // Keywords that reach here are valid short codes: [0-9A-Za-z_-], nothing to escape.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + keyword))
                .GET()
                .timeout(TIMEOUT)
                .header(PROBE_HEADER, "1")
                .header("User-Agent", "tern-migrate verify")
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return Answer.of(response.statusCode(), response.headers().firstValue("Location").orElse(null));
        } catch (HttpTimeoutException e) {
            return Answer.failed("timed out after " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return Answer.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
