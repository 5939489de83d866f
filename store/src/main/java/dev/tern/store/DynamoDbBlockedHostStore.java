package dev.tern.store;

import dev.tern.core.abuse.BlockedHostStore;
import dev.tern.core.settings.Setting;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The administrator's blocklist as one item of the links table: {@code code = "#blocklist"} (never a
 * short code), {@code hosts SS}. Adding and removing are atomic set updates ({@code ADD} / {@code DELETE}),
 * so concurrent changes never undo each other; reading is one strongly consistent {@code GetItem},
 * which {@link dev.tern.core.abuse.HostBlocklist} caches per container. An item holds at most 400 KB:
 * about 15,000 typical host names. Longer lists belong in the file ({@code TERN_BLOCKLIST_FILE}).
 * The item lives in the links table so that it has the links' replication (MRSC: one list everywhere).
 */
public final class DynamoDbBlockedHostStore implements BlockedHostStore {
    static final String KEY = "#blocklist";
    static final String HOSTS = "hosts";

    private final DynamoDbClient client;
    private final String tableName;

    /** A store on the links table {@code tableName} (where writes go: the home region's under MREC). */
    public DynamoDbBlockedHostStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(TernTables.LINK_KEY, AttributeValue.fromS(KEY));
    }

    @Override
    public Set<String> all() {
        try {
            GetItemResponse response = client.getItem(r -> r.tableName(tableName).key(key()).consistentRead(true));
            AttributeValue hosts = response.hasItem() ? response.item().get(HOSTS) : null;
            return hosts == null || !hosts.hasSs() ? Set.of() : Set.copyOf(hosts.ss());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, "reading the blocklist");
        }
    }

    @Override
    public void add(String host) {
        try {
            client.updateItem(r -> r.tableName(tableName).key(key())
                    .updateExpression("ADD #h :h")
                    .expressionAttributeNames(Map.of("#h", HOSTS))
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromSs(java.util.List.of(host)))));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, "changing the blocklist");
        }
    }

    @Override
    public boolean remove(String host) {
        try {
            UpdateItemResponse response = client.updateItem(r -> r.tableName(tableName).key(key())
                    .updateExpression("DELETE #h :h")
                    .expressionAttributeNames(Map.of("#h", HOSTS))
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromSs(java.util.List.of(host))))
                    .returnValues(ReturnValue.UPDATED_OLD));
            AttributeValue before = response.hasAttributes() ? response.attributes().get(HOSTS) : null;
            return before != null && before.hasSs() && before.ss().contains(host);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, "changing the blocklist");
        }
    }
}
