package dev.tern.core.audit;

import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;

/** Names the change between two states of a link. */
public final class ChangeKinds {
    private ChangeKinds() {
    }

    /**
     * {@link ChangeKind#DELETE} into the deleted status, {@link ChangeKind#RESTORE} out of it,
     * {@link ChangeKind#DISABLE} / {@link ChangeKind#ENABLE} when only the active/disabled status
     * changed, otherwise {@link ChangeKind#UPDATE}.
     */
    public static ChangeKind between(Link before, Link after) {
        if (before.status() != LinkStatus.DELETED && after.status() == LinkStatus.DELETED) {
            return ChangeKind.DELETE;
        }
        if (before.status() == LinkStatus.DELETED && after.status() != LinkStatus.DELETED) {
            return ChangeKind.RESTORE;
        }
        if (before.status() != after.status() && before.withStatus(after.status()).equals(after)) {
            return after.status() == LinkStatus.DISABLED ? ChangeKind.DISABLE : ChangeKind.ENABLE;
        }
        return ChangeKind.UPDATE;
    }
}
