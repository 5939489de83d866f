package dev.tern.store;

import dev.tern.core.Stores;
import dev.tern.core.apikey.ApiKeyStore;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.core.yourls.LinkRanking;
import dev.tern.core.yourls.RankingLinkStore;
import dev.tern.core.yourls.YourlsSiteStore;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB-backed {@link Stores} of one container, sharing one client: what a composition root
 * builds once and closes on shutdown.
 *
 * <pre>{@code
 * DynamoDbStores dynamo = DynamoDbStores.open(StoreSettings.fromEnv(env), settings.region());
 * LinkService links = new LinkService(dynamo.stores().links(), ...);
 * }</pre>
 */
public final class DynamoDbStores implements AutoCloseable {
    private final DynamoDbClient client;
    private final TableNames tables;
    private final DynamoDbClickCounterStore clicks;
    private final DynamoDbRateLimiter rateLimiter;
    private final DynamoDbApiKeyStore apiKeys;
    private final DynamoDbYourlsSiteStore yourlsSite;
    private final DynamoDbLinkStore links;
    private final Stores stores;

    private DynamoDbStores(DynamoDbClient client, TableNames tables, String clickRegion) {
        this.client = client;
        this.tables = tables;
        this.clicks = new DynamoDbClickCounterStore(client, tables.clicks(), clickRegion);
        this.links = new DynamoDbLinkStore(client, tables.links());
        // Every creation and deletion keeps the click ranking (YOURLS stats) in step.
        this.stores = new Stores(
                new RankingLinkStore(links, clicks),
                new DynamoDbIdempotencyStore(client, tables.idempotency()),
                clicks);
        this.yourlsSite = new DynamoDbYourlsSiteStore(client, tables.yourls());
        this.rateLimiter = new DynamoDbRateLimiter(client, tables.rateLimits());
        this.apiKeys = new DynamoDbApiKeyStore(client, tables.apiKeys());
    }

    /**
     * Opens the stores (building the client; no network call is made yet).
     *
     * @param clickRegion the name clicks are counted under here (see {@link DynamoDbClickCounterStore})
     */
    public static DynamoDbStores open(StoreSettings settings, String clickRegion) {
        return open(settings, clickRegion, List.of());
    }

    /** As {@link #open(StoreSettings, String)}, with extra SDK interceptors (tests inject faults with them). */
    public static DynamoDbStores open(StoreSettings settings, String clickRegion, List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clickRegion, "clickRegion");
        DynamoDbClient client = DynamoDbClients.create(settings, interceptors);
        try {
            return new DynamoDbStores(client, settings.tables(), clickRegion);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * The links, idempotency and click counter stores. The link store keeps the click ranking in step
     * ({@link RankingLinkStore}); the click counter store is also the {@link LinkRanking}.
     */
    public Stores stores() {
        return stores;
    }

    /** The link store itself, without ranking upkeep: for bulk writers that register links themselves. */
    public DynamoDbLinkStore links() {
        return links;
    }

    /** The click counter store with its read of daily counters, for statistics; also the click ranking. */
    public DynamoDbClickCounterStore clicks() {
        return clicks;
    }

    /**
     * The rate-limit buckets of this region ({@link DynamoDbRateLimiter}); its
     * {@code StoreUnavailableException}s mean 503, as the stores' do.
     */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Bulk, conditional writes of links made elsewhere (the migration): {@link DynamoDbLinkImporter}. */
    public LinkImporter linkImporter() {
        return new DynamoDbLinkImporter(client, tables.links());
    }

    /** The REST API's keys ({@link DynamoDbApiKeyStore}). */
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** The YOURLS-compatible API's site settings and keyword counter ({@link DynamoDbYourlsSiteStore}). */
    public YourlsSiteStore yourlsSite() {
        return yourlsSite;
    }

    /** Creates the tables that do not exist yet ({@link TernTables#createAll}): for {@code local/} and tests. */
    public void createTablesIfMissing() {
        TernTables.createAll(client, tables);
    }

    /** Closes the client (and its HTTP connections). */
    @Override
    public void close() {
        client.close();
    }
}
