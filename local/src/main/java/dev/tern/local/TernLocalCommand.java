package dev.tern.local;

import dev.tern.local.status.LocalStatusOptions;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tern-local}: starts the whole platform on this machine and runs until Ctrl-C. */
@Command(name = "tern-local", mixinStandardHelpOptions = true, version = "Tern local 0.1.0",
        description = "Starts Tern locally: DynamoDB Local in-process, the tables, and the real Lambda handlers "
                + "(web form, previews, redirects, REST API) on http://127.0.0.1:<port>. Settings come from TERN_* environment "
                + "variables (docs/CONFIGURATION.md).")
public final class TernLocalCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--data-dir", defaultValue = ".tern-local/dynamodb",
            description = "Where DynamoDB Local keeps its data between runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep data in memory only; everything is gone when Tern stops.")
    boolean inMemory;

    @Option(names = "--status-interval", defaultValue = "60", paramLabel = "SECONDS",
            description = "How often the status page at /status/ probes the platform (default: ${DEFAULT-VALUE}; 0 = no status page).")
    int statusInterval;

    @Option(names = "--status-runs", defaultValue = "2", paramLabel = "N",
            description = "How many consecutive probes must agree before a component changes state (default: ${DEFAULT-VALUE}; 1 reacts at once).")
    int statusRuns;

    public static void main(String[] args) {
        int exit = new CommandLine(new TernLocalCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 0 and 65535, got " + port);
        }
        if (statusInterval < 0 || statusInterval > 86_400) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--status-interval must be between 0 (no status page) and 86400 seconds, got " + statusInterval);
        }
        if (statusRuns < 1 || statusRuns > 60) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--status-runs must be between 1 and 60, got " + statusRuns);
        }
        PrintWriter out = new PrintWriter(System.out, true);
        LocalStatusOptions status = statusInterval == 0 ? LocalStatusOptions.off()
                : LocalStatusOptions.every(Duration.ofSeconds(statusInterval)).withConsecutiveRuns(statusRuns);
        LocalOptions options = new LocalOptions(port, inMemory ? Optional.empty() : Optional.of(dataDir), List.of(), status);
        long started = System.nanoTime();
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options, System.getenv());
        } catch (BindException e) {
            System.err.println("Port " + port + " on 127.0.0.1 is already in use. Stop whatever uses it, or pass --port " + (port + 1) + ".");
            return 2;
        } catch (dev.tern.core.settings.SettingsException e) {
            System.err.println("Setting problem: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tern-local-shutdown").unstarted(() -> {
            out.println();
            out.println("Stopping Tern: finishing requests, counting queued clicks...");
            platform.close();
            out.println("Stopped cleanly (" + platform.clicksApplied() + " clicks counted this run).");
            stopped.countDown();
        }));
        String base = platform.baseUri().toString();
        String keyLine = platform.adminKeyCreated()
                ? "Admin API key (shown once" + platform.adminKeyFile().map(f -> "; kept in " + f).orElse(", in-memory run") + "):\n"
                        + "    export TERN_KEY=" + platform.adminKey()
                : "Admin API key: in " + platform.adminKeyFile().map(Object::toString).orElse("TERN_BOOTSTRAP_ADMIN_KEY") + "\n"
                        + "    export TERN_KEY=$(cat " + platform.adminKeyFile().map(Object::toString).orElse("...") + ")";
        out.printf("""

                Tern is running (local platform, started in %d ms)
                  Web form        %s/
                  REST API        %s/api/v1/links   (API keys: %s/api/v1/keys)
                  Redirects       %s/{code}   (preview: %s/{code}+)
                  DynamoDB Local  %s (%s)
                  Short URLs      %s/{code}
                  Status page     %s

                %s

                Try it:
                  curl -i -X POST %s/api/v1/links -H "Authorization: Bearer $TERN_KEY" \\
                       -H 'Content-Type: application/json' -d '{"url":"https://example.com"}'

                Press Ctrl-C to stop.
                """,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), base, base, base, base, base,
                platform.dynamoDbEndpoint(), inMemory ? "in memory" : "data in " + dataDir.toAbsolutePath(),
                platform.publicBaseUrl(),
                platform.statusPage().isPresent()
                        ? base + "/status/   (probed every " + statusInterval + " s; feeds at " + base + "/status/api/v2/summary.json;"
                                + " notes: ./tern status --help)"
                        : "off (--status-interval 0)",
                keyLine, base);
        stopped.await();
        return 0;
    }
}
