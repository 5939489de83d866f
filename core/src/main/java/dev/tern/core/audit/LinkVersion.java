package dev.tern.core.audit;

import dev.tern.core.link.Link;
import java.util.Objects;

/**
 * A link as it was after one change: versions count from 1 (the creation) and every change adds
 * one, so a link's history is versions 1 to the current one with no gaps.
 *
 * @param version the version number, at least 1
 * @param link    the link after the change (all of it, so any version can be restored)
 * @param change  who made the change, when, and what it was
 */
public record LinkVersion(long version, Link link, Change change) {
    public LinkVersion {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(change, "change");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
    }

    /** The first version of a link stored without a record (see {@link Change#derivedCreation}). */
    public static LinkVersion firstOf(Link link) {
        return new LinkVersion(1, link, Change.derivedCreation(link));
    }

    /** The version after this one: {@code updated} changed by {@code change}. */
    public LinkVersion next(Link updated, Change change) {
        if (!updated.code().equals(link.code())) {
            throw new IllegalArgumentException("a link's code cannot change");
        }
        return new LinkVersion(version + 1, updated, change);
    }
}
