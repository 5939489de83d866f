package dev.tern.web;

import dev.tern.testkit.MutableClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.Stores;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.core.settings.TernSettings;
import dev.tern.functions.Wiring;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SiteHandler} over in-memory stores, a fixed clock and a test rate limiter; checks every HTML answer with {@link PageRules}. */
final class TestSite {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String BASE = "http://127.0.0.1:8080";
    static final String SECRET = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef-test".getBytes());

    final InMemoryLinkStore links;
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final InMemoryClickCounterStore clickCounters = new InMemoryClickCounterStore();
    final List<Click> clicks = new CopyOnWriteArrayList<>();
    final MutableClock clock = new MutableClock(NOW);
    final TestRateLimiter limiter = new TestRateLimiter();
    final TernSettings settings;
    final WebSettings web;
    final SiteHandler handler;
    final Wiring wiring;
    final dev.tern.testkit.InMemoryBlockedHostStore blockedHosts = new dev.tern.testkit.InMemoryBlockedHostStore();
    final dev.tern.testkit.InMemoryAbuseReportStore abuseReports = new dev.tern.testkit.InMemoryAbuseReportStore();
    private final boolean https;

    private TestSite(Map<String, String> env, LinkStore linkStore, ClickCounterStore clickStore, RateLimiter rateLimiter,
            InMemoryLinkStore memory) {
        this(env, null, linkStore, clickStore, rateLimiter, memory);
    }

    /**
     * @param given     all the stores (DynamoDB Local), or {@code null} for in-memory ones
     * @param linkStore replaces the in-memory link store, or {@code null}
     * @param clickStore replaces the in-memory click counters, or {@code null}
     */
    private TestSite(Map<String, String> env, Stores given, LinkStore linkStore, ClickCounterStore clickStore,
            RateLimiter rateLimiter, InMemoryLinkStore memory) {
        links = memory;
        Map<String, String> all = new HashMap<>();
        all.put("TERN_PUBLIC_BASE_URL", BASE);
        // Tests change stores behind the wiring's back; the link cache has tests of its own (TERN_LINK_CACHE_ENTRIES).
        all.put("TERN_LINK_CACHE_ENTRIES", "0");
        all.put("TERN_SECRET", SECRET);
        all.putAll(env);
        settings = TernSettings.fromEnv(all);
        web = WebSettings.fromEnv(all);
        https = settings.publicBaseUrl().getScheme().equals("https");
        Stores stores = given != null ? given : new Stores(linkStore == null ? links : linkStore, idempotency,
                clickStore == null ? clickCounters : clickStore);
        wiring = new Wiring(settings, dev.tern.functions.ApiSettings.fromEnv(all), stores, new dev.tern.testkit.InMemoryApiKeyStore(),
                new dev.tern.testkit.InMemoryRateLimiter(), new dev.tern.testkit.InMemoryYourlsSiteStore(), clicks::add, clock,
                dev.tern.functions.AbuseControls.none().withBlocklist(blockedHosts, java.util.Optional.empty()).withReports(abuseReports));
        handler = new SiteHandler(wiring, web, rateLimiter == null ? limiter : rateLimiter);
    }

    private TestSite(Map<String, String> env, ClickCounterStore clickStore, RateLimiter rateLimiter) {
        this(env, null, clickStore, rateLimiter, new InMemoryLinkStore());
    }

    /** Over other stores (DynamoDB Local); {@link #links} and {@link #clickCounters} are then unused. */
    static TestSite over(Stores stores) {
        return new TestSite(Map.of(), stores, null, null, null, new InMemoryLinkStore());
    }

    static TestSite create() {
        return new TestSite(Map.of(), null, null);
    }

    static TestSite withEnv(Map<String, String> env) {
        return new TestSite(env, null, null);
    }

    static TestSite withClickStore(ClickCounterStore store) {
        return new TestSite(Map.of(), store, null);
    }

    /** Over another link store (a fault-injecting wrapper of {@link #links}, for instance). */
    static TestSite withLinkStore(java.util.function.Function<InMemoryLinkStore, LinkStore> wrap) {
        InMemoryLinkStore shared = new InMemoryLinkStore();
        return new TestSite(Map.of(), wrap.apply(shared), null, null, shared);
    }

    static TestSite withRateLimiter(RateLimiter rateLimiter) {
        return new TestSite(Map.of(), null, rateLimiter);
    }

    /** Handles one request; an HTML answer must pass {@link PageRules}. */
    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        if (PageRules.isHtml(response)) {
            String proto = event.getHeaders() == null ? null : event.getHeaders().get("x-forwarded-proto");
            PageRules.check(response, https || "https".equals(proto));
        }
        return response;
    }

    APIGatewayV2HTTPResponse send(Requests.Builder request) {
        return send(request.build());
    }

    Browser browser() {
        return new Browser(this);
    }

    /** Stores an active link created a day before {@link #NOW}. */
    Link save(String code, String url) {
        return save(Link.newActive(new ShortCode(code), LongUrl.fromStored(url), "", NOW.minusSeconds(86_400), Creator.apiKey("test")));
    }

    Link save(String code, String url, LinkStatus status) {
        return save(Link.newActive(new ShortCode(code), LongUrl.fromStored(url), "", NOW.minusSeconds(86_400), Creator.apiKey("test"))
                .withStatus(status));
    }

    Link save(Link link) {
        links.insertNew(link);
        return link;
    }

    /** Counts clicks as the aggregator would. */
    void count(String batch, Click... clicksOfOneLink) {
        List<Click> list = new ArrayList<>(List.of(clicksOfOneLink));
        clickCounters.add(batch, ClickTally.of(list.get(0).code(), list));
    }
}
