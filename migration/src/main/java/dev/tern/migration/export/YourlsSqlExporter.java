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
import java.time.Instant;
import java.util.Objects;

/**
 * {@code tern-migrate export --format yourls-sql}: Tern's links as an SQL dump that a MariaDB or
 * MySQL database loads ({@code mysql --default-character-set=utf8mb4 yourls < tern-export.sql}) and
 * YOURLS then serves: nobody is locked in.
 *
 * <p>What the dump holds, in the shape of a {@code mysqldump} of a fresh YOURLS 1.10.4 install
 * ({@code testdata/yourls/SCHEMA.md}):
 * <ul>
 *   <li>{@code SET NAMES utf8mb4}, {@code SET time_zone='+00:00'} (timestamps are UTC), and the SQL
 *       mode {@code mysqldump} sets ({@code NO_AUTO_VALUE_ON_ZERO}, no strict mode) for the session;
 *   <li>{@code DROP TABLE IF EXISTS} and {@code CREATE TABLE} of {@code <prefix>url},
 *       {@code <prefix>log} and {@code <prefix>options}: loading it <b>replaces</b> those tables, as
 *       restoring any {@code mysqldump} backup does;
 *   <li>the links as extended {@code INSERT}s (statements of at most ~1 MB), strings escaped as
 *       MySQL's {@code mysql_real_escape_string} does ({@code \0 \n \r \\ \' \" \Z}), text in UTF-8
 *       (utf8mb4: emoji included). {@code ip} is empty (Tern never kept raw addresses), {@code clicks}
 *       is Tern's total, {@code timestamp} the creation time in UTC; a creation time before
 *       1970-01-01 00:00:01 (what the migration gives a YOURLS row whose time was not a date) is
 *       written {@code 0000-00-00 00:00:00}, as YOURLS had it;
 *   <li>{@code <prefix>options}: {@code version}, {@code db_version} 507, {@code next_id} (see
 *       {@link YourlsSqlOptions#nextId()}) and {@code active_plugins} {@code a:0:{}} (no plugin: per-link
 *       redirect settings and expiries have no YOURLS equivalent without plugins).
 * </ul>
 *
 * <p>{@code <prefix>log} stays empty: Tern keeps per-day counters, not individual clicks, so there is
 * no per-click row to export; each link's total is in {@code clicks}, which is what YOURLS shows.
 * Which links: see {@link ExportOptions}. Memory does not grow with the number of links.
 */
public final class YourlsSqlExporter {
    /** YOURLS's database schema version of the tables below (1.8 and later). */
    public static final String DB_VERSION = "507";
    /** A statement is closed once it holds this many bytes (mysqldump's default net buffer is 1 MB). */
    static final int STATEMENT_BYTES = 1_000_000;
    /** The smallest value of a {@code TIMESTAMP} column. */
    private static final Instant TIMESTAMP_MIN = Instant.parse("1970-01-01T00:00:01Z");

    private final Stores tern;
    private final ExportOptions options;
    private final YourlsSqlOptions site;
    private final Clock clock;

    public YourlsSqlExporter(Stores tern, ExportOptions options, YourlsSqlOptions site) {
        this(tern, options, site, Clock.systemUTC());
    }

    YourlsSqlExporter(Stores tern, ExportOptions options, YourlsSqlOptions site, Clock clock) {
        this.tern = Objects.requireNonNull(tern, "tern");
        this.options = Objects.requireNonNull(options, "options");
        this.site = Objects.requireNonNull(site, "site");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the dump to {@code out} (flushed, not closed).
     *
     * @return what was written
     * @throws IOException if {@code out} fails
     */
    public ExportCounts write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        String url = table("url");
        String log = table("log");
        String optionsTable = table("options");
        writer.write("""
                -- YOURLS database written by tern-migrate export --format yourls-sql, %s
                -- Load it with: mysql --default-character-set=utf8mb4 <database> < <this file>
                -- It DROPS and re-creates %s, %s and %s (like restoring a mysqldump backup).
                -- %s is left empty: Tern keeps per-day click counters, not clicks; each link's total is in %s.clicks.

                SET NAMES utf8mb4;
                SET time_zone = '+00:00';
                SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';

                """.formatted(TernRow.timestampOf(clock.instant()) + " UTC", url, log, optionsTable, log, url));
        writeSchema(writer, url, log, optionsTable);
        Statement links = new Statement(writer, "INSERT INTO " + url + " VALUES\n");
        ExportCounts counts = ExportedLinks.each(tern, options, clock, row -> links.add(values(row)));
        links.end();
        writer.write("\n");
        Statement settings = new Statement(writer, "INSERT INTO " + optionsTable + " VALUES\n");
        settings.add("(1,'version'," + literal(site.yourlsVersion()) + ")");
        settings.add("(2,'db_version','" + DB_VERSION + "')");
        settings.add("(3,'next_id','" + site.nextId() + "')");
        settings.add("(4,'active_plugins','a:0:{}')");
        settings.end();
        writer.write("\n-- " + counts.links() + " links, " + counts.clicks() + " clicks\n");
        writer.flush();
        return counts;
    }

    /** {@code (keyword,url,title,timestamp,ip,clicks)} of one link, in the columns' order. */
    static String values(TernRow row) {
        Instant created = row.link().createdAt();
        String timestamp = created.isBefore(TIMESTAMP_MIN) ? "0000-00-00 00:00:00" : row.timestamp();
        return "(" + literal(row.keyword()) + "," + literal(row.url()) + "," + literal(row.title()) + ",'" + timestamp
                + "',''," + row.clicks() + ")";
    }

    /**
     * A MySQL string literal of {@code value}: quoted, with the characters {@code mysql_real_escape_string}
     * escapes ({@code NUL}, LF, CR, {@code \}, {@code '}, {@code "}, Ctrl-Z) escaped, everything else as is.
     */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\u001A' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    private String table(String name) {
        return "`" + site.tablePrefix() + name + "`";
    }

    /** The tables as a fresh YOURLS 1.10.4 install creates them (SHOW CREATE TABLE on MariaDB 10.11). */
    private static void writeSchema(Writer writer, String url, String log, String options) throws IOException {
        writer.write("""
                DROP TABLE IF EXISTS %1$s;
                CREATE TABLE %1$s (
                  `keyword` varchar(100) NOT NULL DEFAULT '',
                  `url` text NOT NULL,
                  `title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL,
                  `timestamp` timestamp NOT NULL DEFAULT current_timestamp(),
                  `ip` varchar(41) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
                  `clicks` int(10) unsigned NOT NULL,
                  PRIMARY KEY (`keyword`),
                  KEY `ip` (`ip`),
                  KEY `timestamp` (`timestamp`),
                  KEY `url_idx` (`url`(30))
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

                DROP TABLE IF EXISTS %2$s;
                CREATE TABLE %2$s (
                  `click_id` int(11) NOT NULL AUTO_INCREMENT,
                  `click_time` datetime NOT NULL,
                  `shorturl` varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                  `referrer` varchar(200) NOT NULL,
                  `user_agent` varchar(255) NOT NULL,
                  `ip_address` varchar(41) NOT NULL,
                  `country_code` char(2) NOT NULL,
                  PRIMARY KEY (`click_id`),
                  KEY `shorturl` (`shorturl`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

                DROP TABLE IF EXISTS %3$s;
                CREATE TABLE %3$s (
                  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
                  `option_name` varchar(64) NOT NULL DEFAULT '',
                  `option_value` longtext NOT NULL,
                  PRIMARY KEY (`option_id`,`option_name`),
                  KEY `option_name` (`option_name`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

                """.formatted(url, log, options));
    }

    /** An extended INSERT that closes itself and starts again once it is {@value #STATEMENT_BYTES} bytes long. */
    private static final class Statement {
        private final Writer writer;
        private final String head;
        private long bytes;
        private boolean open;

        Statement(Writer writer, String head) {
            this.writer = writer;
            this.head = head;
        }

        void add(String tuple) throws IOException {
            long size = utf8Length(tuple) + 2;
            if (open && bytes + size > STATEMENT_BYTES) {
                end();
            }
            if (open) {
                writer.write(",\n");
            } else {
                writer.write(head);
                bytes = head.length();
                open = true;
            }
            writer.write(tuple);
            bytes += size;
        }

        void end() throws IOException {
            if (open) {
                writer.write(";\n");
                open = false;
            }
        }

        private static long utf8Length(String text) {
            long length = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                length += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return length;
        }
    }
}
