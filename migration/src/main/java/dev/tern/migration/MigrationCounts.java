package dev.tern.migration;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** Running totals of a migration: what became of every row and every click. Not thread-safe. */
public final class MigrationCounts {
    private final EnumMap<RowOutcome, Long> rows = new EnumMap<>(RowOutcome.class);
    /** Source rows read. */
    long rowsRead;
    /** Sum of {@code yourls_url.clicks} of the rows read. */
    long sourceClicks;
    /** Clicks carried without a date (the counter beyond the log rows, or all of it without {@code --clicks}). */
    long undatedClicks;
    /** Log rows carried as dated clicks. */
    long datedClicks;
    /** Log rows of keywords that no row of {@code yourls_url} has (clicks of deleted or renamed links). */
    long orphanLogRows;
    /** Log rows of links that were not carried (conflicts, keywords Tern cannot hold). */
    long uncarriedLogRows;
    /** Links whose log has more rows than their counter (the counter then follows the log). */
    long linksWithMoreLogRowsThanClicks;

    void add(RowOutcome outcome) {
        rows.merge(outcome, 1L, Long::sum);
    }

    void addAll(MigrationCounts other) {
        other.rows.forEach((outcome, n) -> rows.merge(outcome, n, Long::sum));
        rowsRead += other.rowsRead;
        sourceClicks += other.sourceClicks;
        undatedClicks += other.undatedClicks;
        datedClicks += other.datedClicks;
        orphanLogRows += other.orphanLogRows;
        uncarriedLogRows += other.uncarriedLogRows;
        linksWithMoreLogRowsThanClicks += other.linksWithMoreLogRowsThanClicks;
    }

    public long rows(RowOutcome outcome) {
        return rows.getOrDefault(outcome, 0L);
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long sourceClicks() {
        return sourceClicks;
    }

    public long undatedClicks() {
        return undatedClicks;
    }

    public long datedClicks() {
        return datedClicks;
    }

    public long orphanLogRows() {
        return orphanLogRows;
    }

    public long uncarriedLogRows() {
        return uncarriedLogRows;
    }

    public long linksWithMoreLogRowsThanClicks() {
        return linksWithMoreLogRowsThanClicks;
    }

    /** Rows that need the operator's attention: conflicts kept and rows not carried. */
    public long rowsNeedingAttention() {
        return rows(RowOutcome.CONFLICT_SKIPPED) + rows(RowOutcome.NOT_CARRIED);
    }

    void store(Properties into) {
        for (Map.Entry<RowOutcome, Long> e : rows.entrySet()) {
            into.setProperty("rows." + e.getKey().slug(), Long.toString(e.getValue()));
        }
        into.setProperty("rowsRead", Long.toString(rowsRead));
        into.setProperty("sourceClicks", Long.toString(sourceClicks));
        into.setProperty("undatedClicks", Long.toString(undatedClicks));
        into.setProperty("datedClicks", Long.toString(datedClicks));
        into.setProperty("orphanLogRows", Long.toString(orphanLogRows));
        into.setProperty("uncarriedLogRows", Long.toString(uncarriedLogRows));
        into.setProperty("linksWithMoreLogRowsThanClicks", Long.toString(linksWithMoreLogRowsThanClicks));
    }

    static MigrationCounts load(Properties from) {
        MigrationCounts counts = new MigrationCounts();
        for (RowOutcome outcome : RowOutcome.values()) {
            long n = Long.parseLong(from.getProperty("rows." + outcome.slug(), "0"));
            if (n > 0) {
                counts.rows.put(outcome, n);
            }
        }
        counts.rowsRead = Long.parseLong(from.getProperty("rowsRead", "0"));
        counts.sourceClicks = Long.parseLong(from.getProperty("sourceClicks", "0"));
        counts.undatedClicks = Long.parseLong(from.getProperty("undatedClicks", "0"));
        counts.datedClicks = Long.parseLong(from.getProperty("datedClicks", "0"));
        counts.orphanLogRows = Long.parseLong(from.getProperty("orphanLogRows", "0"));
        counts.uncarriedLogRows = Long.parseLong(from.getProperty("uncarriedLogRows", "0"));
        counts.linksWithMoreLogRowsThanClicks = Long.parseLong(from.getProperty("linksWithMoreLogRowsThanClicks", "0"));
        return counts;
    }
}
