package dev.tern.migration.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A YOURLS database to read from: a live MariaDB/MySQL database ({@code JdbcYourlsSource}) or a
 * {@code mysqldump} file of one ({@code DumpYourlsSource}). Rows are streamed: memory stays
 * constant however many links the site has. Close every returned stream (try-with-resources).
 *
 * <p>Values come back exactly as stored (no normalisation); timestamps as {@code YYYY-MM-DD HH:MM:SS}
 * in UTC.
 *
 * @throws SourceException (from any method) when the source cannot be read or is malformed, with a
 *         message that says where (file line, table, column)
 */
public interface YourlsSource extends AutoCloseable {

    /** A short description for reports, e.g. {@code mysqldump file /backups/yourls.sql}. */
    String describe();

    /**
     * The rows of {@code yourls_url} in the source's key order (the binary order of keywords),
     * starting after {@code afterKeyword} when given (for resuming): exactly the rows whose keyword
     * sorts after it in code-point order, {@link KeywordOrder} (= UTF-8 byte order).
     *
     * @throws SourceException (possibly only when the stream is read) when the url table is missing
     *         or a row is malformed
     */
    Stream<UrlRow> urls(Optional<String> afterKeyword);

    /** The rows of {@code yourls_log}, in click id order; empty when the table is absent. */
    Stream<LogRow> log();

    /** {@code yourls_options} as name → value (values as stored, PHP-serialised where they are). */
    Map<String, String> options();

    /** The Expiry plugin's rows, or an empty list when the source has no such table. */
    List<ExpiryRow> expiries();

    /** What the source looks like: tables, their character sets, column widths (for the report). */
    SourceSchema schema();

    @Override
    void close();
}
