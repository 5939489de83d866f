package dev.tern.local.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tern.core.link.LinkStore;
import dev.tern.core.status.Region;
import dev.tern.status.incident.CheckpointedEngineStateStore;
import dev.tern.status.incident.StatusPolicy;
import dev.tern.status.probe.CanaryLink;
import dev.tern.status.probe.ProbeRunner;
import dev.tern.status.site.SiteDirectory;
import dev.tern.status.site.StatusProbe;
import dev.tern.status.site.StatusSiteGenerator;
import dev.tern.store.status.DynamoDbDatabaseProbe;
import dev.tern.store.status.DynamoDbEngineCheckpointStore;
import dev.tern.store.status.DynamoDbOperatorActionStore;
import dev.tern.store.status.DynamoDbProbeResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The status page of the local platform: the same probe, engine and generator as in AWS, probing this
 * platform itself (one region, {@value #REGION}) on a timer and writing the site into a directory
 * served at {@code /status/}.
 *
 * <p>Two DynamoDB clients, on purpose: the database check and the canary link go through the
 * platform's own client (so faults injected into it are seen, as a failing region's are), while
 * the probe rounds, operator actions and checkpoint are kept through a client of their own. In AWS
 * the rounds that record a region's outage are written by the healthy regions; locally that clean
 * client stands in for them.
 */
public final class LocalStatusPage implements AutoCloseable {
    /** The local platform's region name on the page. */
    public static final String REGION = "local";
    private static final Duration CHECK_TIME_LIMIT = Duration.ofSeconds(5);

    private final StatusProbe probe;
    private final ProbeRunner runner;
    private final Path directory;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    private LocalStatusPage(StatusProbe probe, ProbeRunner runner, Path directory, Duration interval) {
        this.probe = probe;
        this.runner = runner;
        this.directory = directory;
        this.interval = interval;
        this.timer = interval.isZero() ? null
                : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tern-status-probe").daemon().factory());
    }

    /**
     * Prepares the page; {@link #startTimer()} starts its probe once the platform answers.
     *
     * @param baseUri where the platform answers, e.g. {@code http://127.0.0.1:8080}
     * @param links the platform's link store (the canary link)
     * @param platformClient the platform's DynamoDB client (the database check)
     * @param statusClient the client the status records are kept through
     * @param healthTable the health table's name
     */
    public static LocalStatusPage start(LocalStatusOptions options, URI baseUri, LinkStore links, DynamoDbClient platformClient,
            DynamoDbClient statusClient, String healthTable) {
        Region local = Region.of(REGION);
        Path directory;
        try {
            directory = Files.createTempDirectory("tern-status-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the status page", e);
        }
        ProbeRunner runner = new ProbeRunner(local, Map.of(local, baseUri), CanaryLink.plan(),
                new DynamoDbDatabaseProbe(local, Map.of(local, platformClient), healthTable, Duration.ZERO, options.clock()),
                CHECK_TIME_LIMIT, options.clock());
        StatusPolicy policy = new StatusPolicy(1, options.consecutiveRuns(), Map.of(), StatusPolicy.defaults().settleDelay());
        StatusProbe probe = new StatusProbe(links, runner, List.of(local), policy, baseUri.resolve("/status/"),
                new DynamoDbProbeResultStore(statusClient, healthTable), new DynamoDbOperatorActionStore(statusClient, healthTable),
                new CheckpointedEngineStateStore(new DynamoDbEngineCheckpointStore(statusClient, healthTable, local)),
                SiteDirectory.publisher(directory), options.clock());
        return new LocalStatusPage(probe, runner, directory, options.interval());
    }

    /** A first run at once, then one every interval; nothing when the interval is zero. */
    public void startTimer() {
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs the probe once now and regenerates the site; throws what the run throws. */
    public StatusProbe.Report runOnce() {
        return probe.runOnce();
    }

    /** Where the generated site is. */
    public Path directory() {
        return directory;
    }

    private void runQuietly() {
        try {
            probe.runOnce();
        } catch (RuntimeException e) {
            // The next run tries again; the page keeps the last site meanwhile.
            System.err.println("{\"level\":\"WARN\",\"op\":\"status-probe\",\"error\":\"" + e.getClass().getSimpleName()
                    + ": " + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
        }
    }

    /**
     * Serves the site under {@code /status/} ({@code /status/} is {@code index.html}); any other path
     * under the same HTTP context goes to {@code otherwise} (a code like {@code statuses} is a link).
     */
    public HttpHandler handler(HttpHandler otherwise) {
        return exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.equals("/status") && !path.startsWith("/status/")) {
                otherwise.handle(exchange);
                return;
            }
            serve(exchange, path);
        };
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "The status page is read-only.\n");
                return;
            }
            if (path.equals("/status")) {
                exchange.getResponseHeaders().set("Location", "/status/");
                exchange.sendResponseHeaders(308, -1);
                return;
            }
            String relative = path.substring("/status/".length());
            if (relative.isEmpty()) {
                relative = "index.html";
            }
            Path file = directory.resolve(relative).normalize();
            String type;
            try {
                type = StatusSiteGenerator.contentType(relative);
            } catch (IllegalArgumentException e) {
                type = null;
            }
            if (type == null || !file.startsWith(directory) || !Files.isRegularFile(file)) {
                boolean notYet = relative.equals("index.html");
                text(exchange, notYet ? 503 : 404, notYet ? "The status page is being generated; try again in a moment.\n"
                        : "No such file on the status page.\n");
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
        if (!exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops the timer (waiting for a run in progress) and removes the site's directory. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runner.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
