package dev.tern.core.yourls;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code expand} or {@code url-stats} found for a keyword.
 *
 * @param keyword the keyword looked for (the site's address taken off a full short URL), echoed by
 *                YOURLS's "not found" answer
 * @param found   what was found, or empty
 */
public record KeywordLookup<T>(String keyword, Optional<T> found) {
    public KeywordLookup {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(found, "found");
    }
}
