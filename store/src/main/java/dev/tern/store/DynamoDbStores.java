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
import java.util.Optional;
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
    /** The client of link and idempotency writes: {@link #client}, or one for the home region (MREC). */
    private final DynamoDbClient writeClient;
    private final TableNames writeTables;
    private final DynamoDbIdempotencyStore idempotency;
    private final DynamoDbClickCounterStore clicks;
    private final DynamoDbRateLimiter rateLimiter;
    private final DynamoDbApiKeyStore apiKeys;
    private final DynamoDbYourlsSiteStore yourlsSite;
    private final DynamoDbLinkStore links;
    private final Stores stores;
    private final DynamoDbBlockedHostStore blockedHosts;
    private final DynamoDbAbuseReportStore abuseReports;

    private DynamoDbStores(DynamoDbClient client, TableNames tables, DynamoDbClient writeClient, TableNames writeTables,
            String clickRegion) {
        this.client = client;
        this.tables = tables;
        this.writeClient = writeClient;
        this.writeTables = writeTables;
        this.clicks = new DynamoDbClickCounterStore(client, tables.clicks(), clickRegion);
        this.links = new DynamoDbLinkStore(client, tables.links(), writeClient, writeTables.links());
        // Claims and their reads decide who created a link first: they go where the link writes go.
        this.idempotency = new DynamoDbIdempotencyStore(writeClient, writeTables.idempotency());
        // Every creation and deletion keeps the click ranking (YOURLS stats) in step.
        this.stores = new Stores(new RankingLinkStore(links, clicks), idempotency, clicks);
        this.yourlsSite = new DynamoDbYourlsSiteStore(client, tables.yourls());
        this.rateLimiter = new DynamoDbRateLimiter(client, tables.rateLimits());
        this.apiKeys = new DynamoDbApiKeyStore(client, tables.apiKeys());
        // An item of the links table: written where link writes go, so one list holds everywhere.
        this.blockedHosts = new DynamoDbBlockedHostStore(writeClient, writeTables.links());
        this.abuseReports = new DynamoDbAbuseReportStore(client, tables.clicks());
    }

    /** The administrator's blocklist (one item of the links table). */
    public DynamoDbBlockedHostStore blockedHosts() {
        return blockedHosts;
    }

    /** Visitors' abuse reports (items of the clicks table). */
    public DynamoDbAbuseReportStore abuseReports() {
        return abuseReports;
    }

    /**
     * Opens the stores (building the client; no network call is made yet).
     *
     * @param clickRegion the name clicks are counted under here (see {@link DynamoDbClickCounterStore})
     */
    public static DynamoDbStores open(StoreSettings settings, String clickRegion) {
        return open(settings, clickRegion, List.of());
    }

    /**
     * As {@link #open(StoreSettings, String)}, with extra SDK interceptors (tests inject faults with them).
     * When {@link StoreSettings#linkWrites()} names another region, a second client for that region
     * takes the link and idempotency writes.
     */
    public static DynamoDbStores open(StoreSettings settings, String clickRegion, List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(settings, "settings");
        return open(settings, settings.linkWrites(), clickRegion, interceptors);
    }

    /**
     * Stores that read with {@code settings} and write links and idempotency records with
     * {@code linkWrites}: its region, endpoint and table names. Tests stand two regions' replicas in
     * with two sets of tables on one DynamoDB Local.
     */
    public static DynamoDbStores open(StoreSettings settings, StoreSettings linkWrites, String clickRegion,
            List<ExecutionInterceptor> interceptors) {
        return open(settings, Optional.of(Objects.requireNonNull(linkWrites, "linkWrites")), clickRegion, interceptors);
    }

    private static DynamoDbStores open(StoreSettings settings, Optional<StoreSettings> linkWrites, String clickRegion,
            List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(clickRegion, "clickRegion");
        DynamoDbClient client = DynamoDbClients.create(settings, interceptors);
        DynamoDbClient writeClient = client;
        try {
            if (linkWrites.isPresent()) {
                writeClient = DynamoDbClients.create(linkWrites.get(), interceptors);
            }
            return new DynamoDbStores(client, settings.tables(), writeClient,
                    linkWrites.map(StoreSettings::tables).orElse(settings.tables()), clickRegion);
        } catch (RuntimeException e) {
            if (writeClient != client) {
                writeClient.close();
            }
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

    /** The idempotency store itself, with the sweep of expired records that MRSC tables need (no TTL there). */
    public DynamoDbIdempotencyStore idempotency() {
        return idempotency;
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
        return new DynamoDbLinkImporter(writeClient, writeTables.links());
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

    /** Closes the clients (and their HTTP connections). */
    @Override
    public void close() {
        if (writeClient != client) {
            writeClient.close();
        }
        client.close();
    }
}
