package dev.tern.core.yourls;

import dev.tern.core.link.Creator;
import java.util.Objects;

/**
 * A {@code shorturl} request as received (nothing validated yet).
 *
 * @param url            the {@code url} parameter, or {@code null}
 * @param keyword        the {@code keyword} parameter, or {@code null}
 * @param title          the {@code title} parameter, or {@code null}
 * @param sourceIsPlugin {@code source=plugin}: unique-URL mode for this call whatever the site's setting
 * @param creator        who asks (the authenticated YOURLS user)
 */
public record ShortenRequest(String url, String keyword, String title, boolean sourceIsPlugin, Creator creator) {
    public ShortenRequest {
        Objects.requireNonNull(creator, "creator");
    }
}
