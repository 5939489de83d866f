package dev.tern.local;

import com.sun.net.httpserver.HttpServer;
import dev.tern.core.click.BatchingClickChannel;
import dev.tern.core.click.ClickAggregator;
import dev.tern.core.settings.Setting;
import dev.tern.core.settings.TernSettings;
import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import dev.tern.functions.AbuseControls;
import dev.tern.functions.ApiSettings;
import dev.tern.functions.LinksApiHandler;
import dev.tern.functions.Wiring;
import dev.tern.functions.yourls.YourlsApiHandler;
import dev.tern.local.status.LocalStatusPage;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.web.SiteHandler;
import dev.tern.web.WebSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole platform in one process: DynamoDB Local, the tables, the in-process click channel and
 * the real Lambda handlers (REST API, and the site: pages and redirects) behind an HTTP server on
 * 127.0.0.1, and, when asked, the status page at {@code /status/} (see {@link LocalStatusPage}).
 * Started by {@link TernLocalCommand} and by end-to-end tests.
 */
public final class LocalPlatform implements AutoCloseable {
    private final EmbeddedDynamoDb dynamoDb;
    private final DynamoDbStores stores;
    private final BatchingClickChannel clicks;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final TernSettings settings;
    private final LocalAdminKey adminKey;
    private final Optional<LocalStatus> status;
    private boolean closed;

    /** The status page and the DynamoDB clients it alone uses. */
    private record LocalStatus(LocalStatusPage page, DynamoDbClient platformClient, DynamoDbClient statusClient) {
        void close() {
            page.close();
            platformClient.close();
            statusClient.close();
        }
    }

    private LocalPlatform(EmbeddedDynamoDb dynamoDb, DynamoDbStores stores, BatchingClickChannel clicks,
            HttpServer server, ExecutorService executor, URI baseUri, TernSettings settings, LocalAdminKey adminKey,
            Optional<LocalStatus> status) {
        this.dynamoDb = dynamoDb;
        this.stores = stores;
        this.clicks = clicks;
        this.server = server;
        this.executor = executor;
        this.baseUri = baseUri;
        this.settings = settings;
        this.adminKey = adminKey;
        this.status = status;
    }

    /**
     * Starts everything; on failure, stops what had started and rethrows.
     *
     * @param env the environment (Tern's settings); {@code TERN_PUBLIC_BASE_URL} defaults to the local address
     * @throws IOException if the port cannot be bound
     */
    public static LocalPlatform start(LocalOptions options, Map<String, String> env) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 512);
        EmbeddedDynamoDb dynamoDb = null;
        DynamoDbStores stores = null;
        BatchingClickChannel clicks = null;
        LocalStatus status = null;
        try {
            int port = server.getAddress().getPort();
            Map<String, String> effective = new HashMap<>(env);
            String configuredBase = effective.get(Setting.PUBLIC_BASE_URL.variable());
            if (configuredBase == null || configuredBase.isBlank()) {
                effective.put(Setting.PUBLIC_BASE_URL.variable(), "http://127.0.0.1:" + port);
            }
            String configuredSecret = effective.get(Setting.SECRET.variable());
            if (configuredSecret == null || configuredSecret.isBlank()) {
                effective.put(Setting.SECRET.variable(), LocalSecret.loadOrCreate(options.dataDir()));
            }
            String configuredKey = effective.get(Setting.BOOTSTRAP_ADMIN_KEY.variable());
            LocalAdminKey adminKey = configuredKey == null || configuredKey.isBlank()
                    ? LocalAdminKey.loadOrCreate(options.dataDir())
                    : new LocalAdminKey(configuredKey.strip(), false, Optional.empty());
            effective.put(Setting.BOOTSTRAP_ADMIN_KEY.variable(), adminKey.value());
            WebSettings web = WebSettings.fromEnv(effective);
            ApiSettings api = ApiSettings.fromEnv(effective);
            TernSettings settings = TernSettings.fromEnv(effective);
            dynamoDb = options.dataDir().isPresent()
                    ? EmbeddedDynamoDb.startPersistent(options.dataDir().get())
                    : EmbeddedDynamoDb.startInMemory();
            stores = DynamoDbStores.open(StoreSettings.forEndpoint(dynamoDb.endpoint(), TableNames.fromEnv(effective)),
                    settings.region(), options.interceptors());
            stores.createTablesIfMissing();
            clicks = BatchingClickChannel.withDefaults(new ClickAggregator(stores.stores().clicks()));
            Wiring wiring = new Wiring(settings, api, stores.stores(), stores.apiKeys(), stores.rateLimiter(),
                    stores.yourlsSite(), clicks, Clock.systemUTC(),
                    AbuseControls.fromEnv(effective, stores.blockedHosts(), stores.abuseReports()));
            wiring.apiKeys().ensureBootstrapKey(adminKey.value());
            LocalRouter router = new LocalRouter(new LinksApiHandler(wiring), new YourlsApiHandler(wiring),
                    new SiteHandler(wiring, web, stores.rateLimiter()));
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.createContext("/", router::handle);
            URI baseUri = URI.create("http://127.0.0.1:" + port);
            if (options.status().enabled()) {
                StoreSettings storeSettings = StoreSettings.forEndpoint(dynamoDb.endpoint(), TableNames.fromEnv(effective));
                DynamoDbClient platformClient = DynamoDbClients.create(storeSettings, options.interceptors());
                DynamoDbClient statusClient = DynamoDbClients.create(storeSettings.withCallTimeout(Duration.ofSeconds(10)), List.of());
                status = new LocalStatus(LocalStatusPage.start(options.status(), baseUri, stores.links(), platformClient, statusClient,
                        storeSettings.tables().health()), platformClient, statusClient);
                server.createContext("/status", status.page().handler(router::handle));
            }
            server.setExecutor(executor);
            server.start();
            if (status != null) {
                status.page().startTimer();
            }
            return new LocalPlatform(dynamoDb, stores, clicks, server, executor, baseUri, settings, adminKey,
                    Optional.ofNullable(status));
        } catch (RuntimeException e) {
            server.stop(0);
            if (status != null) {
                status.close();
            }
            closeQuietly(clicks);
            closeQuietly(stores);
            closeQuietly(dynamoDb);
            throw e;
        }
    }

    /** Where the platform listens, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The public base URL short links are built on. */
    public URI publicBaseUrl() {
        return settings.publicBaseUrl();
    }

    /**
     * The admin API key ({@code TERN_BOOTSTRAP_ADMIN_KEY}, else the one kept in the data dir's
     * {@code admin-key} file, else a fresh one for an in-memory run).
     */
    public String adminKey() {
        return adminKey.value();
    }

    /** Whether {@link #adminKey()} was made by this start (the banner then shows it, this once). */
    public boolean adminKeyCreated() {
        return adminKey.created();
    }

    /** The file {@link #adminKey()} is kept in, if any. */
    public Optional<Path> adminKeyFile() {
        return adminKey.file();
    }

    /** The status page, when {@link LocalOptions#status()} enabled it. */
    public Optional<LocalStatusPage> statusPage() {
        return status.map(LocalStatus::page);
    }

    /** DynamoDB Local's endpoint. */
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** Waits until every click served so far is counted. */
    public boolean flushClicks(Duration timeout) throws InterruptedException {
        return clicks.flush(timeout);
    }

    /** Clicks counted so far by the in-process channel. */
    public long clicksApplied() {
        return clicks.applied();
    }

    /** Stops serving (finishing requests in flight), counts the queued clicks, then stops DynamoDB Local. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        status.ifPresent(LocalStatus::close);
        server.stop(1);
        executor.close();
        clicks.close();
        stores.close();
        dynamoDb.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already failing; the original exception is the one to report
        }
    }
}
