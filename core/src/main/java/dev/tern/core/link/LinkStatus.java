package dev.tern.core.link;

/** Whether a link redirects. */
public enum LinkStatus {
    /** Redirects visitors. */
    ACTIVE,
    /** Kept, but answers "gone" (disabled by its owner, an admin, or the migration). */
    DISABLED,
    /** Soft-deleted: answers "gone" and can be restored for a while. */
    DELETED
}
