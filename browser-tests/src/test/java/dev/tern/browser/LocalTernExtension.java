package dev.tern.browser;

import dev.tern.local.LocalOptions;
import dev.tern.local.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tern as the browser tests meet it: the whole local platform ({@link LocalPlatform}, DynamoDB Local
 * in-memory) plus a {@link TargetSite} for links to point to, both on 127.0.0.1 and free ports.
 * Started once per test run (the first class that needs them) and stopped when the run ends.
 *
 * <p>The browser reaches them by name: Tern's public address is {@value #TERN_HOST} and the target
 * is {@value #TARGET_HOST}, mapped to the local ports by {@link ChromiumExtension#mappingHosts}. So
 * short URLs look like real ones ({@code http://tern.example/spring}), stay the same from run to run
 * (in screenshots too), and a link to the target is not refused as a link to Tern itself.
 *
 * <pre>{@code
 * @RegisterExtension @Order(1) static final LocalTernExtension tern = new LocalTernExtension();
 * @RegisterExtension @Order(2) static final ChromiumExtension chromium = ChromiumExtension.headless().mappingHosts(tern::hosts);
 * }</pre>
 */
public final class LocalTernExtension implements BeforeAllCallback {
    static final String TERN_HOST = "tern.example";
    static final String TARGET_HOST = "landing.example";

    /** The header that {@link #visit} puts the visitor's country in, as CloudFront would. */
    static final String COUNTRY_HEADER = "CloudFront-Viewer-Country";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalTernExtension.class);
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "TERN_PUBLIC_BASE_URL", "http://" + TERN_HOST,
            // A fixed, test-only secret (32 bytes of 't'): form tokens stay valid for the whole run.
            "TERN_SECRET", "dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHQ=",
            // Every test creates links from 127.0.0.1 through the form: far more than a person's burst.
            "TERN_ANONYMOUS_CREATE_BURST", "10000",
            "TERN_ANONYMOUS_CREATES_PER_HOUR", "1000000",
            "TERN_COUNTRY_HEADER", COUNTRY_HEADER);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The User-Agent of {@link #visit}: a person's browser, so the click is not counted as a bot's. */
    private static final String PERSON_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    private Servers servers;

    /** Both servers, closed by JUnit with the root context, at the end of the run. */
    private record Servers(LocalPlatform platform, TargetSite target) implements AutoCloseable {
        static Servers start() {
            try {
                LocalPlatform platform = LocalPlatform.start(LocalOptions.inMemoryOnFreePort(), ENVIRONMENT);
                try {
                    return new Servers(platform, TargetSite.start());
                } catch (IOException | RuntimeException e) {
                    platform.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try (platform; target) {
                // both closed, target first
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        servers = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Servers.class, key -> Servers.start(), Servers.class);
    }

    /** Tern's public base URL as the browser uses it: {@code http://tern.example}. */
    public URI base() {
        return URI.create("http://" + TERN_HOST);
    }

    /** A page of Tern, e.g. {@code url("/")}. */
    public String url(String path) {
        return base().resolve(path).toString();
    }

    /** The landing page links are made to: {@code http://landing.example/spring-sale}. */
    public String landingPage() {
        return "http://" + TARGET_HOST + TargetSite.LANDING_PATH;
    }

    /** A page telling by its title whether scripts ran. */
    public String scriptProbe() {
        return "http://" + TARGET_HOST + TargetSite.SCRIPT_PROBE_PATH;
    }

    /** Host names to the servers behind them, for {@link ChromiumExtension#mappingHosts}. */
    public Map<String, URI> hosts() {
        return Map.of(TERN_HOST, servers().platform().baseUri(), TARGET_HOST, servers().target().address());
    }

    /**
     * Creates a link through the REST API, for tests whose subject is another page.
     *
     * @param json the request body, e.g. {@code {"url":"...","code":"launch"}}
     */
    public void createLink(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(servers().platform().baseUri().resolve("/api/v1/links"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + servers().platform().adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating " + json + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Follows a short link outside the browser, as a person arriving from {@code referer} in
     * {@code country} would (the redirect only; the landing page is not fetched).
     */
    public void visit(String code, String referer, String country) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(servers().platform().baseUri().resolve("/" + code))
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", PERSON_USER_AGENT)
                .header("Referer", referer)
                .header(COUNTRY_HEADER, country)
                .build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("visiting /" + code + " answered " + response.statusCode());
        }
    }

    /** Waits until every click served so far is counted, as the click aggregator would in AWS. */
    public void flushClicks() throws InterruptedException {
        if (!servers().platform().flushClicks(Duration.ofSeconds(30))) {
            throw new IllegalStateException("clicks were not counted within 30 s");
        }
    }

    private Servers servers() {
        if (servers == null) {
            throw new IllegalStateException("LocalTernExtension has not started: register it with @RegisterExtension on a static field");
        }
        return servers;
    }
}
