package dev.tern.migration;

/** What to do when a YOURLS keyword already names a different link in Tern ({@code --on-conflict}). */
public enum ConflictPolicy {
    /** Keep Tern's link, list the YOURLS row in the report (the default). */
    SKIP,
    /** Replace Tern's link by the YOURLS one. */
    OVERWRITE
}
