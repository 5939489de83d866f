package dev.tern.store.status;

import static dev.tern.store.status.HealthTable.n;
import static dev.tern.store.status.HealthTable.s;

import dev.tern.core.status.DatabaseProbe;
import dev.tern.core.status.Measurement;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.Region;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@link DatabaseProbe} on DynamoDB: in the target region's replica of the health table, a
 * conditional {@code PutItem} of this prober's canary item, then a consistent {@code GetItem} of it
 * that must return what was written; the latency is both together. Each probing region has its own
 * canary item per target, so probes from several regions can agree on a region's database (quorum).
 *
 * <pre>
 * pk S = "canary" | sk S = target + "#from#" + probing region | nonce S | writtenAt N (epoch ms) | expiresAt N (+1 day)
 * </pre>
 *
 * When the target is this region, the probe also waits (at most {@code replicationLimit}) until the
 * write it just made is readable in every other region it has a client for, and reports each
 * region's replication lag in the detail ({@code "replicated to us-east-1 in 840 ms"}); a replica that
 * has not caught up by then is named too, without failing this region's database.
 *
 * <p>Never throws: an unreachable or failing database is a {@link Outcome#FAIL} (or
 * {@link Outcome#TIMEOUT}) with a reason.
 */
public final class DynamoDbDatabaseProbe implements DatabaseProbe {
    static final String PARTITION = "canary";
    private static final Duration CANARY_LIFETIME = Duration.ofDays(1);

    private final Region self;
    private final Map<Region, DynamoDbClient> replicas;
    private final String tableName;
    private final Duration replicationLimit;
    private final Clock clock;

    /**
     * @param self the region this probe runs in
     * @param replicas a client per region whose replica of the health table can be checked (at least
     *     {@code self}); a region without one is reported as failing with "no client"
     * @param tableName the health table's name (the same in every region: a global table)
     * @param replicationLimit how long to wait for this region's write to reach the other replicas
     * @param clock gives the canary's written time and expiry
     */
    public DynamoDbDatabaseProbe(Region self, Map<Region, DynamoDbClient> replicas, String tableName, Duration replicationLimit,
            Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.replicas = new TreeMap<>(replicas);
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.replicationLimit = Objects.requireNonNull(replicationLimit, "replicationLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!this.replicas.containsKey(self)) {
            throw new IllegalArgumentException("The database probe needs a client for its own region " + self);
        }
    }

    @Override
    public Measurement check(Region target) {
        DynamoDbClient client = replicas.get(target);
        if (client == null) {
            return Measurement.fail(0, "no DynamoDB client for " + target);
        }
        Map<String, AttributeValue> key = Map.of(HealthTable.PK, s(PARTITION), HealthTable.SK, s(target.code() + "#from#" + self.code()));
        String nonce = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            write(client, key, nonce);
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key).consistentRead(true)).item();
            long millis = elapsedMillis(start);
            if (item == null || !item.containsKey("nonce") || !nonce.equals(item.get("nonce").s())) {
                return Measurement.fail(millis, "the canary item read back is not the one just written");
            }
            String lag = target.equals(self) ? replicationLag(key, nonce) : "";
            return new Measurement(Outcome.PASS, millis, lag);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            return new Measurement(Outcome.TIMEOUT, elapsedMillis(start), "DynamoDB did not answer in time");
        } catch (SdkException e) {
            return Measurement.fail(elapsedMillis(start), "DynamoDB: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            return Measurement.fail(elapsedMillis(start), e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    /** A conditional write: it only replaces an older canary, as a link's create only replaces nothing. */
    private void write(DynamoDbClient client, Map<String, AttributeValue> key, String nonce) {
        long now = clock.millis();
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("nonce", s(nonce));
        item.put("writtenAt", n(now));
        item.put(HealthTable.EXPIRES_AT, n(clock.instant().plus(CANARY_LIFETIME).getEpochSecond()));
        try {
            client.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #at <= :now")
                    .expressionAttributeNames(Map.of("#pk", HealthTable.PK, "#at", "writtenAt"))
                    .expressionAttributeValues(Map.of(":now", n(now))));
        } catch (ConditionalCheckFailedException e) {
            // A newer canary is there (a clock behind another prober's): the database answered, which is what counts.
            client.putItem(r -> r.tableName(tableName).item(item));
        }
    }

    /** How long until each other replica returns the write just made: "replicated to a in 120 ms, b in 340 ms". */
    private String replicationLag(Map<String, AttributeValue> key, String nonce) {
        long start = System.nanoTime();
        Map<Region, Long> seen = new TreeMap<>();
        List<Region> others = new ArrayList<>(replicas.keySet());
        others.remove(self);
        if (others.isEmpty()) {
            return "";
        }
        long deadline = start + replicationLimit.toNanos();
        while (seen.size() < others.size() && System.nanoTime() < deadline) {
            for (Region other : others) {
                if (!seen.containsKey(other) && has(replicas.get(other), key, nonce)) {
                    seen.put(other, elapsedMillis(start));
                }
            }
            if (seen.size() < others.size()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (Region other : others) {
            parts.add(seen.containsKey(other) ? other + " in " + seen.get(other) + " ms"
                    : other + " not within " + replicationLimit.toMillis() + " ms");
        }
        return "replicated to " + String.join(", ", parts);
    }

    private boolean has(DynamoDbClient client, Map<String, AttributeValue> key, String nonce) {
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key)).item();
            return item != null && item.containsKey("nonce") && nonce.equals(item.get("nonce").s());
        } catch (SdkException e) {
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
