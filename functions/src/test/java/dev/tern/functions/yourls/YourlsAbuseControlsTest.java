package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.Stores;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.yourls.RankingLinkStore;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.AbuseControls;
import dev.tern.functions.ApiSettings;
import dev.tern.functions.Wiring;
import dev.tern.testkit.InMemoryApiKeyStore;
import dev.tern.testkit.InMemoryBlockedHostStore;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import dev.tern.testkit.InMemoryRateLimiter;
import dev.tern.testkit.InMemoryYourlsSiteStore;
import dev.tern.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code shorturl}'s rate limits (per user, per hashed address) and the blocklist, in YOURLS's shapes. */
class YourlsAbuseControlsTest {
    private static final Map<String, String> ENV = Map.of("TERN_PUBLIC_BASE_URL", "https://sho.rt");
    private static final String COOKIE_KEY = "a-cookie-key-of-the-site";

    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryClickCounterStore clicks = new InMemoryClickCounterStore();
    private final InMemoryYourlsSiteStore sites = new InMemoryYourlsSiteStore();
    private final InMemoryRateLimiter buckets = new InMemoryRateLimiter();
    private final java.util.List<String> bucketKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final dev.tern.core.ratelimit.RateLimiter limiter = (key, limit, now) -> {
        bucketKeys.add(key);
        return buckets.tryAcquire(key, limit, now);
    };
    private final InMemoryBlockedHostStore blocked = new InMemoryBlockedHostStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    private YourlsApiHandler handler(boolean privateApi) {
        sites.save(new YourlsSite(Map.of("alice", "secret"), COOKIE_KEY, false, 36, false, Set.of(), privateApi));
        Stores stores = new Stores(new RankingLinkStore(links, clicks), new InMemoryIdempotencyStore(), clicks);
        Map<String, String> env = new HashMap<>(ENV);
        env.put("TERN_API_BURST", "2");
        env.put("TERN_API_REQUESTS_PER_MINUTE", "1");
        AbuseControls abuse = AbuseControls.none().withBlocklist(blocked, Optional.empty())
                .withAnonymousCreates(new RateLimit(2, 1, Duration.ofHours(1)), Optional.of(new byte[32]));
        return new YourlsApiHandler(new Wiring(TernSettings.fromEnv(env), ApiSettings.fromEnv(env), stores, new InMemoryApiKeyStore(),
                limiter, sites, click -> { }, clock, abuse));
    }

    private static APIGatewayV2HTTPResponse shorten(YourlsApiHandler handler, String url, String sourceIp, String extra) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/yourls-api.php");
        event.setRawQueryString("action=shorturl&format=json&url=" + url + extra);
        event.setHeaders(Map.of("host", "sho.rt"));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath("/yourls-api.php");
        http.setSourceIp(sourceIp);
        context.setHttp(http);
        context.setRequestId("req-1");
        event.setRequestContext(context);
        return handler.handleRequest(event, null);
    }

    @Test
    void anonymousShorturl_isLimitedPerAddress_with429FloodAndRetryAfter() {
        YourlsApiHandler handler = handler(false);

        assertThat(shorten(handler, "https://example.com/1", "203.0.113.5", "").getStatusCode()).isEqualTo(200);
        assertThat(shorten(handler, "https://example.com/2", "203.0.113.5", "").getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse third = shorten(handler, "https://example.com/3", "203.0.113.5", "");
        APIGatewayV2HTTPResponse otherAddress = shorten(handler, "https://example.com/4", "203.0.113.6", "");

        assertThat(third.getStatusCode()).isEqualTo(429);
        assertThat(third.getBody()).contains("\"code\":\"error:flood\"").contains("\"status\":\"fail\"");
        assertThat(third.getHeaders()).containsKey("retry-after");
        assertThat(otherAddress.getStatusCode()).isEqualTo(200);
        assertThat(bucketKeys).isNotEmpty().noneMatch(key -> key.contains("203.0.113"))
                .allMatch(key -> key.startsWith(dev.tern.functions.CreateLimits.ANONYMOUS_PREFIX));
    }

    @Test
    void authenticatedShorturl_isLimitedPerUser() {
        YourlsApiHandler handler = handler(true);
        String token = "&signature=" + YourlsAuthenticator.signatureToken(COOKIE_KEY, "alice");

        assertThat(shorten(handler, "https://example.com/1", "203.0.113.5", token).getStatusCode()).isEqualTo(200);
        assertThat(shorten(handler, "https://example.com/2", "203.0.113.7", token).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse third = shorten(handler, "https://example.com/3", "203.0.113.8", token);

        assertThat(third.getStatusCode()).isEqualTo(429);
        assertThat(third.getBody()).contains("error:flood");
    }

    @Test
    void aBlockedHost_isRefused_inYourlsShape() {
        YourlsApiHandler handler = handler(false);
        blocked.add("evil.example");

        APIGatewayV2HTTPResponse response = shorten(handler, "https://login.evil.example/", "203.0.113.9", "");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"code\":\"error:blocked-url\"").contains("\"status\":\"fail\"");
        assertThat(links.size()).isZero();
    }

}
