package dev.tern.core.audit;

import dev.tern.core.link.Link;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a link's history as shown to an administrator: the change and the link before and after it.
 *
 * @param version the version the change made
 * @param change  who, when, what
 * @param before  the link before the change ({@code null} for version 1)
 * @param after   the link after it
 */
public record AuditEntry(long version, Change change, Link before, Link after) {
    public AuditEntry {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(after, "after");
    }

    public Optional<Link> previous() {
        return Optional.ofNullable(before);
    }
}
