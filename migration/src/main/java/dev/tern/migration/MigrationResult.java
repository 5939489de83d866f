package dev.tern.migration;

import java.util.List;

/**
 * What a migration did (or, in a dry run, would do).
 *
 * @param dryRun          whether anything was written
 * @param resumed         whether it went on from a checkpoint
 * @param source          the source's description
 * @param counts          totals over this run and the runs it resumed
 * @param pluginsCarried  plugins whose effect was carried, with what it became
 * @param pluginsNotCarried plugins whose effect Tern does not reproduce
 * @param siteNotes       what became of the site's settings (users, cookie key, next_id, …)
 * @param advice          settings the operator should consider (e.g. unknown keywords like YOURLS)
 * @param reportEntries   entries this run wrote to the report file
 */
public record MigrationResult(
        boolean dryRun,
        boolean resumed,
        String source,
        MigrationCounts counts,
        List<String> pluginsCarried,
        List<String> pluginsNotCarried,
        List<String> siteNotes,
        List<String> advice,
        long reportEntries) {

    public MigrationResult {
        pluginsCarried = List.copyOf(pluginsCarried);
        pluginsNotCarried = List.copyOf(pluginsNotCarried);
        siteNotes = List.copyOf(siteNotes);
        advice = List.copyOf(advice);
    }

    /** Every row ended written (possibly disabled) or identical: nothing needs the operator. */
    public boolean complete() {
        return counts.rowsNeedingAttention() == 0;
    }

    /** The summary printed at the end of a run. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        String would = dryRun ? " (dry run: nothing written; figures say what a real run would do)" : "";
        b.append("Migration of ").append(source).append(would).append(resumed ? ", resumed from a checkpoint" : "").append('\n');
        b.append(String.format("  rows read                 %,12d  (%,d clicks)%n", counts.rowsRead(), counts.sourceClicks()));
        b.append(String.format("  written                   %,12d%n", counts.rows(RowOutcome.WRITTEN)));
        b.append(String.format("  written, disabled         %,12d  (Tern will not serve them; see the report)%n", counts.rows(RowOutcome.WRITTEN_DISABLED)));
        b.append(String.format("  already identical         %,12d%n", counts.rows(RowOutcome.IDENTICAL)));
        b.append(String.format("  conflicts kept in Tern    %,12d  (see the report; --on-conflict overwrite replaces them)%n", counts.rows(RowOutcome.CONFLICT_SKIPPED)));
        b.append(String.format("  conflicts overwritten     %,12d%n", counts.rows(RowOutcome.CONFLICT_OVERWRITTEN)));
        b.append(String.format("  not carried               %,12d  (see the report)%n", counts.rows(RowOutcome.NOT_CARRIED)));
        b.append(String.format("  clicks carried with dates %,12d%n", counts.datedClicks()));
        b.append(String.format("  clicks carried undated    %,12d%n", counts.undatedClicks()));
        if (counts.orphanLogRows() > 0 || counts.uncarriedLogRows() > 0) {
            b.append(String.format("  log rows of missing links %,12d  (orphans: clicks of deleted or renamed links; listed)%n", counts.orphanLogRows()));
            b.append(String.format("  log rows of links kept out%,12d  (listed)%n", counts.uncarriedLogRows()));
        }
        if (counts.linksWithMoreLogRowsThanClicks() > 0) {
            b.append(String.format("  links with more log rows than clicks %,d (their total follows the log; listed)%n",
                    counts.linksWithMoreLogRowsThanClicks()));
        }
        for (String plugin : pluginsCarried) {
            b.append("  plugin carried: ").append(plugin).append('\n');
        }
        for (String plugin : pluginsNotCarried) {
            b.append("  plugin NOT carried: ").append(plugin).append('\n');
        }
        for (String note : siteNotes) {
            b.append("  site: ").append(note).append('\n');
        }
        for (String line : advice) {
            b.append("  advice: ").append(line).append('\n');
        }
        return b.toString();
    }
}
