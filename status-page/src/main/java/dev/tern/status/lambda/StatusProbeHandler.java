package dev.tern.status.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tern.core.status.Region;
import dev.tern.status.incident.CheckpointedEngineStateStore;
import dev.tern.status.incident.StatusPolicy;
import dev.tern.status.probe.CanaryLink;
import dev.tern.status.probe.ProbeRunner;
import dev.tern.status.site.SitePublisher;
import dev.tern.status.site.StatusProbe;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.status.DynamoDbDatabaseProbe;
import dev.tern.store.status.DynamoDbEngineCheckpointStore;
import dev.tern.store.status.DynamoDbOperatorActionStore;
import dev.tern.store.status.DynamoDbProbeResultStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The scheduled status probe (an EventBridge rule, every minute, in every region): one
 * {@link StatusProbe#runOnce() run} from this region against every region, then the regenerated site
 * written to S3. The event itself carries nothing it needs; any input is accepted.
 *
 * <p>Environment: {@code AWS_REGION} (the probing region), {@code TERN_STATUS_ENDPOINTS}
 * ({@code region=https://base-url,...}, every region's regional domain), {@code TERN_STATUS_BUCKET},
 * {@code TERN_HEALTH_TABLE}, {@code TERN_LINKS_TABLE} (the canary link), and optionally
 * {@code TERN_STATUS_URL}, {@code TERN_LINKS_WRITE_REGION}, {@code TERN_DYNAMODB_TIMEOUT_MILLIS}. The
 * health table is global: the database check writes and reads it in every listed region's replica.
 *
 * <p>A failure to save or read the rounds is thrown, so the invocation counts as an error (and the
 * alarm on errors sees it); the published site then stays as the last run left it.
 */
public final class StatusProbeHandler implements RequestHandler<Map<String, Object>, String> {
    /** One check's time limit: the Lambda's timeout must leave room for it (about 10 s per run in all). */
    static final Duration CHECK_TIME_LIMIT = Duration.ofSeconds(5);
    /** How long the database check waits for this region's write to reach the other replicas. */
    static final Duration REPLICATION_LIMIT = Duration.ofSeconds(3);

    private final StatusProbe probe;
    private final Consumer<String> log;

    /** The Lambda entry point: everything from the environment, the site to {@code TERN_STATUS_BUCKET}. */
    public StatusProbeHandler() {
        this(System.getenv(), null, Clock.systemUTC());
    }

    /**
     * Wired from {@code env}, publishing to {@code publisher} (or, when {@code null}, to the S3 bucket
     * the environment names). Tests point {@code TERN_DYNAMODB_ENDPOINT} at DynamoDB Local.
     */
    StatusProbeHandler(Map<String, String> env, SitePublisher publisher, Clock clock) {
        this(wire(env, publisher, clock), new PrintStream(System.out, true, StandardCharsets.UTF_8)::println);
    }

    StatusProbeHandler(StatusProbe probe, Consumer<String> log) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public String handleRequest(Map<String, Object> scheduledEvent, Context context) {
        String report = probe.runOnce().toJson();
        log.accept(report);
        return report;
    }

    private static StatusProbe wire(Map<String, String> env, SitePublisher publisher, Clock clock) {
        StatusProbeSettings settings = StatusProbeSettings.fromEnv(env);
        StoreSettings store = StoreSettings.fromEnv(env);
        String health = store.tables().health();
        DynamoDbStores stores = DynamoDbStores.open(store, settings.self().code());
        DynamoDbClient own = DynamoDbClients.create(store, List.of());
        // The database check reaches every region's replica of the (global) health table.
        Map<Region, DynamoDbClient> replicas = new LinkedHashMap<>();
        replicas.put(settings.self(), own);
        for (Region region : settings.endpoints().keySet()) {
            if (!region.equals(settings.self())) {
                replicas.put(region, DynamoDbClients.create(new StoreSettings(store.tables(), store.endpoint(), region.code(),
                        store.callTimeout()), List.of()));
            }
        }
        ProbeRunner runner = new ProbeRunner(settings.self(), settings.endpoints(), CanaryLink.plan(),
                new DynamoDbDatabaseProbe(settings.self(), replicas, health, REPLICATION_LIMIT, clock), CHECK_TIME_LIMIT, clock);
        SitePublisher target = publisher != null ? publisher
                : new S3SitePublisher(S3Client.builder()
                        .region(software.amazon.awssdk.regions.Region.of(settings.self().code()))
                        // The status bucket lives in the global stack's region, not in every probing region.
                        .crossRegionAccessEnabled(true)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build(), settings.bucket());
        return new StatusProbe(stores.links(), runner, new ArrayList<>(settings.endpoints().keySet()), StatusPolicy.defaults(),
                settings.pageUrl(), new DynamoDbProbeResultStore(own, health), new DynamoDbOperatorActionStore(own, health),
                new CheckpointedEngineStateStore(new DynamoDbEngineCheckpointStore(own, health, settings.self())), target, clock);
    }
}
