package dev.tern.local.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the local platform as a careful API user writes one: a create that fails with a 5xx
 * (or no answer at all) is sent again with the same {@code Idempotency-Key}, after the
 * {@code Retry-After} it was given (capped, so tests stay short). Counts every request and every
 * 5xx it sees, split into 503s with and without {@code Retry-After} and other 5xx.
 */
final class PlatformClient {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLICKS = Pattern.compile("\"clicks\"\\s*:\\s*(\\d+)");
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private final String key;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();
    final AtomicLong otherServerErrors = new AtomicLong();

    PlatformClient(URI base, String key) {
        this.base = base;
        this.key = key;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A redirect; answers the status (and counts it). */
    HttpResponse<String> follow(String code) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/" + code)).GET());
    }

    /**
     * Creates a link for {@code url}, retrying 5xx answers with the same Idempotency-Key.
     *
     * @return the code the platform answered 201 with
     */
    String create(String url, String idempotencyKey) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = send(HttpRequest.newBuilder(base.resolve("/api/v1/links"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")));
            } catch (IOException noAnswer) {
                if (attempt >= 50) {
                    throw noAnswer;
                }
                continue;
            }
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                Matcher code = CODE.matcher(response.body());
                if (!code.find()) {
                    throw new IllegalStateException("a create answered without a code: " + response.body());
                }
                return code.group(1);
            }
            if (response.statusCode() < 500 || attempt >= 50) {
                throw new IllegalStateException("create of " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.min(retryAfter * 1000, 200)); // honoured, capped for the test's sake
        }
    }

    /** The link's URL as the API shows it, if it exists. */
    Optional<String> urlOf(String code) throws IOException, InterruptedException {
        HttpResponse<String> response = api("/api/v1/links/" + code);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Matcher url = URL.matcher(response.body());
        return url.find() ? Optional.of(url.group(1)) : Optional.empty();
    }

    /** The link's click total as the API shows it. */
    long clicks(String code) throws IOException, InterruptedException {
        HttpResponse<String> response = api("/api/v1/links/" + code);
        Matcher clicks = CLICKS.matcher(response.body());
        if (response.statusCode() != 200 || !clicks.find()) {
            throw new IllegalStateException("reading " + code + " answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(clicks.group(1));
    }

    /** The URLs of every link, page by page (a URL twice means a create was duplicated). */
    List<String> allUrls() throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = api("/api/v1/links?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.statusCode() != 200) {
                throw new IllegalStateException("listing answered " + page.statusCode() + ": " + page.body());
            }
            Matcher url = URL.matcher(page.body());
            while (url.find()) {
                urls.add(url.group(1));
            }
            Matcher next = NEXT.matcher(page.body());
            cursor = next.find() ? java.net.URLEncoder.encode(next.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return urls;
    }

    /** A read of the API, after the faults: a 503 (a busy machine can still time a call out) is read again. */
    private HttpResponse<String> api(String pathAndQuery) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .header("Authorization", "Bearer " + key).GET());
            if (response.statusCode() != 503 || attempt >= 20) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        requests.incrementAndGet();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 503) {
            unavailable.incrementAndGet();
            if (response.headers().firstValue("Retry-After").isEmpty()) {
                unavailableWithoutRetryAfter.incrementAndGet();
            }
        } else if (status >= 500) {
            otherServerErrors.incrementAndGet();
        }
        return response;
    }
}
