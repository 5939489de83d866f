package dev.tern.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.migration.config.YourlsConfigReader;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.UrlRow;
import dev.tern.migration.source.YourlsSource;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryLinkImporter;
import dev.tern.testkit.InMemoryLinkStore;
import dev.tern.testkit.InMemoryYourlsSiteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YourlsMigrationTest {
    private static final Path REFERENCE_DUMP = Path.of(System.getProperty("tern.testdata.dir", "../testdata"), "yourls", "yourls-dump.sql");
    private static final Path REFERENCE_CONFIG = Path.of(System.getProperty("tern.testdata.dir", "../testdata"), "yourls", "config-reference.php");
    private static final String MD5_OF_REFERENCE = "1678b7f6d71179f8da07826b174cbe85";

    @TempDir
    Path dir;

    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryClickCounterStore clicks = new InMemoryClickCounterStore();
    private final InMemoryYourlsSiteStore site = new InMemoryYourlsSiteStore();
    private final TernSettings settings = TernSettings.fromEnv(Map.of());

    private MigrationOptions options(boolean dryRun, boolean withClicks, ConflictPolicy conflicts, IpMode ip) {
        return new MigrationOptions(dryRun, ip, "key".getBytes(StandardCharsets.UTF_8), withClicks, conflicts, 0, 4,
                Optional.of(dir.resolve("checkpoint")), Optional.of(dir.resolve("report.jsonl")));
    }

    private MigrationOptions options(boolean withClicks) {
        return options(false, withClicks, ConflictPolicy.SKIP, IpMode.HASH);
    }

    private MigrationResult migrate(LinkImporter importer, ClickCounterStore clickStore, MigrationOptions options, Path dump,
            Optional<YourlsSite> yourlsSite) {
        try (YourlsSource source = DumpYourlsSource.open(dump)) {
            return new YourlsMigration(new YourlsMigration.Target(importer, clickStore, clicks, site), settings, options,
                    YourlsMigration.Progress.none()).run(source, yourlsSite);
        }
    }

    private MigrationResult migrate(MigrationOptions options, Path dump) {
        return migrate(new InMemoryLinkImporter(links), clicks, options, dump, Optional.empty());
    }

    private List<UrlRow> referenceRows() {
        try (YourlsSource source = DumpYourlsSource.open(REFERENCE_DUMP)) {
            return MigrationFixture.rows(source);
        }
    }

    private List<String> report() throws Exception {
        return Files.readAllLines(dir.resolve("report.jsonl"), StandardCharsets.UTF_8);
    }

    @Test
    void migrate_referenceDumpWithClicks_carriesEveryRow_andMatchesExpectedChecksum() throws Exception {
        MigrationResult result = migrate(options(true), REFERENCE_DUMP);

        MigrationCounts counts = result.counts();
        assertThat(counts.rowsRead()).isEqualTo(4855);
        assertThat(counts.rows(RowOutcome.WRITTEN) + counts.rows(RowOutcome.WRITTEN_DISABLED)).isEqualTo(4855);
        assertThat(counts.rowsNeedingAttention()).isZero();
        assertThat(counts.datedClicks()).isEqualTo(4042);
        assertThat(counts.undatedClicks()).isZero();
        assertThat(links.size()).isEqualTo(4855);
        assertThat(MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5()).isEqualTo(MD5_OF_REFERENCE);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void migrate_referenceDumpWithoutClicks_carriesCountersUndated_sameChecksum() {
        MigrationResult result = migrate(options(false), REFERENCE_DUMP);

        assertThat(result.counts().undatedClicks()).isEqualTo(4042);
        assertThat(result.counts().datedClicks()).isZero();
        assertThat(MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5()).isEqualTo(MD5_OF_REFERENCE);
    }

    @Test
    void migrate_rowsTernWillNotServe_areCarriedDisabled_andListed() throws Exception {
        migrate(options(false), REFERENCE_DUMP);

        Link file = links.findLatest(new ShortCode("1")).orElseThrow();
        assertThat(file.status()).isEqualTo(LinkStatus.DISABLED);
        assertThat(file.target().value()).isEqualTo("file:///etc/passwd");
        assertThat(clicks.total(file.code())).isEqualTo(2);
        assertThat(report()).anySatisfy(line -> assertThat(line)
                .startsWith("{\"keyword\":\"1\",\"outcome\":\"written-disabled\"").contains("will not redirect"));
        Link ozh = links.findLatest(new ShortCode("ozh")).orElseThrow();
        assertThat(ozh.status()).isEqualTo(LinkStatus.ACTIVE);
        assertThat(ozh.createdAt()).isEqualTo(Instant.parse("2026-11-23T05:20:26Z"));
        assertThat(ozh.creator().id()).startsWith("yourls:").hasSize("yourls:".length() + 16);
    }

    @Test
    void migrate_twice_secondRunFindsEverythingIdentical_andChangesNothing() {
        migrate(options(true), REFERENCE_DUMP);
        String before = MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5();

        MigrationResult again = migrate(options(true), REFERENCE_DUMP);

        assertThat(again.counts().rows(RowOutcome.IDENTICAL)).isEqualTo(4855);
        assertThat(again.counts().rows(RowOutcome.WRITTEN)).isZero();
        assertThat(MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5()).isEqualTo(before).isEqualTo(MD5_OF_REFERENCE);
    }

    @Test
    void migrate_dryRun_writesNothing_butCountsWhatItWouldDo() {
        MigrationResult result = migrate(options(true, true, ConflictPolicy.SKIP, IpMode.HASH), REFERENCE_DUMP);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.counts().rows(RowOutcome.WRITTEN) + result.counts().rows(RowOutcome.WRITTEN_DISABLED)).isEqualTo(4855);
        assertThat(result.counts().datedClicks()).isEqualTo(4042);
        assertThat(links.size()).isZero();
        assertThat(clicks.total(new ShortCode("ozh"))).isZero();
        assertThat(Files.exists(dir.resolve("checkpoint"))).isFalse();
    }

    @Test
    void migrate_keywordTernUsesForAnotherLink_isKeptAndListed_unlessOverwriteIsAsked() throws Exception {
        Link ternOwn = Link.newActive(new ShortCode("ozh"), LongUrl.fromStored("https://tern.example/own"), "mine",
                Instant.parse("2026-01-01T00:00:00Z"), Creator.apiKey("k1"));
        links.insertNew(ternOwn);

        MigrationResult kept = migrate(options(true), REFERENCE_DUMP);

        assertThat(kept.counts().rows(RowOutcome.CONFLICT_SKIPPED)).isEqualTo(1);
        assertThat(kept.complete()).isFalse();
        assertThat(links.findLatest(new ShortCode("ozh"))).contains(ternOwn);
        assertThat(clicks.total(new ShortCode("ozh"))).as("YOURLS's clicks of another link are not added").isZero();
        assertThat(report()).anySatisfy(line -> assertThat(line).contains("\"keyword\":\"ozh\",\"outcome\":\"conflict-skipped\""));
        assertThat(report()).anySatisfy(line -> assertThat(line).contains("\"keyword\":\"ozh\",\"outcome\":\"clicks-of-link-not-carried\""));

        MigrationResult replaced = migrate(options(false, true, ConflictPolicy.OVERWRITE, IpMode.HASH), REFERENCE_DUMP);

        assertThat(replaced.counts().rows(RowOutcome.CONFLICT_OVERWRITTEN)).isEqualTo(1);
        assertThat(links.findLatest(new ShortCode("ozh")).orElseThrow().target().value()).isEqualTo("https://ozh.org/");
        assertThat(clicks.total(new ShortCode("ozh"))).isEqualTo(7);
        assertThat(MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5()).isEqualTo(MD5_OF_REFERENCE);
    }

    @Test
    void migrate_killedDuringLinks_thenRerun_endsIdenticalToOneRun_withoutDuplicateClicks() {
        AtomicInteger calls = new AtomicInteger();
        InMemoryLinkImporter real = new InMemoryLinkImporter(links);
        LinkImporter dying = new LinkImporter() {
            @Override
            public Map<ShortCode, Link> findAll(Collection<ShortCode> codes) {
                return real.findAll(codes);
            }

            @Override
            public Map<ShortCode, Link> insertNew(List<Link> batch) {
                if (calls.incrementAndGet() == 20) {
                    real.insertNew(batch.subList(0, batch.size() / 2));
                    throw new IllegalStateException("killed in the middle of a batch");
                }
                return real.insertNew(batch);
            }

            @Override
            public void overwrite(List<Link> batch) {
                real.overwrite(batch);
            }
        };
        MigrationOptions options = new MigrationOptions(false, IpMode.HASH, new byte[] {1}, true, ConflictPolicy.SKIP, 0, 1,
                Optional.of(dir.resolve("checkpoint")), Optional.of(dir.resolve("report.jsonl")));

        assertThatThrownBy(() -> migrate(dying, clicks, options, REFERENCE_DUMP, Optional.empty())).hasMessageContaining("killed");
        assertThat(Files.exists(dir.resolve("checkpoint"))).isTrue();
        assertThat(links.size()).isBetween(1, 4854);

        MigrationResult resumed = migrate(real, clicks, options, REFERENCE_DUMP, Optional.empty());

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.counts().rowsRead()).isEqualTo(4855);
        assertThat(resumed.counts().rows(RowOutcome.WRITTEN) + resumed.counts().rows(RowOutcome.WRITTEN_DISABLED)
                + resumed.counts().rows(RowOutcome.IDENTICAL)).isEqualTo(4855);
        assertThat(links.size()).isEqualTo(4855);
        assertThat(MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5()).isEqualTo(MD5_OF_REFERENCE);
        assertThat(Files.exists(dir.resolve("checkpoint"))).as("a finished migration leaves no checkpoint").isFalse();
    }

    @Test
    void migrate_killedWhileCarryingClicks_thenRerun_countsEveryClickExactlyOnce() {
        AtomicInteger adds = new AtomicInteger();
        ClickCounterStore dying = new ClickCounterStore() {
            @Override
            public void add(String batchId, ClickTally tally) {
                clicks.add(batchId, tally);
                if (adds.incrementAndGet() == 300) {
                    throw new IllegalStateException("killed after a click batch was applied");
                }
            }

            @Override
            public void addUndated(String batchId, ShortCode code, long n) {
                clicks.addUndated(batchId, code, n);
            }

            @Override
            public long total(ShortCode code) {
                return clicks.total(code);
            }

            @Override
            public java.util.SortedMap<LocalDate, dev.tern.core.click.DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
                return clicks.days(code, from, to);
            }
        };
        MigrationOptions options = options(true);

        assertThatThrownBy(() -> migrate(new InMemoryLinkImporter(links), dying, options, REFERENCE_DUMP, Optional.empty()))
                .hasMessageContaining("killed");
        migrate(new InMemoryLinkImporter(links), clicks, options, REFERENCE_DUMP, Optional.empty());

        assertThat(MigrationFixture.ternChecksum(referenceRows(), links, clicks).md5()).isEqualTo(MD5_OF_REFERENCE);
        assertThat(clicks.days(new ShortCode("2vb"), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)))
                .hasSize(1).allSatisfy((day, tally) -> assertThat(tally.clicks()).isEqualTo(642));
    }

    @Test
    void migrate_orphanLogRows_andCountersBelowTheLog_areReported() throws Exception {
        Path dump = MigrationFixture.dump(dir, "orphans.sql",
                "INSERT INTO `yourls_url` VALUES ('Abc','https://example.com/upper','Upper','2024-01-02 03:04:05','10.0.0.1',1),"
                        + "('abc','https://example.com/lower',NULL,'2024-01-02 03:04:06','10.0.0.1',5);",
                "INSERT INTO `yourls_log` VALUES (1,'2024-02-01 10:00:00','abc','direct','Mozilla/5.0','10.0.0.9','DE'),"
                        + "(2,'2024-02-02 11:00:00','abc','https://news.example.com/a','curl/8','10.0.0.9',''),"
                        + "(3,'2024-02-02 12:00:00','Abc','direct','Mozilla/5.0','10.0.0.9','FR'),"
                        + "(4,'2024-02-02 12:30:00','Abc','direct','Mozilla/5.0','10.0.0.9','FR'),"
                        + "(5,'2024-03-01 00:00:00','gone','direct','Mozilla/5.0','10.0.0.9','US');",
                "INSERT INTO `yourls_options` VALUES (1,'version','1.10.4'),(2,'next_id','77'),(3,'active_plugins','a:0:{}');");

        MigrationResult result = migrate(options(true), dump);

        assertThat(result.counts().orphanLogRows()).isEqualTo(1);
        assertThat(result.counts().linksWithMoreLogRowsThanClicks()).isEqualTo(1);
        assertThat(clicks.total(new ShortCode("abc"))).as("2 dated + 3 undated").isEqualTo(5);
        assertThat(clicks.total(new ShortCode("Abc"))).as("the log has 2 rows, the counter 1: the log wins").isEqualTo(2);
        assertThat(links.findLatest(new ShortCode("abc")).orElseThrow().title()).isEmpty();
        assertThat(report()).anySatisfy(line -> assertThat(line).contains("\"keyword\":\"gone\",\"outcome\":\"orphan-clicks\",\"rows\":1"));
        assertThat(report()).anySatisfy(line -> assertThat(line).contains("\"keyword\":\"Abc\"").contains("the click log has 2 rows"));
        assertThat(site.claimNextId()).isEqualTo(77);
    }

    @Test
    void migrate_keywordTernCannotHold_isNotCarried_andListed() throws Exception {
        Path dump = MigrationFixture.dump(dir, "odd.sql",
                "INSERT INTO `yourls_url` VALUES ('café','https://example.com/cafe','t','2024-01-02 03:04:05','',0),"
                        + "('api','https://example.com/api','t','2024-01-02 03:04:05','',3),"
                        + "('ok','hello','bare word','0000-00-00 00:00:00','',0);");

        MigrationResult result = migrate(options(false), dump);

        assertThat(result.counts().rows(RowOutcome.NOT_CARRIED)).isEqualTo(1);
        assertThat(result.counts().rows(RowOutcome.WRITTEN_DISABLED)).isEqualTo(2);
        assertThat(links.findLatest(new ShortCode("api")).orElseThrow().status()).isEqualTo(LinkStatus.DISABLED);
        assertThat(clicks.total(new ShortCode("api"))).isEqualTo(3);
        Link bare = links.findLatest(new ShortCode("ok")).orElseThrow();
        assertThat(bare.status()).isEqualTo(LinkStatus.DISABLED);
        assertThat(bare.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(report()).anySatisfy(line -> assertThat(line).contains("\"keyword\":\"café\",\"outcome\":\"not-carried\""));
        assertThat(report()).anySatisfy(line -> assertThat(line).contains("\"keyword\":\"ok\"").contains("not a date"));
    }

    @Test
    void migrate_ipModes_dropHashOrKeepTheCreatorAddress() {
        Path dump = MigrationFixture.dump(dir, "ip.sql",
                "INSERT INTO `yourls_url` VALUES ('a','https://example.com/a','','2024-01-02 03:04:05','192.0.2.7',0);");

        migrate(options(false, false, ConflictPolicy.SKIP, IpMode.KEEP), dump);
        assertThat(links.findLatest(new ShortCode("a")).orElseThrow().creator().id()).isEqualTo("yourls:192.0.2.7");

        InMemoryLinkStore other = new InMemoryLinkStore();
        migrate(new InMemoryLinkImporter(other), clicks, options(false, false, ConflictPolicy.SKIP, IpMode.DROP), dump, Optional.empty());
        assertThat(other.findLatest(new ShortCode("a")).orElseThrow().creator().id()).isEqualTo("yourls");
    }

    @Test
    void migrate_pluginsAndExpiries_becomePerLinkSettings_orAreListed() {
        Path dump = MigrationFixture.dump(dir, "plugins.sql",
                "INSERT INTO `yourls_url` VALUES ('t','https://example.com/t','','2024-01-02 03:04:05','',0);",
                "INSERT INTO `yourls_options` VALUES (1,'active_plugins','a:3:{i:0;s:18:\"yourls-302/plugin.php\";i:1;s:17:\"expiry/plugin.php\";i:2;s:16:\"stats/plugin.php\";}');"
                        .replace("s:18:\"yourls-302", "s:21:\"yourls-302"));

        MigrationResult result = migrate(options(false), dump);

        Link link = links.findLatest(new ShortCode("t")).orElseThrow();
        assertThat(link.redirectPolicy()).isNotNull();
        assertThat(link.redirectPolicy().status()).isEqualTo(302);
        assertThat(result.pluginsNotCarried()).containsExactly("stats/plugin.php");
        assertThat(result.pluginsCarried()).hasSize(2);
    }

    @Test
    void migrate_withConfig_carriesUsersCookieKeyAndSettingsForTheYourlsApi() {
        YourlsSite fromConfig = SiteSettings.fromConfig(YourlsConfigReader.read(REFERENCE_CONFIG));

        MigrationResult result = migrate(new InMemoryLinkImporter(links), clicks, options(false), REFERENCE_DUMP, Optional.of(fromConfig));

        YourlsSite saved = site.load();
        assertThat(saved.users()).containsOnlyKeys("admin");
        assertThat(saved.users().get("admin")).startsWith("phpass:!2y!10!");
        assertThat(saved.cookieKey()).isEqualTo("fdwOcmP6WNlPsUAosP7UVeacENgg3ddOf0lc3WXbtGcsGxcM");
        assertThat(saved.uniqueUrls()).isFalse();
        assertThat(saved.keywordBase()).isEqualTo(36);
        assertThat(saved.reservedKeywords()).contains("porn", "sex");
        assertThat(site.claimNextId()).isEqualTo(4256);
        assertThat(result.siteNotes()).anySatisfy(note -> assertThat(note).contains("1 user(s)"));
        assertThat(result.advice()).anySatisfy(note -> assertThat(note).contains("TERN_UNKNOWN_CODE=redirect-home"));
    }
}
