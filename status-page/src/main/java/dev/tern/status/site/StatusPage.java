package dev.tern.status.site;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the status site says about itself.
 *
 * @param id the page's identifier in the Statuspage feeds ({@code page.id}, {@code page_id})
 * @param name the service's name, e.g. {@code "Tern"}; the page is titled "{name} status"
 * @param url where the site is served, ending in {@code /} (e.g. {@code https://status.example.com/} or
 *     {@code http://localhost:8080/status/}); links in the feeds are built from it
 * @param since when the page started watching (the components' {@code created_at})
 */
public record StatusPage(String id, String name, URI url, Instant since) {
    public StatusPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
        if (url == null || !url.isAbsolute() || !url.getPath().endsWith("/")) {
            throw new IllegalArgumentException("The status page URL must be absolute and end with '/', was " + url);
        }
    }

    /** {@code path} (relative, no leading slash) under the page's URL. */
    public URI resolve(String path) {
        return url.resolve(path);
    }
}
