package dev.tern.functions;

import dev.tern.core.Stores;
import dev.tern.core.abuse.AbuseReportService;
import dev.tern.core.abuse.HostBlocklist;
import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.ApiKeyService;
import dev.tern.core.apikey.ApiKeyStore;
import dev.tern.core.click.ClickAggregator;
import dev.tern.core.click.ClickSink;
import dev.tern.core.link.CachedLinkStore;
import dev.tern.core.link.LinkService;
import dev.tern.core.link.LinkStore;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.LazySecureRandom;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.yourls.LinkRanking;
import dev.tern.core.yourls.YourlsService;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root of the functions: settings, stores, the click sink and the use cases, built
 * once per container and shared by every handler in it.
 *
 * <p>In Lambda, {@link #fromEnv()} builds it from the environment on first use (during the init
 * phase, so a SnapStart snapshot holds the SDK client but nothing random: the code generator makes
 * its {@code SecureRandom} on the first generated code). Tests and {@code local/} call the public
 * constructor with their own stores and click sink.
 *
 * <p>Expensive things that only some handlers need (the JSON mapper of the REST API and the click
 * aggregator) are built lazily, so the redirect function never loads them.
 */
public final class Wiring implements AutoCloseable {
    private static final Object SHARED_LOCK = new Object();
    private static volatile Wiring shared;

    private final TernSettings settings;
    private final Stores stores;
    private final ClickSink clickSink;
    private final Clock clock;
    private final LinkService links;
    private final ApiKeyService apiKeys;
    private final ApiGuard apiGuard;
    private final BoundaryLog log;
    private final AutoCloseable owned;
    private volatile ApiJson apiJson;
    private volatile ClickAggregator aggregator;
    private final YourlsSiteStore yourlsSites;
    private volatile YourlsService yourls;
    private final HostBlocklist blocklist;
    private final AbuseReportService abuseReports;
    private final CreateLimits createLimits;

    /**
     * Wires the functions over the given stores and click sink, logging to standard output, without
     * API keys: the REST API refuses every request with 401 (for deployables that only redirect or
     * serve the site, and their tests).
     *
     * @param settings  the deployment's settings
     * @param stores    the link, idempotency and click-counter stores
     * @param clickSink where the redirect sends clicks ({@link LogLineClickSink} in AWS, a
     *                  {@code BatchingClickChannel} locally)
     * @param clock     the time source of creates, expiry checks and clicks
     */
    public Wiring(TernSettings settings, Stores stores, ClickSink clickSink, Clock clock) {
        this(settings, new ApiSettings(new RateLimit(1, 1, Duration.ofMinutes(1)), Optional.empty()), stores, NoApiKeys.INSTANCE,
                NoApiKeys.INSTANCE, NoYourlsSite.INSTANCE, clickSink, clock, standardOut(), () -> { });
    }

    /**
     * Wires the functions with the REST API's keys and their rate limiter, logging to standard output.
     *
     * @param api        the REST API's settings (rate limit per key, bootstrap admin key)
     * @param apiKeys    where API keys are kept
     * @param apiLimiter the token buckets of the keys' rate limits
     */
    public Wiring(TernSettings settings, ApiSettings api, Stores stores, ApiKeyStore apiKeys, RateLimiter apiLimiter,
            ClickSink clickSink, Clock clock) {
        this(settings, api, stores, apiKeys, apiLimiter, NoYourlsSite.INSTANCE, clickSink, clock, standardOut(), () -> { });
    }

    /**
     * Wires the functions with the REST API's keys and the YOURLS-compatible API's site (its users and
     * keyword counter); without one ({@link #Wiring(TernSettings, ApiSettings, Stores, ApiKeyStore,
     * RateLimiter, ClickSink, Clock)}) that API knows no user and refuses every call.
     *
     * @param yourlsSites the YOURLS site settings and keyword counter
     */
    public Wiring(TernSettings settings, ApiSettings api, Stores stores, ApiKeyStore apiKeys, RateLimiter apiLimiter,
            YourlsSiteStore yourlsSites, ClickSink clickSink, Clock clock) {
        this(settings, api, stores, apiKeys, apiLimiter, yourlsSites, clickSink, clock, standardOut(), () -> { });
    }

    Wiring(TernSettings settings, ApiSettings api, Stores stores, ApiKeyStore apiKeyStore, RateLimiter apiLimiter,
            ClickSink clickSink, Clock clock, Consumer<String> logLines, AutoCloseable owned) {
        this(settings, api, stores, apiKeyStore, apiLimiter, NoYourlsSite.INSTANCE, clickSink, clock, logLines, owned);
    }

    Wiring(TernSettings settings, ApiSettings api, Stores stores, ApiKeyStore apiKeyStore, RateLimiter apiLimiter,
            YourlsSiteStore yourlsSites, ClickSink clickSink, Clock clock, Consumer<String> logLines, AutoCloseable owned) {
        this(settings, api, stores, apiKeyStore, apiLimiter, yourlsSites, clickSink, clock, logLines, owned, AbuseControls.none());
    }

    /**
     * Wires the functions with the REST API's keys, the YOURLS site and the abuse controls (blocklist,
     * abuse reports, the anonymous creation limit), logging to standard output: what {@code local/} and
     * the tests of those controls use.
     */
    public Wiring(TernSettings settings, ApiSettings api, Stores stores, ApiKeyStore apiKeys, RateLimiter apiLimiter,
            YourlsSiteStore yourlsSites, ClickSink clickSink, Clock clock, AbuseControls abuse) {
        this(settings, api, stores, apiKeys, apiLimiter, yourlsSites, clickSink, clock, standardOut(), () -> { }, abuse);
    }

    Wiring(TernSettings settings, ApiSettings api, Stores stores, ApiKeyStore apiKeyStore, RateLimiter apiLimiter,
            YourlsSiteStore yourlsSites, ClickSink clickSink, Clock clock, Consumer<String> logLines, AutoCloseable owned,
            AbuseControls abuse) {
        this.yourlsSites = Objects.requireNonNull(yourlsSites, "yourlsSites");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clickSink = Objects.requireNonNull(clickSink, "clickSink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = new BoundaryLog(logLines);
        this.owned = Objects.requireNonNull(owned, "owned");
        this.blocklist = new HostBlocklist(abuse.blocklistFile(), abuse.blockedHosts(), clock, HostBlocklist.DEFAULT_TABLE_LIFETIME,
                HostBlocklist.DEFAULT_FILE_CHECK, failure -> log.warn("blocklist", null, null,
                        "the blocklist table could not be read; the last copy stays in force: " + failure.getMessage()));
        this.links = new LinkService(cached(stores.links(), settings), stores.idempotency(), stores.clicks(), settings.newCodeGenerator(),
                settings.codePolicy(), settings.urlPolicy(), clock, settings.restoreWindow(), blocklist);
        this.abuseReports = new AbuseReportService(abuse.reports(), stores.links(), clock);
        this.createLimits = new CreateLimits(apiLimiter instanceof NoApiKeys ? Optional.empty() : Optional.of(apiLimiter),
                api.perKey(), abuse.anonymousCreates(), abuse.addressKey(), clock);
        this.apiKeys = new ApiKeyService(apiKeyStore, clock);
        this.apiGuard = new ApiGuard(apiKeys, apiLimiter, api, clock);
    }

    /** The link store behind the redirect path, with the container's link cache in front when the settings ask for one. */
    private static LinkStore cached(LinkStore links, TernSettings settings) {
        TernSettings.LinkCache cache = settings.linkCache();
        return cache.enabled()
                ? new CachedLinkStore(links, cache.entries(), cache.maxLifetime(), settings.redirectPolicy().cacheFor())
                : links;
    }

    /**
     * The container's wiring, built from {@link System#getenv()} on the first call and shared by every
     * handler instance after it.
     *
     * @throws dev.tern.core.settings.SettingsException naming the variable when a setting is unusable
     */
    public static Wiring fromEnv() {
        Wiring current = shared;
        if (current == null) {
            synchronized (SHARED_LOCK) {
                current = shared;
                if (current == null) {
                    current = fromEnv(System.getenv());
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * A new wiring from {@code env}: DynamoDB stores (the endpoint and table names from the same
     * variables) and clicks written as log lines to standard output. {@link #close()} closes the
     * DynamoDB client it opened.
     */
    public static Wiring fromEnv(Map<String, String> env) {
        TernSettings settings = TernSettings.fromEnv(env);
        DynamoDbStores dynamoDb = DynamoDbStores.open(StoreSettings.fromEnv(env), settings.region());
        ApiSettings api;
        try {
            api = ApiSettings.fromEnv(env);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        PrintStream out = System.out;
        AbuseControls abuse;
        try {
            abuse = AbuseControls.fromEnv(env, dynamoDb.blockedHosts(), dynamoDb.abuseReports());
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        return new Wiring(settings, api, dynamoDb.stores(), dynamoDb.apiKeys(), dynamoDb.rateLimiter(), dynamoDb.yourlsSite(),
                new LogLineClickSink(out::println), Clock.systemUTC(), out::println, dynamoDb, abuse);
    }

    public TernSettings settings() {
        return settings;
    }

    public Stores stores() {
        return stores;
    }

    public ClickSink clickSink() {
        return clickSink;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The DynamoDB rate limiter sharing this wiring's client, when it was built by {@link #fromEnv()}
     * or {@link #fromEnv(Map)}; empty for a wiring over stores handed in ({@code local/} and tests pass
     * their limiter themselves).
     */
    public Optional<RateLimiter> dynamoDbRateLimiter() {
        return owned instanceof DynamoDbStores dynamoDb ? Optional.of(dynamoDb.rateLimiter()) : Optional.empty();
    }

    /** The link use cases. */
    public LinkService links() {
        return links;
    }

    /** Counts click batches into the click-counter store (built on first use). */
    public ClickAggregator clickAggregator() {
        ClickAggregator current = aggregator;
        if (current == null) {
            synchronized (this) {
                current = aggregator;
                if (current == null) {
                    current = new ClickAggregator(stores.clicks());
                    aggregator = current;
                }
            }
        }
        return current;
    }

    /** The YOURLS-compatible API's settings and keyword counter (set by the migration or the admin API). */
    public YourlsSiteStore yourlsSites() {
        return yourlsSites;
    }

    /**
     * The YOURLS-compatible API's use cases (built on first use). Needs a click counter store that
     * keeps the click ranking ({@link LinkRanking}), as the DynamoDB and in-memory ones do.
     */
    public YourlsService yourls() {
        YourlsService current = yourls;
        if (current == null) {
            synchronized (this) {
                current = yourls;
                if (current == null) {
                    if (!(stores.clicks() instanceof LinkRanking ranking)) {
                        throw new IllegalStateException("the click counter store " + stores.clicks().getClass().getSimpleName()
                                + " keeps no click ranking, which the YOURLS API needs");
                    }
                    // Drawn from only for stats filter=rand; created on first use, never in a SnapStart snapshot.
                    LazySecureRandom random = new LazySecureRandom();
                    current = new YourlsService(stores.links(), stores.clicks(), ranking, yourlsSites, settings.codePolicy(),
                            settings.urlPolicy(), settings.publicBaseUrl().toString(), clock, () -> random.get().nextLong(), blocklist);
                    yourls = current;
                }
            }
        }
        return current;
    }

    /** The blocklist (file and table), checked by every create path and again by the redirect; managed by the admin API. */
    public HostBlocklist blocklist() {
        return blocklist;
    }

    /** Reporting abuse (the preview page's form) and listing the reports (the admin API). */
    public AbuseReportService abuseReports() {
        return abuseReports;
    }

    /** The per-user and per-address limits of creation outside the REST API (YOURLS API). */
    public CreateLimits createLimits() {
        return createLimits;
    }

    /** The API key use cases. */
    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    ApiGuard apiGuard() {
        return apiGuard;
    }

    /** Where handlers (the web's {@code SiteHandler} too) log failures, one JSON line each. */
    public BoundaryLog log() {
        return log;
    }

    /** The JSON mapper of the REST API and the click aggregator (built on first use; never by the redirect). */
    ApiJson apiJson() {
        ApiJson current = apiJson;
        if (current == null) {
            synchronized (this) {
                current = apiJson;
                if (current == null) {
                    current = new ApiJson();
                    apiJson = current;
                }
            }
        }
        return current;
    }

    /** Closes what this wiring opened itself (the DynamoDB client of {@link #fromEnv(Map)}); nothing otherwise. */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("closing the stores failed", e);
        }
    }

    /** The key store and limiter of a wiring without API keys: nothing is found, so nothing is limited. */
    private enum NoApiKeys implements ApiKeyStore, RateLimiter {
        INSTANCE;

        @Override
        public boolean insertIfAbsent(ApiKey key) {
            throw new UnsupportedOperationException("this wiring has no API key store");
        }

        @Override
        public Optional<ApiKey> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<ApiKey> list() {
            return List.of();
        }

        @Override
        public Optional<ApiKey> revoke(String id, Instant at) {
            return Optional.empty();
        }

        @Override
        public RateDecision tryAcquire(String key, RateLimit limit, Instant now) {
            throw new UnsupportedOperationException("this wiring has no API rate limiter");
        }
    }

    /** The YOURLS site of a wiring without one: the defaults (no user, so every private call is refused), no counter. */
    private enum NoYourlsSite implements YourlsSiteStore {
        INSTANCE;

        @Override
        public YourlsSite load() {
            return YourlsSite.defaults();
        }

        @Override
        public void save(YourlsSite site) {
            throw new UnsupportedOperationException("this wiring has no YOURLS site store");
        }

        @Override
        public long claimNextId() {
            throw new StoreUnavailableException("this deployment keeps no YOURLS keyword counter", Duration.ofSeconds(60), null);
        }

        @Override
        public void raiseNextIdTo(long nextId) {
            throw new UnsupportedOperationException("this wiring has no YOURLS site store");
        }
    }

    private static Consumer<String> standardOut() {
        PrintStream out = System.out;
        return out::println;
    }
}
