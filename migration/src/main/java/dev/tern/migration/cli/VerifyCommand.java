package dev.tern.migration.cli;

import dev.tern.migration.YourlsMigration;
import dev.tern.migration.source.YourlsSource;
import dev.tern.migration.verify.MigrationVerifier;
import dev.tern.migration.verify.VerificationReport;
import dev.tern.migration.verify.VerifyOptions;
import dev.tern.store.DynamoDbStores;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tern-migrate verify}: does Tern hold exactly what the YOURLS site holds? */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the YOURLS site with Tern: link count, click sum, and a checksum over",
                "keyword|url|title|created|clicks; lists every difference; optionally follows sample redirects through a running Tern."},
        footer = {"", "Exit codes: 0 identical; 4 differences found (listed); 1 stopped by an error; 2 bad command line."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TernMigrateCommand parent;

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Option(names = "--tern-url", paramLabel = "URL",
            description = "A running Tern (its public base URL) to sample redirects through, e.g. https://sho.rt.")
    URI ternUrl;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "100",
            description = "How many redirects to sample with --tern-url (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--list", paramLabel = "N", defaultValue = "50",
            description = "How many differences to list one by one (all are counted; default ${DEFAULT-VALUE}).")
    int listed;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() {
        var env = parent.env;
        VerifyOptions options = VerifyOptions.defaults().withListedDifferences(listed);
        if (ternUrl != null && samples > 0) {
            options = options.withRedirectSamples(ternUrl, samples);
        }
        try (YourlsSource yourls = source.open(env); DynamoDbStores tern = target.open(env)) {
            VerificationReport report;
            YourlsMigration.Progress bar = progress.progress();
            bar.start("verifying", -1);
            try {
                long[] shown = {0};
                report = new MigrationVerifier(yourls, tern.stores(), options).verify(checked -> {
                    bar.step(checked - shown[0]);
                    shown[0] = checked;
                });
            } finally {
                bar.end();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(report.render());
            out.flush();
            return report.identical() ? 0 : 4;
        }
    }
}
