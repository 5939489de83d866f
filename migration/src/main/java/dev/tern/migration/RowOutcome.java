package dev.tern.migration;

/** Where a source row ended; every row ends in exactly one. */
public enum RowOutcome {
    /** Written to Tern as an active link. */
    WRITTEN,
    /** Written to Tern, disabled: Tern will not serve its target or keyword (the reason is listed). */
    WRITTEN_DISABLED,
    /** Already in Tern, identical (an earlier run, or the same data): nothing written. */
    IDENTICAL,
    /** Tern has a different link under the keyword; kept, the YOURLS row listed ({@code --on-conflict skip}). */
    CONFLICT_SKIPPED,
    /** Tern had a different link under the keyword; replaced ({@code --on-conflict overwrite}). */
    CONFLICT_OVERWRITTEN,
    /** Not carried (the keyword cannot be a Tern code); listed with the reason. */
    NOT_CARRIED;

    /** The slug used in the report file. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
