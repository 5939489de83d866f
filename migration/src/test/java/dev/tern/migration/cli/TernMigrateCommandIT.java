package dev.tern.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.RowChecksum;
import dev.tern.migration.source.UrlRow;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code tern-migrate} as an operator runs it, against DynamoDB Local: the reference YOURLS dump
 * migrated, verified identical, migrated again without a change, killed mid-run (a separate JVM,
 * {@code kill -9}) and resumed, exported back; and bad command lines answered with plain messages.
 */
class TernMigrateCommandIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static final Path TESTDATA = Path.of(System.getProperty("tern.testdata.dir", "../testdata"), "yourls");
    private static final Path DUMP = TESTDATA.resolve("yourls-dump.sql");
    private static final Path CONFIG = TESTDATA.resolve("config-reference.php");

    @TempDir
    Path dir;

    private static Map<String, String> env(String prefix) {
        TableNames tables = TableNames.withPrefix(prefix);
        Map<String, String> env = new HashMap<>();
        env.put(Setting.DYNAMODB_ENDPOINT.variable(), ddb.endpoint().toString());
        for (Setting setting : Setting.values()) {
            try {
                env.put(setting.variable(), tables.nameOf(setting));
            } catch (IllegalArgumentException notATable) {
                // not a table setting
            }
        }
        return env;
    }

    private static DynamoDbStores stores(String prefix) {
        DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(prefix)).withCallTimeout(Duration.ofSeconds(30)), "test");
        stores.createTablesIfMissing();
        return stores;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TernMigrateCommand.commandLine(env);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private List<UrlRow> referenceRows() {
        try (DumpYourlsSource source = DumpYourlsSource.open(DUMP); Stream<UrlRow> rows = source.urls(Optional.empty())) {
            return rows.toList();
        }
    }

    @Test
    void migrateVerifyMigrateAgainExport_theOperatorsPath() throws Exception {
        String prefix = ddb.tablePrefix() + "path-";
        try (DynamoDbStores tern = stores(prefix)) {
            Map<String, String> env = env(prefix);

            Run migrated = run(env, "migrate", "--dump", DUMP.toString(), "--yourls-config", CONFIG.toString(), "--clicks",
                    "--no-progress", "--checkpoint", dir.resolve("cp").toString(), "--report", dir.resolve("report.jsonl").toString());

            assertThat(migrated.exit()).as(migrated.out() + migrated.err()).isZero();
            assertThat(migrated.out()).contains("rows read                        4,855").contains("Done: every row is in Tern");
            assertThat(tern.stores().links().findLatest(new ShortCode("ozh")).orElseThrow().target().value()).isEqualTo("https://ozh.org/");
            assertThat(tern.stores().clicks().total(new ShortCode("2vb"))).isEqualTo(642);
            assertThat(tern.yourlsSite().load().users()).containsKey("admin");

            Run verified = run(env, "verify", "--dump", DUMP.toString());
            assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
            assertThat(verified.out()).contains("IDENTICAL");

            Run again = run(env, "migrate", "--dump", DUMP.toString(), "--clicks", "--no-progress",
                    "--checkpoint", dir.resolve("cp").toString(), "--report", dir.resolve("report2.jsonl").toString());
            assertThat(again.exit()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("already identical                4,855");
            assertThat(tern.stores().clicks().total(new ShortCode("2vb"))).isEqualTo(642);

            Path exported = dir.resolve("export.sql");
            Run export = run(env, "export", "--format", "yourls-sql", "--output", exported.toString());
            assertThat(export.exit()).as(export.out() + export.err()).isZero();
            try (DumpYourlsSource back = DumpYourlsSource.open(exported); Stream<UrlRow> rows = back.urls(Optional.empty())) {
                List<UrlRow> list = rows.toList();
                assertThat(list).hasSize(4855);
                assertThat(RowChecksum.of(list.stream().map(RowChecksum::urlLine)).md5()).isEqualTo("1678b7f6d71179f8da07826b174cbe85");
            }
        }
    }

    @Test
    void migrate_killedWithSigkillMidRun_thenRunAgain_endsIdentical() throws Exception {
        String prefix = ddb.tablePrefix() + "kill-";
        try (DynamoDbStores tern = stores(prefix)) {
            Map<String, String> env = env(prefix);
            Path checkpoint = dir.resolve("kill.checkpoint");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TernMigrateCommand.class.getName(),
                    "migrate", "--dump", DUMP.toString(), "--clicks", "--no-progress", "--writers", "2",
                    "--max-writes-per-second", "1500", "--checkpoint", checkpoint.toString(),
                    "--report", dir.resolve("kill-report.jsonl").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile());
            builder.environment().putAll(env);
            Process child = builder.start();
            try {
                // Wait until some batches are done (the checkpoint names a keyword), then kill -9.
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (lastKeyword(checkpoint).isEmpty() && child.isAlive() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertThat(child.isAlive()).as("the child should still be migrating: " + Files.readString(dir.resolve("child.log"))).isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            String killedAfter = lastKeyword(checkpoint).orElseThrow();

            Run resumed = run(env, "migrate", "--dump", DUMP.toString(), "--clicks", "--no-progress",
                    "--checkpoint", checkpoint.toString(), "--report", dir.resolve("kill-report.jsonl").toString());

            assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("resumed from a checkpoint").contains("rows read                        4,855");
            Run verified = run(env, "verify", "--dump", DUMP.toString());
            assertThat(verified.exit()).as("killed after keyword " + killedAfter + "\n" + verified.out()).isZero();
            assertThat(tern.stores().clicks().total(new ShortCode("2vb"))).isEqualTo(642);
        }
    }

    private static Optional<String> lastKeyword(Path checkpoint) {
        if (!Files.exists(checkpoint)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (Exception replacedMeanwhile) {
            return Optional.empty();
        }
        return Optional.ofNullable(p.getProperty("lastKeyword"));
    }

    @Test
    void badCommandLines_getPlainMessages_andUsageExitCodes() {
        Map<String, String> env = env(ddb.tablePrefix() + "bad-");

        Run missing = run(env, "migrate", "--dump", dir.resolve("nope.sql").toString(), "--no-progress");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("No such dump file").doesNotContain("Exception").doesNotContain("\tat ");

        Run both = run(env, "migrate", "--dump", DUMP.toString(), "--jdbc-url", "jdbc:mariadb://127.0.0.1:1/x");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        Run noUser = run(env, "migrate", "--jdbc-url", "jdbc:mariadb://127.0.0.1:1/x", "--no-progress");
        assertThat(noUser.exit()).isEqualTo(2);
        assertThat(noUser.err()).contains("--jdbc-url needs --user");

        Run badIp = run(env, "migrate", "--dump", DUMP.toString(), "--ip", "scramble");
        assertThat(badIp.exit()).isEqualTo(2);
        assertThat(badIp.err()).contains("--ip");

        Run badFormat = run(env, "export", "--format", "xlsx", "--output", "-");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("'xlsx' is not a format");
    }
}
