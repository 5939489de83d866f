package dev.tern.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of a link's history, newest first.
 *
 * @param current the link's current version
 * @param entries the changes of this page, newest first
 * @param next    the version to pass as {@code before} for the next (older) page; empty on the last page
 */
public record HistoryPage(long current, List<AuditEntry> entries, Optional<Long> next) {
    public HistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
