package dev.tern.local.faults;

import dev.tern.local.LocalPlatform;
import dev.tern.testkit.FaultInjector;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One fault scenario against a running {@link LocalPlatform}: arms the injector, creates links
 * (each create retried by the client with its Idempotency-Key) and follows them, all over
 * {@code connections} concurrent clients; then disarms it, lets the clicks drain, and measures what
 * the visitor and the creator would see: 5xx answers, links lost or duplicated, clicks miscounted.
 */
final class FaultScenario {
    private final LocalPlatform platform;
    private final FaultInjector faults;

    FaultScenario(LocalPlatform platform, FaultInjector faults) {
        this.platform = platform;
        this.faults = faults;
    }

    /** What one scenario measured. A 503 with {@code Retry-After} is the expected answer to a fault; anything else 5xx is not. */
    record Result(String name, int connections, long requests, int faultsInjected, long unavailableWithRetryAfter,
            long serverErrors, int linksLost, int linksDuplicated, long clickDifference) {

        static String tableHeader() {
            return "| scenario | connections | requests sent | faults injected | 503 + Retry-After | other 5xx | links lost | links duplicated | click difference |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
        }

        String tableRow() {
            return String.format("| %s | %d | %,d | %,d | %,d | %d | %d | %d | %d |", name, connections, requests, faultsInjected,
                    unavailableWithRetryAfter, serverErrors, linksLost, linksDuplicated, clickDifference);
        }
    }

    Result run(String name, Consumer<FaultInjector> arm, int creates, int redirects, int connections) throws Exception {
        PlatformClient client = new PlatformClient(platform.baseUri(), platform.adminKey());
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String prefix = "https://example.com/" + slug + "/";
        faults.clear();
        int injectedBefore = faults.injected();
        arm.accept(faults);

        Map<Integer, String> codes = new ConcurrentHashMap<>();
        Map<String, AtomicLong> served = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < creates; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    codes.put(n, client.create(prefix + n, slug + "-" + n));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            work.clear();
            List<String> all = new ArrayList<>(codes.values());
            all.forEach(code -> served.put(code, new AtomicLong()));
            int perTask = Math.max(1, redirects / (connections * 4));
            for (int start = 0; start < redirects; start += perTask) {
                int from = start;
                int to = Math.min(redirects, start + perTask);
                work.add(pool.submit(() -> {
                    for (int r = from; r < to; r++) {
                        String code = all.get(r % all.size());
                        HttpResponse<String> response = client.follow(code);
                        int status = response.statusCode();
                        if (status == 301 || status == 302 || status == 307 || status == 308) {
                            served.get(code).incrementAndGet();
                        } else if (status != 503) {
                            throw new IllegalStateException("redirect of " + code + " answered " + status + ": " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int injected = faults.injected() - injectedBefore;
        faults.clear();
        long requestsDuringFaults = client.requests.get();

        if (!platform.flushClicks(Duration.ofSeconds(120))) {
            throw new IllegalStateException("the clicks of " + name + " did not drain after the faults stopped");
        }
        int lost = 0;
        long clickDifference = 0;
        for (Map.Entry<Integer, String> created : codes.entrySet()) {
            String url = prefix + created.getKey();
            if (!client.urlOf(created.getValue()).map(url::equals).orElse(false)) {
                lost++;
                continue;
            }
            clickDifference += Math.abs(client.clicks(created.getValue()) - served.get(created.getValue()).get());
        }
        lost += creates - codes.size();
        Map<String, Integer> copies = new HashMap<>();
        for (String url : client.allUrls()) {
            if (url.startsWith(prefix)) {
                copies.merge(url, 1, Integer::sum);
            }
        }
        int duplicated = copies.values().stream().mapToInt(c -> c - 1).sum();
        long serverErrors = client.otherServerErrors.get() + client.unavailableWithoutRetryAfter.get();
        return new Result(name, connections, requestsDuringFaults, injected,
                client.unavailable.get() - client.unavailableWithoutRetryAfter.get(), serverErrors, lost, duplicated, clickDifference);
    }
}
