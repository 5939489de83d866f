package dev.tern.migration.export;

import dev.tern.migration.verify.TernRowReader;

/**
 * What {@code tern-migrate export} takes from Tern.
 *
 * <p>Disabled links are always exported (YOURLS has no such state: they redirect again once the
 * export is loaded into YOURLS; {@link ExportCounts#disabled()} says how many, so the operator can
 * decide). So are expired ones ({@link ExportCounts#expired()}). Deleted links are left out unless
 * {@code includeDeleted}: they are on their way out, but restorable for a while.
 *
 * @param includeDeleted also export soft-deleted links ({@code --include-deleted})
 * @param lookupThreads  how many click totals are read at once (1-64)
 */
public record ExportOptions(boolean includeDeleted, int lookupThreads) {
    public static final int DEFAULT_LOOKUP_THREADS = 8;

    public ExportOptions {
        if (lookupThreads < 1 || lookupThreads > 64) {
            throw new IllegalArgumentException("lookup threads must be 1-64, got " + lookupThreads);
        }
    }

    /** Deleted links left out, {@value #DEFAULT_LOOKUP_THREADS} lookup threads. */
    public static ExportOptions defaults() {
        return new ExportOptions(false, DEFAULT_LOOKUP_THREADS);
    }

    public ExportOptions withDeleted(boolean include) {
        return new ExportOptions(include, lookupThreads);
    }

    TernRowReader reader(dev.tern.core.Stores tern) {
        return new TernRowReader(tern, lookupThreads);
    }
}
