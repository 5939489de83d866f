package dev.tern.migration.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A live YOURLS database on MariaDB or MySQL, read over JDBC with MariaDB Connector/J.
 *
 * <p>Every connection sets {@code time_zone='+00:00'} (YOURLS's {@code TIMESTAMP} column reads as
 * the UTC it stores) and {@code NAMES utf8mb4} (text of every table, latin1 ones included, arrives
 * as Unicode). {@link #urls} and {@link #log} each stream on a connection of their own, a batch
 * of rows at a time, so memory stays constant for a million links; timestamps come back as
 * {@code YYYY-MM-DD HH:MM:SS} text exactly as MariaDB shows them.
 *
 * <p>The schema is read from {@code information_schema} when connecting: a missing url table (a
 * wrong table prefix, the wrong database) fails at once with a message naming the table, the
 * prefix and the tables that do exist. No message ever contains the password.
 */
public final class JdbcYourlsSource implements YourlsSource {

    private static final int FETCH_SIZE = 1_000;
    private static final int CONNECT_TIMEOUT_MS = 15_000;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final YourlsTableNames tables;
    private final Connection metadata;
    private final String database;
    private final Map<String, List<String>> columnsByTable;
    private final SourceSchema schema;
    private final boolean keywordIsBinary;

    private JdbcYourlsSource(String jdbcUrl, String user, String password, YourlsTableNames tables) {
        this.jdbcUrl = mariaDbUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        this.user = Objects.requireNonNull(user, "user");
        this.password = password == null ? "" : password;
        this.tables = Objects.requireNonNull(tables, "tables");
        this.metadata = open();
        try {
            this.database = currentDatabase();
            Map<String, String> charsets = new LinkedHashMap<>();
            this.columnsByTable = readColumns(charsets);
            requireUrlTable();
            String keywordCollation = keywordCollation();
            this.keywordIsBinary = keywordCollation == null || keywordCollation.endsWith("_bin");
            this.schema = describeSchema(charsets, keywordCollation);
        } catch (RuntimeException e) {
            closeQuietly(metadata);
            throw e;
        }
    }

    /**
     * Connects to the database of a site with table prefix {@code tablePrefix}.
     *
     * @param jdbcUrl  {@code jdbc:mariadb://host:3306/yourls} ({@code jdbc:mysql://…} is accepted too)
     * @param password may be empty; never shown in messages
     * @throws SourceException when the database cannot be reached or has no YOURLS url table
     */
    public static JdbcYourlsSource connect(String jdbcUrl, String user, String password, String tablePrefix) {
        return connect(jdbcUrl, user, password, YourlsTableNames.withPrefix(tablePrefix));
    }

    /** As {@link #connect(String, String, String, String)}, with explicit table names. */
    public static JdbcYourlsSource connect(String jdbcUrl, String user, String password, YourlsTableNames tables) {
        return new JdbcYourlsSource(jdbcUrl, user, password, tables);
    }

    @Override
    public String describe() {
        return "MariaDB/MySQL database `" + database + "` at " + withoutQuery(jdbcUrl);
    }

    /**
     * The url rows in binary keyword order ({@code ORDER BY keyword}), after {@code afterKeyword}
     * when given. A keyword column without a {@code _bin} collation is ordered as
     * {@code utf8mb4_bin} explicitly, so the order is always code-point order ({@link KeywordOrder}).
     */
    @Override
    public Stream<UrlRow> urls(Optional<String> afterKeyword) {
        List<String> columns = columnsByTable.get(tables.url());
        String keyword = columns.contains("keyword") ? "keyword" : "id";
        String orderKey = keywordIsBinary ? quote(keyword) : "CONVERT(" + quote(keyword) + " USING utf8mb4) COLLATE utf8mb4_bin";
        String sql = "SELECT " + quote(keyword) + ", " + quote("url") + ", "
                + (columns.contains("title") ? quote("title") : "NULL") + ", "
                + "CAST(" + quote("timestamp") + " AS CHAR), "
                + (columns.contains("ip") ? quote("ip") : "''") + ", "
                + (columns.contains("clicks") ? quote("clicks") : "0")
                + " FROM " + quote(tables.url())
                + (afterKeyword.isPresent() ? " WHERE " + orderKey + " > ?" : "")
                + " ORDER BY " + orderKey;
        return query(tables.url(), sql, afterKeyword.orElse(null), rs -> {
            long clicks = rs.getLong(6);
            String k = rs.getString(1);
            if (clicks < 0) {
                throw new SourceException("`" + tables.url() + "` row `" + k + "` has negative clicks (" + clicks + ")");
            }
            return new UrlRow(k, rs.getString(2), rs.getString(3), nonNull(rs.getString(4), k, "timestamp"),
                    rs.getString(5) == null ? "" : rs.getString(5), clicks);
        });
    }

    @Override
    public Stream<LogRow> log() {
        List<String> columns = columnsByTable.get(tables.log());
        if (columns == null) {
            return Stream.empty();
        }
        String sql = "SELECT " + quote("click_id") + ", CAST(" + quote("click_time") + " AS CHAR), " + quote("shorturl")
                + ", " + orEmpty(columns, "referrer") + ", " + orEmpty(columns, "user_agent")
                + ", " + orEmpty(columns, "ip_address") + ", " + orEmpty(columns, "country_code")
                + " FROM " + quote(tables.log()) + " ORDER BY " + quote("click_id");
        return query(tables.log(), sql, null, rs -> new LogRow(rs.getLong(1), nonNull(rs.getString(2), rs.getString(1), "click_time"),
                nonNull(rs.getString(3), rs.getString(1), "shorturl"), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7)));
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> columns = columnsByTable.get(tables.options());
        if (columns == null) {
            return options;
        }
        String sql = "SELECT " + quote("option_name") + ", " + quote("option_value") + " FROM " + quote(tables.options())
                + (columns.contains("option_id") ? " ORDER BY " + quote("option_id") : "");
        try (Statement statement = metadata.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                options.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        } catch (SQLException e) {
            throw readFailed(tables.options(), e);
        }
        return options;
    }

    @Override
    public List<ExpiryRow> expiries() {
        List<String> columns = columnsByTable.get(tables.expiry());
        if (columns == null) {
            return List.of();
        }
        List<String> wanted = List.of("keyword", "type", "click", "timestamp", "shelflife", "postexpire");
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String column : wanted) {
            sql.append(column.equals("keyword") ? "" : ", ")
                    .append(columns.contains(column) ? "CAST(" + quote(column) + " AS CHAR)" : "NULL");
        }
        sql.append(" FROM ").append(quote(tables.expiry()));
        List<ExpiryRow> rows = new ArrayList<>();
        try (Statement statement = metadata.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
            while (rs.next()) {
                rows.add(new ExpiryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw readFailed(tables.expiry(), e);
        }
        return rows;
    }

    @Override
    public SourceSchema schema() {
        return schema;
    }

    @Override
    public void close() {
        closeQuietly(metadata);
    }

    // ---------------------------------------------------------------- connecting

    private Connection open() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (!jdbcUrl.contains("connectTimeout=")) {
            properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        }
        Connection connection;
        try {
            connection = new org.mariadb.jdbc.Driver().connect(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new SourceException("Cannot connect to " + withoutQuery(jdbcUrl) + " as '" + user + "': "
                    + scrub(rootMessage(e)), null);
        }
        if (connection == null) {
            throw new SourceException("Not a MariaDB/MySQL JDBC URL: " + withoutQuery(jdbcUrl)
                    + " (expected jdbc:mariadb://host:3306/database)");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            statement.execute("SET NAMES utf8mb4");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new SourceException("Cannot prepare the connection to " + withoutQuery(jdbcUrl) + ": "
                    + scrub(rootMessage(e)), null);
        }
        return connection;
    }

    private String currentDatabase() {
        try (Statement statement = metadata.createStatement(); ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            rs.next();
            String name = rs.getString(1);
            if (name == null) {
                throw new SourceException("The JDBC URL " + withoutQuery(jdbcUrl) + " names no database:"
                        + " add the YOURLS database, e.g. jdbc:mariadb://host:3306/yourls");
            }
            return name;
        } catch (SQLException e) {
            throw readFailed("information_schema", e);
        }
    }

    /** Columns (lower case, in order) of every table in the database; fills table → character set. */
    private Map<String, List<String>> readColumns(Map<String, String> charsets) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement tableQuery = metadata.prepareStatement(
                "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME");
                PreparedStatement columnQuery = metadata.prepareStatement(
                        "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                                + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            tableQuery.setString(1, database);
            try (ResultSet rs = tableQuery.executeQuery()) {
                while (rs.next()) {
                    String collation = rs.getString(2);
                    charsets.put(rs.getString(1), collation == null ? "" : collation.split("_", 2)[0]);
                    columns.put(rs.getString(1), new ArrayList<>());
                }
            }
            columnQuery.setString(1, database);
            try (ResultSet rs = columnQuery.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw readFailed("information_schema", e);
        }
        return columns;
    }

    private void requireUrlTable() {
        String url = tables.url();
        if (columnsByTable.containsKey(url)) {
            List<String> columns = columnsByTable.get(url);
            for (String needed : List.of("url", "timestamp")) {
                if (!columns.contains(needed)) {
                    throw new SourceException("`" + url + "` in database `" + database + "` has no column `" + needed
                            + "` (its columns: " + String.join(", ", columns) + "): is it a YOURLS table?");
                }
            }
            if (!columns.contains("keyword") && !columns.contains("id")) {
                throw new SourceException("`" + url + "` in database `" + database + "` has no keyword column"
                        + " (its columns: " + String.join(", ", columns) + "): is it a YOURLS table?");
            }
            return;
        }
        StringBuilder message = new StringBuilder("No table `" + url + "` in database `" + database
                + "` (table prefix '" + tables.prefix() + "').");
        if (columnsByTable.isEmpty()) {
            message.append(" The database has no tables: is it the YOURLS database?");
        } else {
            message.append(" Tables there: ").append(String.join(", ", columnsByTable.keySet())).append('.');
            columnsByTable.keySet().stream().filter(t -> t.endsWith("url")).findFirst().ifPresent(candidate ->
                    message.append(" Is the table prefix '").append(candidate, 0, candidate.length() - 3).append("'?"));
        }
        throw new SourceException(message.toString());
    }

    private String keywordCollation() {
        String keyword = columnsByTable.get(tables.url()).contains("keyword") ? "keyword" : "id";
        try (PreparedStatement query = metadata.prepareStatement(
                "SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            query.setString(1, database);
            query.setString(2, tables.url());
            query.setString(3, keyword);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw readFailed("information_schema", e);
        }
    }

    private SourceSchema describeSchema(Map<String, String> charsets, String keywordCollation) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String> table : charsets.entrySet()) {
            tables.roleOf(table.getKey()).ifPresent(role -> {
                found.put(role, table.getValue());
                if (!table.getValue().isEmpty() && !table.getValue().equals("utf8mb4")) {
                    notes.add("`" + table.getKey() + "` is declared " + table.getValue()
                            + " (an install older than YOURLS 1.8 keeps it so); its text may hold mojibake from before");
                }
            });
        }
        if (!found.containsKey("log")) {
            notes.add("no `" + tables.log() + "` table in database `" + database + "`");
        }
        if (!found.containsKey("options")) {
            notes.add("no `" + tables.options() + "` table in database `" + database + "`");
        }
        String keyword = columnsByTable.get(tables.url()).contains("keyword") ? "keyword" : "id";
        if (keyword.equals("id")) {
            notes.add("`" + tables.url() + "` names its keyword column `id` (an install from before YOURLS 1.4)");
        }
        int keywordLength = 0;
        try (PreparedStatement query = metadata.prepareStatement(
                "SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            query.setString(1, database);
            query.setString(2, tables.url());
            query.setString(3, keyword);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    keywordLength = (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw readFailed("information_schema", e);
        }
        if (keywordLength != 0 && keywordLength != 100) {
            notes.add("`" + tables.url() + "`.keyword is varchar(" + keywordLength + ") (fresh installs: 100)");
        }
        if (keywordCollation != null && !keywordCollation.endsWith("_bin")) {
            notes.add("`" + tables.url() + "`.keyword has collation " + keywordCollation
                    + ", not binary: keywords differing only in case cannot both exist there");
        }
        return new SourceSchema(tables.prefix(), found, keywordLength, notes);
    }

    // ---------------------------------------------------------------- streaming

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Streams a query's rows on a connection of its own, closed with the stream. */
    private <T> Stream<T> query(String table, String sql, String parameter, RowReader<T> reader) {
        StreamingQuery<T> rows = new StreamingQuery<>(table, sql, parameter, reader);
        return StreamSupport.stream(
                        () -> Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                        Spliterator.ORDERED | Spliterator.NONNULL, false)
                .onClose(rows::close);
    }

    private final class StreamingQuery<T> implements Iterator<T> {
        private final String table;
        private final String sql;
        private final String parameter;
        private final RowReader<T> reader;
        private Connection connection;
        private ResultSet results;
        private T next;
        private boolean done;
        private long count;

        StreamingQuery(String table, String sql, String parameter, RowReader<T> reader) {
            this.table = table;
            this.sql = sql;
            this.parameter = parameter;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                if (results == null) {
                    connection = open();
                    PreparedStatement statement = connection.prepareStatement(sql,
                            ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    // Connector/J streams the result a fetch-size batch at a time instead of buffering it all.
                    statement.setFetchSize(FETCH_SIZE);
                    if (parameter != null) {
                        statement.setString(1, parameter);
                    }
                    results = statement.executeQuery();
                }
                if (results.next()) {
                    next = reader.read(results);
                    count++;
                    return true;
                }
            } catch (SQLException e) {
                close();
                throw new SourceException("Reading `" + table + "` failed after " + count + " rows: "
                        + scrub(rootMessage(e)), null);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            done = true;
            close();
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
            done = true;
            closeQuietly(connection);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String nonNull(String value, String row, String column) {
        if (value == null) {
            throw new SourceException("row `" + row + "` has a NULL `" + column + "`");
        }
        return value;
    }

    private static String orEmpty(List<String> columns, String column) {
        return columns.contains(column) ? quote(column) : "''";
    }

    private static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** Connector/J 3 takes {@code jdbc:mysql:} only with an extra flag; the operator should not need to know. */
    private static String mariaDbUrl(String url) {
        return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    }

    /** The URL without its query string, where credentials may hide. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int at = base.indexOf('@');
        int scheme = base.indexOf("//");
        return at > scheme && scheme >= 0 ? base.substring(0, scheme + 2) + base.substring(at + 1) : base;
    }

    private String scrub(String message) {
        String text = message == null ? "" : message;
        if (!password.isEmpty()) {
            text = text.replace(password, "****");
        }
        return text;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && message == null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private SourceException readFailed(String table, SQLException e) {
        return new SourceException("Reading `" + table + "` of database `" + database + "` failed: "
                + scrub(rootMessage(e)), null);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a read-only connection: nothing to recover.
        }
    }
}
