package dev.tern.migration;

import dev.tern.core.link.Link;
import dev.tern.migration.source.UrlRow;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code yourls_url} row becomes in Tern, before it is written.
 *
 * @param row    the source row
 * @param link   the Tern link, or {@code null} when the row cannot be carried
 * @param notes  why the link is disabled or not carried, and anything changed on the way
 *               (e.g. an unreadable creation time); empty for a plain carry
 */
public record MappedRow(UrlRow row, Link link, List<String> notes) {
    public MappedRow {
        Objects.requireNonNull(row, "row");
        notes = List.copyOf(notes);
    }

    public boolean carried() {
        return link != null;
    }
}
