package dev.tern.core.yourls;

/** The orders of {@link LinkRanking#ranked}. */
public enum RankOrder {
    /** Most clicks first; links with equal counts by code, descending. */
    MOST_CLICKED,
    /** Fewest clicks first (links never clicked included); links with equal counts by code, ascending. */
    LEAST_CLICKED
}
