package dev.tern.migration.verify;

/** What kind of {@link Difference} between the YOURLS source and Tern was found. */
public enum DifferenceKind {
    /** A source keyword has no link in Tern (or cannot be a Tern short code). */
    MISSING_IN_TERN("missing in Tern"),
    /** The long URL differs. */
    URL("url differs"),
    /** The title differs (YOURLS's NULL counts as empty). */
    TITLE("title differs"),
    /** The creation time differs ({@code YYYY-MM-DD HH:MM:SS}, UTC). */
    TIMESTAMP("timestamp differs"),
    /** The click count differs (YOURLS's {@code clicks} column against Tern's total). */
    CLICKS("clicks differ"),
    /** A sampled redirect through the running Tern did not answer as the link says it should. */
    REDIRECT("redirect differs");

    private final String label;

    DifferenceKind(String label) {
        this.label = label;
    }

    /** A few words for the report, e.g. {@code url differs}. */
    public String label() {
        return label;
    }
}
