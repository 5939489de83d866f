package dev.tern.status.probe;

import dev.tern.core.status.Component;
import dev.tern.core.status.DatabaseProbe;
import dev.tern.core.status.Measurement;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One region's probe: runs every check of the {@link ProbePlan} and the {@link DatabaseProbe} against
 * every region, all at once, each bounded by the time limit, and returns the minute's {@link ProbeRound}.
 * Requests carry {@value #PROBE_HEADER} so the redirect never counts them as clicks, and never follow
 * redirects. A check never throws: a refused connection is a failure, no answer in time a timeout.
 */
public final class ProbeRunner implements AutoCloseable {
    /** Tern's redirect does not count requests with this header as clicks ({@code RedirectHandler.PROBE_HEADER}). */
    public static final String PROBE_HEADER = "X-Tern-Probe";

    private final Region self;
    private final Map<Region, URI> baseUrls;
    private final ProbePlan plan;
    private final DatabaseProbe database;
    private final Duration timeLimit;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param self the region this probe runs in
     * @param baseUrls every region's public base URL (the region's own API Gateway endpoint, not a
     *     latency-routed name, so each region is reached for sure)
     * @param plan the HTTP checks
     * @param database the database check
     * @param timeLimit how long one check may take before it is a timeout
     * @param clock gives the round's minute and the results' times
     */
    public ProbeRunner(Region self, Map<Region, URI> baseUrls, ProbePlan plan, DatabaseProbe database, Duration timeLimit,
            Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.baseUrls = new TreeMap<>(baseUrls);
        this.plan = Objects.requireNonNull(plan, "plan");
        this.database = Objects.requireNonNull(database, "database");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.baseUrls.isEmpty()) {
            throw new IllegalArgumentException("A probe needs at least one region to check");
        }
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeLimit)
                .executor(executor)
                .build();
    }

    /** Runs every check now and returns this minute's round. */
    public ProbeRound run() {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        record Pending(Region target, Component component, Instant started, Future<Measurement> future) {}
        List<Pending> pending = new ArrayList<>();
        for (Map.Entry<Region, URI> target : baseUrls.entrySet()) {
            for (HttpCheck check : plan.checks()) {
                pending.add(new Pending(target.getKey(), check.component(), clock.instant(),
                        executor.submit(() -> http(target.getValue(), check))));
            }
            Region region = target.getKey();
            pending.add(new Pending(region, Component.DATABASE, clock.instant(), executor.submit(() -> database.check(region))));
        }
        List<ProbeResult> results = new ArrayList<>();
        for (Pending p : pending) {
            Measurement m = await(p.future());
            // A round belongs to one minute, even if the clock turned while the checks were being started.
            Instant at = p.started().truncatedTo(ChronoUnit.MINUTES).equals(minute) ? p.started() : minute;
            results.add(new ProbeResult(self, p.target(), p.component(), at, m.outcome(), m.latencyMillis(), m.detail()));
        }
        return new ProbeRound(self, minute, results);
    }

    private Measurement await(Future<Measurement> future) {
        try {
            return future.get(timeLimit.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Measurement(Outcome.TIMEOUT, timeLimit.toMillis(), "no answer within " + timeLimit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Measurement.fail(0, "check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Measurement.fail(0, "interrupted");
        }
    }

    private Measurement http(URI base, HttpCheck check) {
        String root = base.toASCIIString().endsWith("/") ? base.toASCIIString().substring(0, base.toASCIIString().length() - 1)
                : base.toASCIIString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + check.path()))
                .GET()
                .timeout(timeLimit)
                .header(PROBE_HEADER, "1")
                .header("User-Agent", "tern-status-probe/" + self.code());
        check.headers().forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long millis = elapsedMillis(start);
            if (response.statusCode() != check.expectedStatus()) {
                return Measurement.fail(millis, "HTTP " + response.statusCode() + ", expected " + check.expectedStatus());
            }
            if (check.expectedLocation().isPresent()) {
                String location = response.headers().firstValue("Location").orElse("(none)");
                if (!location.equals(check.expectedLocation().get())) {
                    return Measurement.fail(millis, "Location " + location + ", expected " + check.expectedLocation().get());
                }
            }
            return Measurement.pass(millis);
        } catch (HttpTimeoutException e) {
            return new Measurement(Outcome.TIMEOUT, elapsedMillis(start), "no answer within " + timeLimit.toMillis() + " ms");
        } catch (IOException e) {
            return Measurement.fail(elapsedMillis(start), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Measurement.fail(elapsedMillis(start), "interrupted");
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        http.close();
        executor.shutdownNow();
    }
}
