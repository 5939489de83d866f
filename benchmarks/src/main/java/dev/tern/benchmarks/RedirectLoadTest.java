package dev.tern.benchmarks;

import dev.tern.local.LocalOptions;
import dev.tern.local.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load test of the redirect path of the local platform: starts {@link LocalPlatform}
 * in-memory on a free loopback port (or targets {@code --target http://127.0.0.1:PORT}), creates
 * links, sends GET redirects over N concurrent connections until a request count or a time limit is
 * reached, and prints throughput, latency percentiles, and whether every redirect was counted as a
 * click. Sends traffic only to 127.0.0.1. The links are created with the platform's admin key
 * ({@code LocalPlatform#adminKey()}); against {@code --target}, with the key in {@code TERN_KEY}.
 *
 * <p>The load generator ({@code --client}): {@code raw} (default) is {@link KeepAliveHttpConnection} on
 * virtual threads; {@code wrk} runs Debian's {@code wrk} ({@link WrkLoad}), the lightest, for the
 * figures of docs/PERFORMANCE.md; {@code jdk} is {@code java.net.http.HttpClient}, kept to show how
 * much a heavy generator on the same two cores takes from the server.
 *
 * <pre>java -cp benchmarks/target/tern-benchmarks.jar dev.tern.benchmarks.RedirectLoadTest --connections 32 --requests 100000</pre>
 */
public final class RedirectLoadTest {
    private static final Pattern CLICKS = Pattern.compile("\"clicks\"\\s*:\\s*(\\d+)");

    private RedirectLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int connections = intOption(args, "--connections", 32);
        int requests = intOption(args, "--requests", 100_000);
        int seconds = intOption(args, "--seconds", 120);
        int linkCount = intOption(args, "--links", 100);
        int warmup = intOption(args, "--warmup", 10_000);
        String target = stringOption(args, "--target", null);
        // wrk: Debian's wrk (C, two threads), the lightest generator; raw: KeepAliveHttpConnection, one blocking
        // socket per virtual thread; jdk: java.net.http.HttpClient, whose own CPU cost capped the measurement on
        // two shared cores (kept to show that difference). docs/PERFORMANCE.md §2 compares them.
        String loadClient = stringOption(args, "--client", "raw");
        if (!List.of("raw", "jdk", "wrk").contains(loadClient)) {
            throw new IllegalArgumentException("--client must be raw, jdk or wrk, not " + loadClient);
        }
        if (loadClient.equals("wrk") && !WrkLoad.available()) {
            throw new IllegalArgumentException("--client wrk needs wrk on the PATH (apt-get install wrk)");
        }
        if (target != null && !URI.create(target).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("--target must be on 127.0.0.1: this load test never leaves the machine");
        }

        // The API's per-key limit is not what this measures: lift it for the links created up front.
        boolean noCache = java.util.Arrays.asList(args).contains("--no-cache");
        LocalPlatform platform = target == null ? LocalPlatform.start(LocalOptions.inMemoryOnFreePort(),
                Map.of("TERN_API_BURST", "1000000", "TERN_API_REQUESTS_PER_MINUTE", "1000000",
                        // --no-cache: every redirect reads DynamoDB Local, the baseline of the hot-link cache.
                        "TERN_LINK_CACHE_ENTRIES", noCache ? "0" : "10000")) : null;
        try {
            URI base = target == null ? platform.baseUri() : URI.create(target);
            String key = platform != null ? platform.adminKey() : System.getenv("TERN_KEY");
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("with --target, export TERN_KEY=<an API key with links:write and links:read>");
            }
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            List<String> codes = createLinks(client, base, key, linkCount);
            System.out.printf("links: %d, connections: %d, warm-up: %d requests, load client: %s%n", codes.size(), connections,
                    warmup, loadClient);
            LoadSummary warm;
            LoadSummary result;
            if (loadClient.equals("wrk")) {
                // wrk runs for a time (-d) and stops a thread at its share of the count: with a count reached
                // early its rate is understated (it still divides by the whole -d), never overstated.
                warm = WrkLoad.run(base, codes, connections, warmup, Duration.ofSeconds(Math.min(seconds, 5)));
                result = WrkLoad.run(base, codes, connections, requests, Duration.ofSeconds(seconds));
            } else {
                warm = run(loadClient, client, base, codes, connections, warmup, Duration.ofSeconds(seconds));
                result = run(loadClient, client, base, codes, connections, requests, Duration.ofSeconds(seconds));
            }
            System.out.println(result.report(loadClient));
            long served = warm.ok() + result.ok();
            if (platform != null) {
                // Clicks are counted behind the redirects (batches into DynamoDB Local on the same cores):
                // how long the backlog takes to drain is the click counting's own throughput.
                long drainStart = System.nanoTime();
                boolean drained = platform.flushClicks(Duration.ofSeconds(120));
                System.out.printf("click backlog after the run: %s in %.1f s%n", drained ? "drained" : "NOT drained",
                        (System.nanoTime() - drainStart) / 1e9);
                long counted = 0;
                for (String code : codes) {
                    counted += clicksOf(client, base, key, code);
                }
                if (loadClient.equals("wrk")) {
                    // Requests in flight when wrk stops (at most one per connection and run) are served but not in its count.
                    boolean exact = counted >= served && counted <= served + 2L * connections;
                    System.out.printf("clicks counted: %d for %d responses read by wrk (+ at most %d in flight when it stopped): %s%n",
                            counted, served, 2 * connections, exact ? "exact" : "MISMATCH");
                } else {
                    System.out.printf("clicks counted: %d of %d redirects served (%s)%n", counted, served,
                            counted == served ? "exact" : "MISMATCH");
                }
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    private static List<String> createLinks(HttpClient client, URI base, String key, int count) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "load" + i;
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/links"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"url\":\"https://example.com/load/" + i + "?q=" + i + "\",\"code\":\"" + code + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("creating " + code + " answered " + response.statusCode() + ": " + response.body());
            }
            codes.add(code);
        }
        return codes;
    }

    private static long clicksOf(HttpClient client, URI base, String key, String code) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/links/" + code))
                        .header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CLICKS.matcher(response.body());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static LoadSummary run(String loadClient, HttpClient client, URI base, List<String> codes, int connections,
            int requests, Duration limit) throws InterruptedException {
        AtomicInteger issued = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        // The latency of request n at index n (0: not answered with a 301), whichever thread sent it.
        long[] latencies = new long[requests];
        long deadline = System.nanoTime() + limit.toNanos();
        List<HttpRequest> prepared = codes.stream().map(code -> HttpRequest.newBuilder(base.resolve("/" + code)).GET().build()).toList();
        List<byte[]> preparedBytes = codes.stream().map(code -> KeepAliveHttpConnection.getRequest(base, "/" + code)).toList();
        boolean raw = loadClient.equals("raw");
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            // Virtual threads: blocking sockets without 32 platform threads' context switches (≈ 15 % more on two cores).
            threads[t] = Thread.ofVirtual().name("load-" + t).start(() -> {
                KeepAliveHttpConnection connection = new KeepAliveHttpConnection(base);
                while (System.nanoTime() < deadline) {
                    int n = issued.getAndIncrement();
                    if (n >= requests) {
                        break;
                    }
                    long begin = System.nanoTime();
                    try {
                        int status = raw
                                ? connection.send(preparedBytes.get(n % preparedBytes.size()))
                                : client.send(prepared.get(n % prepared.size()), HttpResponse.BodyHandlers.discarding()).statusCode();
                        long took = System.nanoTime() - begin;
                        if (status == 301) {
                            ok.incrementAndGet();
                            latencies[n] = Math.max(1, took);
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "status " + status + " for request " + n);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e + " for request " + n);
                    }
                }
                connection.close();
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] all = Arrays.stream(latencies).filter(latency -> latency > 0).toArray();
        if (firstFailure.get() != null) {
            System.out.println("first failure: " + firstFailure.get());
        }
        return LoadSummary.fromLatencies(ok.get(), failed.get(), elapsed, all);
    }

    private static int intOption(String[] args, String name, int fallback) {
        String value = stringOption(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
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
