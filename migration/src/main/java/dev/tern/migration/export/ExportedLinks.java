package dev.tern.migration.export;

import dev.tern.core.Stores;
import dev.tern.core.link.LinkStatus;
import dev.tern.migration.verify.TernRow;
import dev.tern.migration.verify.TernRowReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Walks Tern's links for an export: chooses which go out and counts them. */
final class ExportedLinks {

    /** Writes one row; may fail with an {@link IOException}. */
    interface RowWriter {
        void write(TernRow row) throws IOException;
    }

    private ExportedLinks() {
    }

    /** Every link to export, newest first, handed to {@code writer}; the counts of what was written. */
    static ExportCounts each(Stores tern, ExportOptions options, Clock clock, RowWriter writer) throws IOException {
        Instant now = clock.instant();
        long[] counts = new long[9];
        try (TernRowReader reader = options.reader(tern)) {
            reader.forEach(row -> {
                boolean deleted = row.status() == LinkStatus.DELETED;
                if (deleted && !options.includeDeleted()) {
                    counts[5]++;
                    return;
                }
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counts[0]++;
                counts[1] += row.clicks();
                if (row.status() == LinkStatus.DISABLED) {
                    counts[2]++;
                }
                if (row.status() == LinkStatus.ACTIVE && row.link().isExpiredAt(now)) {
                    counts[3]++;
                }
                if (deleted) {
                    counts[4]++;
                }
                String keyword = row.keyword();
                if (!keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
                    counts[6]++;
                }
                if (keyword.indexOf('-') >= 0) {
                    counts[7]++;
                }
                if (keyword.indexOf('_') >= 0) {
                    counts[8]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ExportCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8]);
    }
}
