package dev.tern.migration.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A YOURLS database read from its {@code mysqldump} (or {@code mariadb-dump}) file, plain or
 * gzip-compressed, without a database server. The file is streamed: every call to {@link #urls}, {@link #log}, {@link #options}
 * and {@link #expiries} reads it once from the start, holding one row at a time, so a dump of any
 * size reads in constant memory. {@link #schema()} reads it once and remembers the answer.
 *
 * <p>Rows are mapped by column name (the INSERT's column list, else the table's CREATE TABLE), so
 * dumps of old installs with other column orders, or a keyword column still named {@code id}
 * (before YOURLS 1.4), read the same. Values come back exactly as the dump holds them.
 *
 * <p>Create with {@link #open(Path)}, {@link #open(Path, String)} or {@link #open(Path, YourlsTableNames)}.
 */
public final class DumpYourlsSource implements YourlsSource {

    private final Path file;
    private final YourlsTableNames tables;
    private SourceSchema schema;

    private DumpYourlsSource(Path file, YourlsTableNames tables) {
        this.file = Objects.requireNonNull(file, "file");
        this.tables = Objects.requireNonNull(tables, "tables");
        if (!Files.isRegularFile(file)) {
            throw new SourceException(Files.exists(file)
                    ? "Not a file: " + file
                    : "No such dump file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new SourceException("Cannot read the dump file " + file + ": permission denied");
        }
    }

    /** The dump of a site with the default table prefix {@code yourls_}. */
    public static DumpYourlsSource open(Path dumpFile) {
        return open(dumpFile, YourlsTableNames.defaults());
    }

    /** The dump of a site whose tables start with {@code tablePrefix} ({@code YOURLS_DB_PREFIX}). */
    public static DumpYourlsSource open(Path dumpFile, String tablePrefix) {
        return open(dumpFile, YourlsTableNames.withPrefix(tablePrefix));
    }

    /** The dump of a site with these table names (a prefix plus any {@code YOURLS_DB_TABLE_*} overrides). */
    public static DumpYourlsSource open(Path dumpFile, YourlsTableNames tables) {
        return new DumpYourlsSource(dumpFile, tables);
    }

    @Override
    public String describe() {
        return "mysqldump file " + file;
    }

    /**
     * The rows of the url table in file order (mysqldump writes them in primary-key order, which
     * is code-point order for YOURLS's binary keywords). With {@code afterKeyword}, only the rows
     * whose keyword sorts after it in code-point order ({@link KeywordOrder}), wherever they are.
     *
     * @throws SourceException (when the stream is read) if the dump has no url table, or is malformed
     */
    @Override
    public Stream<UrlRow> urls(Optional<String> afterKeyword) {
        String after = afterKeyword.orElse(null);
        return rows(tables.url(), true, new RowMapper<>() {
            int keyword;
            int url;
            int title;
            int timestamp;
            int ip;
            int clicks;

            @Override
            void columns(Columns c) {
                keyword = c.index("keyword") >= 0 ? c.index("keyword") : c.required("id");
                url = c.required("url");
                title = c.index("title");
                timestamp = c.required("timestamp");
                ip = c.index("ip");
                clicks = c.index("clicks");
            }

            @Override
            UrlRow map(String[] v, Context at) {
                String k = at.notNull(v, keyword);
                if (after != null && KeywordOrder.compare(k, after) <= 0) {
                    return null;
                }
                long clickCount = clicks < 0 ? 0 : at.number(v, clicks);
                if (clickCount < 0) {
                    throw new SourceException(at.where() + "`clicks` is negative (" + clickCount + ")");
                }
                return new UrlRow(k, at.notNull(v, url), title < 0 ? null : v[title], at.notNull(v, timestamp),
                        ip < 0 || v[ip] == null ? "" : v[ip], clickCount);
            }
        });
    }

    @Override
    public Stream<LogRow> log() {
        return rows(tables.log(), false, new RowMapper<>() {
            int clickId;
            int clickTime;
            int shortUrl;
            int referrer;
            int userAgent;
            int ipAddress;
            int countryCode;

            @Override
            void columns(Columns c) {
                clickId = c.required("click_id");
                clickTime = c.required("click_time");
                shortUrl = c.required("shorturl");
                referrer = c.index("referrer");
                userAgent = c.index("user_agent");
                ipAddress = c.index("ip_address");
                countryCode = c.index("country_code");
            }

            @Override
            LogRow map(String[] v, Context at) {
                return new LogRow(at.number(v, clickId), at.notNull(v, clickTime), at.notNull(v, shortUrl),
                        at.optional(v, referrer), at.optional(v, userAgent), at.optional(v, ipAddress),
                        at.optional(v, countryCode));
            }
        });
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        try (Stream<String[]> rows = rows(tables.options(), false, new RowMapper<>() {
            int name;
            int value;

            @Override
            void columns(Columns c) {
                name = c.required("option_name");
                value = c.required("option_value");
            }

            @Override
            String[] map(String[] v, Context at) {
                return new String[] {at.notNull(v, name), v[value] == null ? "" : v[value]};
            }
        })) {
            rows.forEach(r -> options.put(r[0], r[1]));
        }
        return options;
    }

    @Override
    public List<ExpiryRow> expiries() {
        List<ExpiryRow> expiries = new ArrayList<>();
        try (Stream<ExpiryRow> rows = rows(tables.expiry(), false, new RowMapper<>() {
            int keyword;
            int type;
            int click;
            int timestamp;
            int shelflife;
            int postexpire;

            @Override
            void columns(Columns c) {
                keyword = c.required("keyword");
                type = c.index("type");
                click = c.index("click");
                timestamp = c.index("timestamp");
                shelflife = c.index("shelflife");
                postexpire = c.index("postexpire");
            }

            @Override
            ExpiryRow map(String[] v, Context at) {
                return new ExpiryRow(at.notNull(v, keyword), at.nullable(v, type), at.nullable(v, click),
                        at.nullable(v, timestamp), at.nullable(v, shelflife), at.nullable(v, postexpire));
            }
        })) {
            rows.forEach(expiries::add);
        }
        return expiries;
    }

    /**
     * Reads the whole file once (skipping row data) for its CREATE TABLE statements and settings.
     *
     * @throws SourceException when the dump has no url table (e.g. a wrong table prefix), naming the tables it has
     */
    @Override
    public synchronized SourceSchema schema() {
        if (schema == null) {
            try (DumpScanner scanner = new DumpScanner(file, tables, null)) {
                while (scanner.nextRow()) {
                    // a schema pass wants no rows
                }
                requireUrlTable(scanner);
                schema = describeSchema(scanner);
            }
        }
        return schema;
    }

    @Override
    public void close() {
        // Nothing stays open between calls: each stream holds (and closes) its own file handle.
    }

    private SourceSchema describeSchema(DumpScanner scanner) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> names = new ArrayList<>(scanner.definitions().keySet());
        for (String table : scanner.tablesWithRows()) {
            if (!names.contains(table)) {
                names.add(table);
            }
        }
        for (String table : names) {
            Optional<String> role = tables.roleOf(table);
            if (role.isEmpty()) {
                continue;
            }
            TableDefinition definition = scanner.definitions().get(table);
            String charset = definition == null ? "" : definition.charset();
            found.put(role.get(), charset);
            if (definition == null) {
                notes.add("`" + table + "` has rows but no CREATE TABLE in the dump (a data-only dump?)");
            } else if (!charset.isEmpty() && !charset.equals("utf8mb4")) {
                notes.add("`" + table + "` is declared " + charset + " (an install older than YOURLS 1.8"
                        + " keeps it so); its text may hold mojibake from before");
            }
        }
        for (String role : List.of("log", "options")) {
            if (!found.containsKey(role)) {
                notes.add("no `" + (role.equals("log") ? tables.log() : tables.options()) + "` table in the dump");
            }
        }
        int keywordLength = 0;
        TableDefinition url = scanner.definitions().get(tables.url());
        if (url != null) {
            Optional<TableDefinition.Column> keyword = url.column("keyword");
            if (keyword.isEmpty()) {
                keyword = url.column("id");
                keyword.ifPresent(k -> notes.add("`" + tables.url() + "` names its keyword column `id`"
                        + " (an install from before YOURLS 1.4)"));
            }
            keywordLength = keyword.map(TableDefinition.Column::width).orElse(0);
            if (keywordLength != 0 && keywordLength != 100) {
                notes.add("`" + tables.url() + "`.keyword is varchar(" + keywordLength + ") (fresh installs: 100)");
            }
            for (String key : url.keys()) {
                if (key.contains("`url`(")) {
                    notes.add("`" + tables.url() + "` index: " + key);
                }
            }
        }
        if (!scanner.setNames().isEmpty() && !scanner.setNames().startsWith("utf8")) {
            notes.add("the dump was written with SET NAMES " + scanner.setNames()
                    + "; Tern reads it as UTF-8 (re-dump with --default-character-set=utf8mb4 if text looks wrong)");
        }
        if (!scanner.utcTimeZone()) {
            notes.add("the dump does not set TIME_ZONE='+00:00' (made with --skip-tz-utc?):"
                    + " its TIMESTAMP values are in the dumping server's time zone, not UTC");
        }
        if (!scanner.completed()) {
            notes.add("the dump has no '-- Dump completed' line at its end: it may be truncated");
        }
        return new SourceSchema(tables.prefix(), found, keywordLength, notes);
    }

    private void requireUrlTable(DumpScanner scanner) {
        String url = tables.url();
        if (scanner.definitions().containsKey(url) || scanner.tablesWithRows().contains(url)) {
            return;
        }
        List<String> seen = new ArrayList<>(scanner.definitions().keySet());
        scanner.tablesWithRows().stream().filter(t -> !seen.contains(t)).forEach(seen::add);
        List<String> urlLike = seen.stream().filter(t -> t.endsWith("url")).toList();
        StringBuilder message = new StringBuilder("No table `" + url + "` in the dump file " + file
                + " (table prefix '" + tables.prefix() + "').");
        if (seen.isEmpty()) {
            message.append(" The file has no tables at all: is it a mysqldump of the YOURLS database?");
        } else {
            message.append(" Tables in the dump: ").append(String.join(", ", seen)).append('.');
            if (!urlLike.isEmpty()) {
                String candidate = urlLike.get(0);
                message.append(" Is the table prefix '").append(candidate, 0, candidate.length() - 3).append("'?");
            }
        }
        throw new SourceException(message.toString());
    }

    /** Streams the mapped rows of one table; the file is opened when the stream is first read. */
    private <T> Stream<T> rows(String table, boolean requireTable, RowMapper<T> mapper) {
        RowIterator<T> iterator = new RowIterator<>(table, requireTable, mapper);
        return StreamSupport.stream(
                        () -> Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
                        Spliterator.ORDERED | Spliterator.NONNULL, false)
                .onClose(iterator::close);
    }

    private final class RowIterator<T> implements Iterator<T> {
        private final String table;
        private final boolean requireTable;
        private final RowMapper<T> mapper;
        private DumpScanner scanner;
        private List<String> mappedColumns;
        private T next;
        private boolean done;

        RowIterator(String table, boolean requireTable, RowMapper<T> mapper) {
            this.table = table;
            this.requireTable = requireTable;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (done) {
                return false;
            }
            if (scanner == null) {
                scanner = new DumpScanner(file, tables, table);
            }
            while (scanner.nextRow()) {
                if (scanner.columns() != mappedColumns) {
                    mappedColumns = scanner.columns();
                    mapper.columns(new Columns(table, mappedColumns, scanner));
                }
                T mapped = mapper.map(scanner.row(), new Context(table, mappedColumns, scanner));
                if (mapped != null) {
                    next = mapped;
                    return true;
                }
            }
            done = true;
            try {
                if (requireTable) {
                    requireUrlTable(scanner);
                }
            } finally {
                close();
            }
            return false;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T result = next;
            next = null;
            return result;
        }

        void close() {
            if (scanner != null) {
                scanner.close();
            }
        }
    }

    /** Maps one table's value arrays to rows; told the column layout whenever an INSERT changes it. */
    private abstract static class RowMapper<T> {
        abstract void columns(Columns columns);

        /** The row, or null to leave it out. */
        abstract T map(String[] values, Context at);
    }

    /** Column positions of the current INSERT, by case-insensitive name (as MySQL matches them). */
    private record Columns(String table, List<String> names, DumpScanner scanner) {
        int index(String column) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }

        int required(String column) {
            int i = index(column);
            if (i < 0) {
                throw new SourceException(scanner.file() + " line " + scanner.rowLine() + ": `" + table
                        + "` has no column `" + column + "` (its columns: " + String.join(", ", names) + ")");
            }
            return i;
        }
    }

    /** Value access with errors that name the row's line. */
    private record Context(String table, List<String> names, DumpScanner scanner) {
        String notNull(String[] values, int index) {
            String value = values[index];
            if (value == null) {
                throw new SourceException(where() + "`" + names.get(index) + "` is NULL");
            }
            return value;
        }

        String optional(String[] values, int index) {
            return index < 0 || values[index] == null ? "" : values[index];
        }

        String nullable(String[] values, int index) {
            return index < 0 ? null : values[index];
        }

        long number(String[] values, int index) {
            String value = notNull(values, index);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new SourceException(where() + "`" + names.get(index) + "` is '" + value
                        + "', not a whole number");
            }
        }

        String where() {
            return scanner.file() + " line " + scanner.rowLine() + ": a row of `" + table + "`: ";
        }
    }
}
