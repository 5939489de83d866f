package dev.tern.functions;

import dev.tern.testkit.MutableClock;
import dev.tern.core.Stores;
import dev.tern.core.apikey.ApiKeyService;
import dev.tern.core.apikey.Scope;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickSink;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.testkit.InMemoryApiKeyStore;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import dev.tern.testkit.InMemoryRateLimiter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Wiring} over in-memory stores with a fixed clock, recording clicks and log lines. */
final class TestWiring {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123Z");
    static final String BASE = "http://127.0.0.1:8080";

    final InMemoryLinkStore links = new InMemoryLinkStore();
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final InMemoryClickCounterStore clickCounters = new InMemoryClickCounterStore();
    final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore();
    final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
    final dev.tern.testkit.InMemoryYourlsSiteStore yourlsSites = new dev.tern.testkit.InMemoryYourlsSiteStore();
    final dev.tern.testkit.InMemoryBlockedHostStore blockedHosts = new dev.tern.testkit.InMemoryBlockedHostStore();
    final dev.tern.testkit.InMemoryAbuseReportStore abuseReports = new dev.tern.testkit.InMemoryAbuseReportStore();
    final MutableClock clock = new MutableClock(NOW);
    final List<Click> clicks = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final TernSettings settings;
    final ApiSettings apiSettings;
    private final Stores stores;
    private ClickSink sink = clicks::add;

    private TestWiring(Map<String, String> env, Stores stores) {
        Map<String, String> all = new HashMap<>();
        all.put("TERN_PUBLIC_BASE_URL", BASE);
        // Tests change stores behind the wiring's back; the link cache has tests of its own (TERN_LINK_CACHE_ENTRIES).
        all.put("TERN_LINK_CACHE_ENTRIES", "0");
        all.put("TERN_BOOTSTRAP_ADMIN_KEY", TestKeys.ADMIN);
        all.putAll(env);
        this.settings = TernSettings.fromEnv(all);
        this.apiSettings = ApiSettings.fromEnv(all);
        this.stores = stores == null ? new Stores(links, idempotency, clickCounters) : stores;
    }

    static TestWiring create() {
        return new TestWiring(Map.of(), null);
    }

    static TestWiring withEnv(Map<String, String> env) {
        return new TestWiring(env, null);
    }

    /** Over other stores (fault-injecting wrappers, for instance). */
    static TestWiring withStores(Stores stores) {
        return new TestWiring(Map.of(), stores);
    }

    TestWiring clickSink(ClickSink replacement) {
        sink = replacement;
        return this;
    }

    Wiring wiring() {
        return new Wiring(settings, apiSettings, stores, apiKeys, rateLimiter, yourlsSites, sink, clock, logLines::add, () -> { },
                AbuseControls.none().withBlocklist(blockedHosts, Optional.empty()).withReports(abuseReports));
    }

    /** Issues a key with {@code scopes} straight into the key store and returns its value. */
    String issueKey(Scope... scopes) {
        return new ApiKeyService(apiKeys, clock).issue("test", Set.of(scopes), Optional.empty(), TestKeys.ADMIN_ID)
                .value().value();
    }

    RedirectHandler redirect() {
        return new RedirectHandler(wiring());
    }

    LinksApiHandler api() {
        return new LinksApiHandler(wiring());
    }

    /** Stores an active link created a day ago. */
    Link save(String code, String url) {
        return save(Link.newActive(new ShortCode(code), LongUrl.fromStored(url), "", NOW.minusSeconds(86_400),
                Creator.apiKey("test")));
    }

    Link save(String code, String url, RedirectPolicy policy) {
        return save(Link.newActive(new ShortCode(code), LongUrl.fromStored(url), "", NOW.minusSeconds(86_400),
                Creator.apiKey("test")).withRedirectPolicy(policy));
    }

    Link save(String code, String url, LinkStatus status) {
        return save(Link.newActive(new ShortCode(code), LongUrl.fromStored(url), "", NOW.minusSeconds(86_400),
                Creator.apiKey("test")).withStatus(status));
    }

    Link save(Link link) {
        links.insertNew(link);
        return link;
    }
}
