package dev.tern.core.yourls;

/**
 * The whole site's totals, as YOURLS's {@code db-stats} gives them.
 *
 * @param links  links that exist (deleted ones not counted)
 * @param clicks every click counted so far (see {@link LinkRanking#totals()})
 */
public record SiteTotals(long links, long clicks) {
    /** Totals never go below zero, even while a deletion and its link's creation are still being reconciled. */
    public SiteTotals {
        links = Math.max(0, links);
        clicks = Math.max(0, clicks);
    }
}
