package dev.tern.status.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the whole static status site from one {@link StatusView}: no server is needed at read
 * time. The result maps each path (relative, no leading slash, e.g. {@code api/v2/summary.json}) to its
 * bytes; the caller writes them to S3 or a directory, with {@link #contentType(String)}.
 *
 * <p>Files: {@code index.html} and {@code status.css}; the Statuspage v2 feeds
 * {@code api/v2/summary.json}, {@code status.json}, {@code components.json}, {@code incidents.json},
 * {@code incidents/unresolved.json}, {@code scheduled-maintenances.json}; {@code history.atom};
 * {@code badge.svg} and {@code badge.json} (shields.io endpoint).
 *
 * <p>Thread-safe; build one per container and reuse it.
 */
public final class StatusSiteGenerator {
    private final ObjectMapper json = new ObjectMapper();
    private final StatuspageFeeds feeds = new StatuspageFeeds(json);
    private final byte[] css;

    public StatusSiteGenerator() {
        try (InputStream in = StatusSiteGenerator.class.getResourceAsStream("status.css")) {
            if (in == null) {
                throw new IllegalStateException("status.css is missing from the tern-status-page jar");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read status.css from the tern-status-page jar", e);
        }
    }

    /** Every file of the site, by path; iteration order is stable. */
    public Map<String, byte[]> generate(StatusView view) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", utf8(HtmlPage.render(view)));
        files.put("status.css", css.clone());
        feeds.documents(view).forEach((path, doc) -> files.put(path, bytes(doc)));
        files.put("history.atom", utf8(AtomFeed.render(view)));
        files.put("badge.svg", utf8(Badges.svg(view.snapshot().overallStatus())));
        files.put("badge.json", bytes(Badges.endpoint(json, view.snapshot().overallStatus())));
        return Collections.unmodifiableMap(files);
    }

    /** The media type to serve {@code path} with (UTF-8 for text). */
    public static String contentType(String path) {
        if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".json")) {
            return "application/json";
        }
        if (path.endsWith(".atom")) {
            return "application/atom+xml";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("The status site has no file like " + path);
    }

    private byte[] bytes(ObjectNode doc) {
        try {
            return json.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A status feed could not be written as JSON", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
