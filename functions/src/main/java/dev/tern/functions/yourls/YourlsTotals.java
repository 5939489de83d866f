package dev.tern.functions.yourls;

/**
 * The site's totals as YOURLS's {@code stats} and {@code db-stats} give them.
 *
 * @param links  the number of links ({@code total_links})
 * @param clicks the sum of all links' clicks ({@code total_clicks})
 */
public record YourlsTotals(long links, long clicks) {
    public YourlsTotals {
        if (links < 0 || clicks < 0) {
            throw new IllegalArgumentException("totals cannot be negative: " + links + " links, " + clicks + " clicks");
        }
    }
}
