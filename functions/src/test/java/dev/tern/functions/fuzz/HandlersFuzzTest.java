package dev.tern.functions.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.core.Stores;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.ApiSettings;
import dev.tern.functions.HttpRequest;
import dev.tern.functions.LinksApiHandler;
import dev.tern.functions.RedirectHandler;
import dev.tern.functions.Wiring;
import dev.tern.functions.yourls.YourlsApiHandler;
import dev.tern.functions.yourls.YourlsAuthenticator;
import dev.tern.testkit.InMemoryApiKeyStore;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import dev.tern.testkit.InMemoryRateLimiter;
import dev.tern.testkit.InMemoryYourlsSiteStore;
import dev.tern.testkit.MutableClock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The Lambda handlers on any API Gateway event (see {@link FuzzedHttpRequest} for the seed format):
 * the event → request translation ({@link HttpRequest}), the REST API's JSON bodies (create, patch,
 * bulk), and the YOURLS API's parameters and actions, over in-memory stores. Whatever arrives, the
 * answer is a response with a 2xx, 3xx or 4xx status, never a 5xx (nothing here can fail but the
 * code itself) and never an exception out of the handler; a redirect's {@code Location} is printable
 * ASCII (no header splitting).
 */
class HandlersFuzzTest {
    static final String ADMIN_KEY = "tern_fuzzadmin001_0123456789abcdefghijABCDEFGHIJ0123456789abc";
    static final String YOURLS_USER = "admin";
    static final String YOURLS_PASSWORD = "fuzz-yourls-password";
    static final String COOKIE_KEY = "fuzz-cookie-key-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, String> SECRETS = Map.of("ADMIN", ADMIN_KEY, "PASSWORD", YOURLS_PASSWORD,
            "SIGNATURE", YourlsAuthenticator.signatureToken(COOKIE_KEY, YOURLS_USER));

    /** One set of handlers for the whole run: a fuzzer calls the target millions of times. */
    private static final Handlers HANDLERS = new Handlers();

    @FuzzTest(maxDuration = "15s")
    void anyEvent(byte[] data) {
        APIGatewayV2HTTPEvent event = FuzzedHttpRequest.event(data, SECRETS);
        HttpRequest request = HttpRequest.of(event, null);
        // API Gateway always sends a path starting with "/"; a hand-built event may not, and is still answered.
        assertThat(request.path()).isNotEmpty();
        assertThat(request.method()).isNotNull();

        String path = request.path();
        APIGatewayV2HTTPResponse response;
        if (path.startsWith("/api/")) {
            response = HANDLERS.api.handleRequest(event, null);
        } else if (path.startsWith("/yourls-api.php")) {
            response = HANDLERS.yourls.handleRequest(event, null);
        } else {
            response = HANDLERS.redirect.handleRequest(event, null);
        }
        assertThat(response).isNotNull();
        assertThat(response.getStatusCode()).as("status for %s", path).isBetween(200, 499);
        Map<String, String> headers = response.getHeaders();
        if (headers != null) {
            headers.forEach((name, value) -> assertThat(value.chars()).as("header %s", name)
                    .allMatch(c -> c >= 0x20 && c < 0x7F));
        }
    }

    private static final class Handlers {
        final RedirectHandler redirect;
        final LinksApiHandler api;
        final YourlsApiHandler yourls;

        Handlers() {
            Map<String, String> env = Map.of(
                    "TERN_PUBLIC_BASE_URL", "http://127.0.0.1:8080",
                    "TERN_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                    "TERN_LINK_CACHE_ENTRIES", "0");
            InMemoryLinkStore links = new InMemoryLinkStore();
            links.insertNew(Link.newActive(new ShortCode("abc"), LongUrl.fromStored("https://example.com/päth?q=1"), "",
                    NOW.minusSeconds(3600), Creator.apiKey("fuzz")));
            InMemoryYourlsSiteStore sites = new InMemoryYourlsSiteStore();
            sites.save(new YourlsSite(Map.of(YOURLS_USER, YOURLS_PASSWORD), COOKIE_KEY, false, 36, false, Set.of("admin"), true));
            Stores stores = new Stores(links, new InMemoryIdempotencyStore(), new InMemoryClickCounterStore());
            Wiring wiring = new Wiring(TernSettings.fromEnv(env), ApiSettings.fromEnv(env), stores, new InMemoryApiKeyStore(),
                    new InMemoryRateLimiter(), sites, click -> { }, new MutableClock(NOW));
            redirect = new RedirectHandler(wiring);
            api = new LinksApiHandler(wiring);
            yourls = new YourlsApiHandler(wiring);
        }
    }
}
