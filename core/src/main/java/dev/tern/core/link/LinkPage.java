package dev.tern.core.link;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of links, newest first.
 *
 * @param links the links of this page
 * @param next  the opaque cursor of the next page; empty when this is the last (a page may also be
 *              empty with no next, when the previous one ended exactly at the last link)
 */
public record LinkPage(List<Link> links, Optional<String> next) {
    public LinkPage {
        links = List.copyOf(links);
        Objects.requireNonNull(next, "next");
    }
}
