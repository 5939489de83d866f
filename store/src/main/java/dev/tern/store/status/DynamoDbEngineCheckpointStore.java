package dev.tern.store.status;

import static dev.tern.store.status.HealthTable.s;

import dev.tern.core.status.EngineCheckpointStore;
import dev.tern.core.status.Region;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link EngineCheckpointStore} on the health table: one item per generating region, replaced by each
 * save (last write wins; no TTL: the next save replaces it).
 *
 * <pre>
 * pk S = "engine#" + region | sk S = "checkpoint" | state B
 * </pre>
 */
public final class DynamoDbEngineCheckpointStore implements EngineCheckpointStore {
    private static final String STATE = "state";

    private final DynamoDbClient client;
    private final String tableName;
    private final Map<String, AttributeValue> key;

    /** The checkpoint of {@code region}'s generator on the health table {@code tableName}. */
    public DynamoDbEngineCheckpointStore(DynamoDbClient client, String tableName, Region region) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.key = Map.of(HealthTable.PK, s("engine#" + region.code()), HealthTable.SK, s("checkpoint"));
    }

    @Override
    public Optional<byte[]> load() {
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key).consistentRead(true)).item();
            if (item == null || !item.containsKey(STATE)) {
                return Optional.empty();
            }
            return Optional.of(item.get(STATE).b().asByteArray());
        } catch (SdkException e) {
            throw HealthTable.translate(e, tableName, "reading the status engine's checkpoint");
        }
    }

    @Override
    public void save(byte[] checkpoint) {
        if (checkpoint.length > MAX_BYTES) {
            throw new IllegalArgumentException("A checkpoint of " + checkpoint.length + " bytes exceeds " + MAX_BYTES);
        }
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put(STATE, AttributeValue.fromB(SdkBytes.fromByteArray(checkpoint)));
        try {
            client.putItem(r -> r.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw HealthTable.translate(e, tableName, "saving the status engine's checkpoint");
        }
    }
}
