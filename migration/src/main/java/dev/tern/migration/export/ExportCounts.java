package dev.tern.migration.export;

/**
 * What an export wrote.
 *
 * @param links                 links written
 * @param clicks                their click totals added up
 * @param disabled              of the links written, how many are disabled in Tern (they will redirect in YOURLS)
 * @param expired               of the links written, how many have expired in Tern (they will redirect in YOURLS)
 * @param deleted               of the links written, how many are deleted in Tern (only with {@code includeDeleted})
 * @param deletedSkipped        deleted links left out
 * @param keywordsWithCapitals  of the links written, how many have a capital letter in their keyword: YOURLS
 *                              serves them only with {@code YOURLS_URL_CONVERT} 62 (Tern's generated codes
 *                              are base 62)
 * @param keywordsWithHyphen    how many have a {@code -}: YOURLS serves them only with its bundled
 *                              {@code hyphens-in-urls} plugin active
 * @param keywordsWithUnderscore how many have a {@code _}, which no YOURLS keyword charset holds without a
 *                              plugin of one's own
 */
public record ExportCounts(long links, long clicks, long disabled, long expired, long deleted, long deletedSkipped,
        long keywordsWithCapitals, long keywordsWithHyphen, long keywordsWithUnderscore) {

    /** A few lines for the terminal: what was written, and what the YOURLS site needs to serve all of it. */
    public String summary() {
        StringBuilder out = new StringBuilder().append(links).append(" links (").append(clicks).append(" clicks) exported.");
        if (disabled > 0) {
            out.append("\n").append(disabled).append(" of them are disabled in Tern: YOURLS has no such state and will serve them.");
        }
        if (expired > 0) {
            out.append("\n").append(expired).append(" of them have expired in Tern: YOURLS will serve them.");
        }
        if (deleted > 0) {
            out.append("\n").append(deleted).append(" of them are deleted in Tern, included as asked.");
        }
        if (deletedSkipped > 0) {
            out.append("\n").append(deletedSkipped).append(" deleted links were left out (--include-deleted exports them).");
        }
        if (keywordsWithCapitals > 0) {
            out.append("\n").append(keywordsWithCapitals)
                    .append(" keywords have capital letters: set define('YOURLS_URL_CONVERT', 62) in YOURLS's config.php.");
        }
        if (keywordsWithHyphen > 0) {
            out.append("\n").append(keywordsWithHyphen)
                    .append(" keywords have '-': activate YOURLS's bundled plugin \"Allow Hyphens in Short URLs\".");
        }
        if (keywordsWithUnderscore > 0) {
            out.append("\n").append(keywordsWithUnderscore)
                    .append(" keywords have '_', which YOURLS serves only with a plugin that adds '_' to its keyword charset.");
        }
        return out.toString();
    }
}
