package dev.tern.core.yourls;

import dev.tern.core.link.Link;
import java.util.Objects;

/**
 * A link as the YOURLS API reports it: the link and its click total.
 *
 * @param link   the link (never a deleted one)
 * @param clicks its clicks
 */
public record YourlsLink(Link link, long clicks) {
    public YourlsLink {
        Objects.requireNonNull(link, "link");
    }
}
