package dev.tern.migration.cli;

import dev.tern.core.yourls.YourlsSite;
import dev.tern.migration.ConflictPolicy;
import dev.tern.migration.IpMode;
import dev.tern.migration.MigrationOptions;
import dev.tern.migration.MigrationResult;
import dev.tern.migration.SiteSettings;
import dev.tern.migration.YourlsMigration;
import dev.tern.migration.config.YourlsConfig;
import dev.tern.migration.config.YourlsConfigReader;
import dev.tern.migration.source.YourlsSource;
import dev.tern.store.DynamoDbStores;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tern-migrate migrate}: the YOURLS site into Tern. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Copies every link (and, with --clicks, every click) of a YOURLS site into Tern.",
                "Safe to run again: nothing already there is written twice, and a killed run resumes from its checkpoint."},
        footer = {"", "Exit codes: 0 every row carried; 3 finished, but rows need attention (conflicts, rows not carried: see the report);",
                "1 stopped by an error (run again to resume); 2 bad command line."})
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TernMigrateCommand parent;

    @Mixin
    SourceOptions source;

    @Option(names = "--yourls-config", paramLabel = "FILE",
            description = "The site's user/config.php: carries users, password hashes, the cookie key (API signatures), "
                    + "unique URLs, keyword charset, reserved keywords.")
    Path config;

    @Mixin
    TargetOptions target;

    @Option(names = "--dry-run", description = "Read, check and report everything; write nothing.")
    boolean dryRun;

    @Option(names = "--clicks", description = "Also carry yourls_log as per-day click history (referrer hosts, countries). "
            + "Visitor addresses are never carried.")
    boolean clicks;

    @Option(names = "--ip", paramLabel = "drop|hash|keep", defaultValue = "hash",
            description = "What becomes of each link's creator address (default ${DEFAULT-VALUE}: a keyed hash).")
    IpMode ip;

    @Option(names = "--on-conflict", paramLabel = "skip|overwrite", defaultValue = "skip", description = "A keyword Tern already uses for a different link: keep Tern's and list it (skip, default), or replace it.")
    ConflictPolicy onConflict;

    @Option(names = "--max-writes-per-second", paramLabel = "N", defaultValue = "0",
            description = "Write at most N items per second, to spare a live table (default 0: no limit).")
    int maxWritesPerSecond;

    @Option(names = "--writers", paramLabel = "N", defaultValue = "4", description = "Batches written at once (default ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--checkpoint", paramLabel = "FILE", defaultValue = "tern-migrate.checkpoint",
            description = "Where progress is kept to resume a killed run (default ${DEFAULT-VALUE}; removed when done).")
    Path checkpoint;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "tern-migrate-report.jsonl",
            description = "Where rows that need a word are listed, one JSON object per line (default ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--ip-hash-key-env", paramLabel = "VARIABLE", defaultValue = "TERN_MIGRATE_IP_HASH_KEY",
            description = "Environment variable with the key of --ip hash (default ${DEFAULT-VALUE}); "
                    + "without it the site's cookie key is used (from --yourls-config), else the source's description.")
    String ipHashKeyVariable;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var env = parent.env;
        Optional<YourlsConfig> yourlsConfig = Optional.ofNullable(config).map(YourlsConfigReader::read);
        yourlsConfig.ifPresent(c -> c.warnings().forEach(w -> spec.commandLine().getErr().println("config.php: " + w)));
        Optional<YourlsSite> site = yourlsConfig.map(SiteSettings::fromConfig);
        try (YourlsSource yourls = source.open(env); DynamoDbStores tern = target.open(env)) {
            byte[] key = ipHashKey(env, yourlsConfig, yourls);
            MigrationOptions options = new MigrationOptions(dryRun, ip, key, clicks, onConflict, maxWritesPerSecond, writers,
                    Optional.of(checkpoint), Optional.of(report));
            YourlsMigration migration = new YourlsMigration(
                    new YourlsMigration.Target(tern.linkImporter(), tern.clicks(), tern.clicks(), tern.yourlsSite()),
                    target.settings(env), options,
                    progress.progress());
            MigrationResult result = migration.run(yourls, site);
            out.print(result.summary());
            out.println("  report: " + report.toAbsolutePath() + " (" + result.reportEntries() + " entries this run)");
            out.println(result.complete() ? "Done: every row is in Tern. Next: tern-migrate verify."
                    : "Finished, but " + result.counts().rowsNeedingAttention() + " row(s) need attention: see the report.");
            out.flush();
            return result.complete() ? 0 : 3;
        }
    }

    private byte[] ipHashKey(java.util.Map<String, String> env, Optional<YourlsConfig> yourlsConfig, YourlsSource yourls) {
        String key = env.get(ipHashKeyVariable);
        if (key == null || key.isEmpty()) {
            key = yourlsConfig.flatMap(YourlsConfig::cookieKey).orElse("tern-migrate:" + yourls.describe());
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
