package dev.tern.core.yourls;

import java.util.Locale;

/** The {@code filter} of YOURLS's {@code stats} action. */
public enum StatsFilter {
    /** Most clicked first (also what an unknown or missing filter means, as in YOURLS). */
    TOP,
    /** Least clicked first, never-clicked links included. */
    BOTTOM,
    /** Newest first. */
    LAST,
    /** A random sample. */
    RAND;

    /** The filter named by {@code value} ({@code top}, {@code bottom}, {@code last}, {@code rand} or {@code random}); anything else is {@link #TOP}. */
    public static StatsFilter fromParam(String value) {
        if (value == null) {
            return TOP;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "bottom" -> BOTTOM;
            case "last" -> LAST;
            case "rand", "random" -> RAND;
            default -> TOP;
        };
    }
}
