package dev.tern.migration.export;

import dev.tern.core.Stores;
import dev.tern.migration.verify.TernRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code tern-migrate export --format csv}: Tern's links as CSV (RFC 4180), UTF-8 without a byte
 * order mark, lines ended by CRLF, a header row {@code keyword,url,title,timestamp,clicks}; a field
 * is quoted (with {@code "} doubled) when it holds a comma, a quote, CR or LF. Timestamps are
 * {@code YYYY-MM-DD HH:MM:SS} UTC, as YOURLS shows them; clicks are Tern's totals.
 *
 * <p>Values are written exactly as stored. Spreadsheet programs may treat a field starting with
 * {@code =}, {@code +}, {@code -} or {@code @} as a formula: open the file as text, or import it, if
 * titles come from untrusted people.
 *
 * <p>Which links: see {@link ExportOptions}. Order: newest first. Per-click rows are not exported:
 * Tern keeps per-day counters, not clicks. Memory does not grow with the number of links.
 */
public final class CsvExporter {
    /** The header row. */
    public static final String HEADER = "keyword,url,title,timestamp,clicks";

    private final Stores tern;
    private final ExportOptions options;
    private final Clock clock;

    public CsvExporter(Stores tern, ExportOptions options) {
        this(tern, options, Clock.systemUTC());
    }

    CsvExporter(Stores tern, ExportOptions options, Clock clock) {
        this.tern = Objects.requireNonNull(tern, "tern");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the CSV to {@code out} (flushed, not closed).
     *
     * @return what was written
     * @throws IOException if {@code out} fails
     */
    public ExportCounts write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        writer.write("\r\n");
        ExportCounts counts = ExportedLinks.each(tern, options, clock, row -> writer.write(line(row)));
        writer.flush();
        return counts;
    }

    /** One record, CRLF included. */
    static String line(TernRow row) {
        return field(row.keyword()) + ',' + field(row.url()) + ',' + field(row.title()) + ',' + row.timestamp() + ','
                + row.clicks() + "\r\n";
    }

    /** A field as RFC 4180 wants it: quoted, quotes doubled, when it holds a comma, a quote, CR or LF. */
    static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
