package dev.tern.benchmarks;

import dev.tern.local.LocalOptions;
import dev.tern.local.LocalPlatform;
import dev.tern.testkit.FaultInjector;
import dev.tern.testkit.FaultInjector.Fault;
import dev.tern.testkit.FaultInjector.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load test with faults: starts {@link LocalPlatform} in-memory on a free 127.0.0.1 port
 * with a {@link FaultInjector} failing a share of DynamoDB attempts (throttling, 500s, timeouts), then
 * creates links (each create retried with its Idempotency-Key on a 5xx, as a careful client does) and
 * follows them over N connections. Then the faults stop, the clicks drain, and it counts what matters:
 * 500s (must be 0; a 503 with Retry-After is the expected answer to a fault), links lost or duplicated
 * (must be 0) and the difference between redirects served and clicks counted (must be 0). Exits 1 if
 * any of those is not 0. Sends traffic only to 127.0.0.1. docs/RELIABILITY.md records a run.
 *
 * <pre>java -cp benchmarks/target/tern-benchmarks.jar dev.tern.benchmarks.FaultyLoadTest --redirects 100000 --creates 2000 --connections 32 --error-rate 0.05</pre>
 *
 * <p>{@code --cache} turns the hot-link cache on (off by default, so that every redirect reads DynamoDB and can meet a fault).
 * Redirects go to the first {@code --hot-links} links (100 by default), as traffic on a shortener
 * concentrates on a few links; every created link is still checked.
 */
public final class FaultyLoadTest {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLICKS = Pattern.compile("\"clicks\"\\s*:\\s*(\\d+)");
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PREFIX = "https://example.com/faulty-load/";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String key;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong connectionErrors = new AtomicLong();

    private FaultyLoadTest(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        int redirects = intOption(args, "--redirects", 100_000);
        int creates = intOption(args, "--creates", 2_000);
        int connections = intOption(args, "--connections", 32);
        double errorRate = Double.parseDouble(stringOption(args, "--error-rate", "0.05"));
        long seed = Long.parseLong(stringOption(args, "--seed", "42"));
        int hotLinks = intOption(args, "--hot-links", 100);
        boolean cache = List.of(args).contains("--cache");

        FaultInjector faults = new FaultInjector();
        LocalPlatform platform = LocalPlatform.start(LocalOptions.inMemoryOnFreePort().withInterceptors(List.of(faults)),
                Map.of("TERN_API_BURST", "1000000", "TERN_API_REQUESTS_PER_MINUTE", "1000000",
                        "TERN_LINK_CACHE_ENTRIES", cache ? "10000" : "0"));
        int exit;
        try {
            exit = new FaultyLoadTest(platform.baseUri(), platform.adminKey())
                    .run(platform, faults, redirects, creates, connections, errorRate, seed, cache, hotLinks);
        } finally {
            faults.clear();
            platform.close();
        }
        System.exit(exit);
    }

    private int run(LocalPlatform platform, FaultInjector faults, int redirects, int creates, int connections, double errorRate,
            long seed, boolean cache, int hotLinks) throws Exception {
        // The error rate per DynamoDB attempt, split across the kinds of failure DynamoDB gives.
        faults.failRandomly(errorRate * 0.4, seed, FaultInjector.ANY, Mode.BEFORE_SEND, Fault.THROTTLING);
        faults.failRandomly(errorRate * 0.4 / (1 - errorRate * 0.4), seed + 1, FaultInjector.ANY, Mode.BEFORE_SEND, Fault.SERVER_ERROR);
        faults.failRandomly(errorRate * 0.2 / (1 - errorRate * 0.8), seed + 2, FaultInjector.ANY, Mode.BEFORE_SEND, Fault.TIMEOUT);
        long started = System.nanoTime();

        Map<Integer, String> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                codes.put(n, create(PREFIX + n, "faulty-load-" + n));
                return null;
            }));
        }
        await(work);
        long createdAt = System.nanoTime();

        List<String> all = new ArrayList<>(codes.values());
        Map<String, AtomicLong> served = new ConcurrentHashMap<>();
        all.forEach(code -> served.put(code, new AtomicLong()));
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < connections; c++) {
            work.add(pool.submit(() -> {
                for (int r = next.getAndIncrement(); r < redirects; r = next.getAndIncrement()) {
                    String code = all.get(r % Math.min(hotLinks, all.size()));
                    HttpResponse<Void> response = send(HttpRequest.newBuilder(base.resolve("/" + code)).GET(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response != null && response.statusCode() / 100 == 3) {
                        served.get(code).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        await(work);
        pool.shutdown();
        long redirectedAt = System.nanoTime();
        int injected = faults.injected();
        faults.clear();
        long requestsUnderFaults = requests.get();

        // The local click channel is one thread writing one item per link per batch: give it time to catch up.
        long drainStarted = System.nanoTime();
        boolean drained = platform.flushClicks(Duration.ofMinutes(20));
        long drainedAt = System.nanoTime();
        int lost = creates - codes.size();
        long clickDifference = 0;
        long servedTotal = 0;
        long countedTotal = 0;
        for (Map.Entry<Integer, String> created : codes.entrySet()) {
            String body = read("/api/v1/links/" + created.getValue());
            Matcher url = URL.matcher(body == null ? "" : body);
            if (body == null || !url.find() || !url.group(1).equals(PREFIX + created.getKey())) {
                lost++;
                continue;
            }
            Matcher clicks = CLICKS.matcher(body);
            long counted = clicks.find() ? Long.parseLong(clicks.group(1)) : -1;
            servedTotal += served.get(created.getValue()).get();
            countedTotal += counted;
            clickDifference += Math.abs(counted - served.get(created.getValue()).get());
        }
        int duplicated = duplicates();

        System.out.printf("FaultyLoadTest: %,d creates and %,d redirects (to the first %,d links) over %d connections, %.1f %% of"
                + " DynamoDB attempts failed (hot-link cache %s)%n", creates, redirects, Math.min(hotLinks, creates), connections,
                errorRate * 100, cache ? "on" : "off");
        System.out.printf("  creates took %.1f s, redirects %.1f s (%.0f redirects/s)%n", (createdAt - started) / 1e9,
                (redirectedAt - createdAt) / 1e9, redirects / ((redirectedAt - createdAt) / 1e9));
        System.out.printf("  requests sent (under faults)  %,d%n", requestsUnderFaults);
        System.out.printf("  DynamoDB faults injected      %,d%n", injected);
        System.out.printf("  503 + Retry-After             %,d%n", unavailable.get() - unavailableWithoutRetryAfter.get());
        System.out.printf("  500s and other 5xx            %,d%n", serverErrors.get() + unavailableWithoutRetryAfter.get());
        System.out.printf("  connection errors             %,d%n", connectionErrors.get());
        System.out.printf("  links lost                    %,d%n", lost);
        System.out.printf("  links duplicated              %,d%n", duplicated);
        System.out.printf("  redirects served / counted    %,d / %,d (difference %,d)%s%n", servedTotal, countedTotal,
                clickDifference, drained ? "" : " -- the clicks did not drain in 20 minutes");
        System.out.printf("  clicks drained %.1f s after the faults stopped%n", (drainedAt - drainStarted) / 1e9);
        boolean ok = serverErrors.get() == 0 && unavailableWithoutRetryAfter.get() == 0 && connectionErrors.get() == 0
                && lost == 0 && duplicated == 0 && clickDifference == 0 && drained;
        System.out.println(ok ? "  PASS" : "  FAIL");
        return ok ? 0 : 1;
    }

    private String create(String url, String idempotencyKey) throws Exception {
        for (int attempt = 1; attempt <= 100; attempt++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/v1/links"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")), HttpResponse.BodyHandlers.ofString());
            if (response != null && (response.statusCode() == 201 || response.statusCode() == 200)) {
                Matcher code = CODE.matcher(response.body());
                if (code.find()) {
                    return code.group(1);
                }
            }
            if (response != null && response.statusCode() < 500 && response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("create of " + url + " never succeeded");
    }

    private int duplicates() throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        String cursor = null;
        do {
            String page = read("/api/v1/links?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            if (page == null) {
                throw new IllegalStateException("listing the links failed");
            }
            Matcher url = URL.matcher(page);
            while (url.find()) {
                if (url.group(1).startsWith(PREFIX)) {
                    copies.merge(url.group(1), 1, Integer::sum);
                }
            }
            Matcher next = NEXT.matcher(page);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return copies.values().stream().mapToInt(c -> c - 1).sum();
    }

    /** A read after the faults stopped; a 503 (a busy machine) is read again. */
    private String read(String pathAndQuery) throws Exception {
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Authorization", "Bearer " + key),
                    HttpResponse.BodyHandlers.ofString());
            if (response != null && response.statusCode() == 200) {
                return response.body();
            }
            if (response != null && response.statusCode() != 503) {
                return null;
            }
            Thread.sleep(200);
        }
        return null;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws InterruptedException {
        requests.incrementAndGet();
        HttpResponse<T> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            connectionErrors.incrementAndGet();
            return null;
        }
        if (response.statusCode() == 503) {
            unavailable.incrementAndGet();
            if (response.headers().firstValue("Retry-After").isEmpty()) {
                unavailableWithoutRetryAfter.incrementAndGet();
            }
        } else if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
        }
        return response;
    }

    private static void await(List<Future<?>> work) throws Exception {
        for (Future<?> f : work) {
            f.get();
        }
        work.clear();
    }

    private static int intOption(String[] args, String name, int fallback) {
        String value = stringOption(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static String stringOption(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
