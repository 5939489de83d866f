package dev.tern.migration.export;

/**
 * What an export wrote.
 *
 * @param links          links written
 * @param clicks         their click totals added up
 * @param disabled       of the links written, how many are disabled in Tern (they will redirect in YOURLS)
 * @param expired        of the links written, how many have expired in Tern (they will redirect in YOURLS)
 * @param deleted        of the links written, how many are deleted in Tern (only with {@code includeDeleted})
 * @param deletedSkipped deleted links left out
 */
public record ExportCounts(long links, long clicks, long disabled, long expired, long deleted, long deletedSkipped) {

    /** One line for the terminal. */
    public String summary() {
        StringBuilder out = new StringBuilder().append(links).append(" links (").append(clicks).append(" clicks) exported");
        if (disabled > 0) {
            out.append("; ").append(disabled).append(" of them disabled in Tern, which YOURLS will serve again");
        }
        if (expired > 0) {
            out.append("; ").append(expired).append(" expired in Tern, which YOURLS will serve again");
        }
        if (deleted > 0) {
            out.append("; ").append(deleted).append(" deleted in Tern, included as asked");
        }
        if (deletedSkipped > 0) {
            out.append("; ").append(deletedSkipped).append(" deleted links left out (--include-deleted exports them)");
        }
        return out.toString();
    }
}
