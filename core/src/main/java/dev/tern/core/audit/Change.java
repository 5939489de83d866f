package dev.tern.core.audit;

import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who changed a link, when, and how: the audit record of one {@link LinkVersion}.
 *
 * @param kind         what the change did
 * @param actor        who made it, as an opaque non-personal id ({@code key:<id>} for an API key,
 *                     {@code anon:<keyed hash>} for the anonymous form, {@code yourls-api:<user>},
 *                     {@code yourls:…} for the migration); never a raw address
 * @param at           when
 * @param restoredFrom for a {@link ChangeKind#RESTORE} back to an earlier version: that version; else {@code null}
 * @param recorded     {@code false} when the record was derived from the link rather than written with the
 *                     change: the first version of a link created before the audit trail, or imported
 */
public record Change(ChangeKind kind, Creator actor, Instant at, Long restoredFrom, boolean recorded) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (restoredFrom != null && (kind != ChangeKind.RESTORE || restoredFrom < 1)) {
            throw new IllegalArgumentException("only a restore names the version it restored, and versions start at 1");
        }
    }

    /** A change recorded as it is made. */
    public static Change of(ChangeKind kind, Creator actor, Instant at) {
        return new Change(kind, actor, at, null, true);
    }

    /** A restore back to version {@code version}. */
    public static Change restoredFrom(long version, Creator actor, Instant at) {
        return new Change(ChangeKind.RESTORE, actor, at, version, true);
    }

    /**
     * The record of a link's first version derived from the link itself (its creator and creation
     * time): what a link stored without a record has, a created one or one imported by the migration
     * (creator {@code yourls} or {@code yourls:…}), which is one {@link ChangeKind#IMPORT} entry.
     */
    public static Change derivedCreation(Link link) {
        String creator = link.creator().id();
        // The migration's creators: "yourls" (no address kept) or "yourls:<address or its hash>".
        ChangeKind kind = creator.equals("yourls") || creator.startsWith("yourls:") ? ChangeKind.IMPORT : ChangeKind.CREATE;
        return new Change(kind, link.creator(), link.createdAt(), null, false);
    }

    public Optional<Long> restoredVersion() {
        return Optional.ofNullable(restoredFrom);
    }
}
