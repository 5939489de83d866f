package dev.tern.store;

import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.ApiKeyStore;
import dev.tern.core.apikey.Scope;
import dev.tern.core.settings.Setting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * {@link ApiKeyStore} on a DynamoDB table with partition key {@code keyId}; one item per key:
 *
 * <pre>
 * keyId S (key) | hash S | name S | scopes SS | createdAt S | validUntil S? | revokedAt S? | createdBy S
 * </pre>
 *
 * The expiry is called {@code validUntil} because the table has no TTL (an expired key stays listed).
 * Lookups are one {@code GetItem} (eventually consistent, like a link's: a revocation takes effect
 * within the replication delay); issuing is a conditional {@code PutItem}; listing is a scan (an
 * operator has tens of keys, not millions).
 */
public final class DynamoDbApiKeyStore implements ApiKeyStore {
    static final String HASH = "hash";
    static final String NAME = "name";
    static final String SCOPES = "scopes";
    static final String CREATED_AT = "createdAt";
    static final String VALID_UNTIL = "validUntil";
    static final String REVOKED_AT = "revokedAt";
    static final String CREATED_BY = "createdBy";

    private final DynamoDbClient client;
    private final String tableName;

    /** A store on {@code tableName}, sharing {@code client}. */
    public DynamoDbApiKeyStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public boolean insertIfAbsent(ApiKey key) {
        try {
            client.putItem(r -> r.tableName(tableName).item(toItem(key))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", TernTables.API_KEY_KEY)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.API_KEYS_TABLE, tableName, "storing an API key");
        }
    }

    @Override
    public Optional<ApiKey> find(String id) {
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                    .key(Map.of(TernTables.API_KEY_KEY, s(id)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.API_KEYS_TABLE, tableName, "reading an API key");
        }
    }

    @Override
    public List<ApiKey> list() {
        List<ApiKey> keys = new ArrayList<>();
        try {
            Map<String, AttributeValue> start = null;
            do {
                ScanRequest.Builder request = ScanRequest.builder().tableName(tableName);
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                ScanResponse page = client.scan(request.build());
                page.items().forEach(item -> keys.add(fromItem(item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.API_KEYS_TABLE, tableName, "listing API keys");
        }
        keys.sort(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id));
        return keys;
    }

    @Override
    public Optional<ApiKey> revoke(String id, Instant at) {
        try {
            Map<String, AttributeValue> item = client.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(TernTables.API_KEY_KEY, s(id)))
                    .updateExpression("SET #revokedAt = if_not_exists(#revokedAt, :at)")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#revokedAt", REVOKED_AT, "#id", TernTables.API_KEY_KEY))
                    .expressionAttributeValues(Map.of(":at", s(StoredInstants.format(at))))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(fromItem(item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.API_KEYS_TABLE, tableName, "revoking an API key");
        }
    }

    static Map<String, AttributeValue> toItem(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TernTables.API_KEY_KEY, s(key.id()));
        item.put(HASH, s(key.hash()));
        item.put(NAME, s(key.name()));
        item.put(SCOPES, AttributeValue.fromSs(key.scopes().stream().map(Scope::value).sorted().toList()));
        item.put(CREATED_AT, s(StoredInstants.format(key.createdAt())));
        key.expiresAt().ifPresent(at -> item.put(VALID_UNTIL, s(StoredInstants.format(at))));
        key.revokedAt().ifPresent(at -> item.put(REVOKED_AT, s(StoredInstants.format(at))));
        item.put(CREATED_BY, s(key.createdBy()));
        return item;
    }

    static ApiKey fromItem(Map<String, AttributeValue> item) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : item.get(SCOPES).ss()) {
            scopes.add(Scope.parse(value).orElseThrow(
                    () -> new IllegalStateException("an API key has the unknown scope '" + value + "'")));
        }
        return new ApiKey(item.get(TernTables.API_KEY_KEY).s(), item.get(HASH).s(), item.get(NAME).s(), scopes,
                StoredInstants.parse(item.get(CREATED_AT).s(), CREATED_AT),
                optionalInstant(item, VALID_UNTIL), optionalInstant(item, REVOKED_AT), item.get(CREATED_BY).s());
    }

    private static Optional<Instant> optionalInstant(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(StoredInstants.parse(value.s(), attribute));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
