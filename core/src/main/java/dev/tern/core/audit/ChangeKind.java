package dev.tern.core.audit;

import java.util.Locale;

/** What a recorded change did to a link. Clients see {@link #slug()}, which never changes once released. */
public enum ChangeKind {
    /** The link was created (form, REST API, YOURLS API). */
    CREATE,
    /** The link came in with a migration ({@code tern-migrate}); not recorded as it happened, derived from the link. */
    IMPORT,
    /** Its destination, title, expiry or redirect policy changed (possibly with its status). */
    UPDATE,
    /** It was disabled and nothing else changed. */
    DISABLE,
    /** It was enabled again and nothing else changed. */
    ENABLE,
    /** It was soft-deleted. */
    DELETE,
    /** It was brought back: undeleted, or set back to an earlier version ({@link Change#restoredFrom()}). */
    RESTORE;

    /** The lower-case name shown by the API, e.g. {@code disable}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
