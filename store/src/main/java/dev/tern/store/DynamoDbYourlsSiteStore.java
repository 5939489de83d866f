package dev.tern.store;

import dev.tern.core.settings.Setting;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link YourlsSiteStore} on a DynamoDB table with partition key {@code key} and two items:
 *
 * <pre>
 * key = "site"     users M (name → password hash S), cookieKey S, uniqueUrls BOOL, keywordBase N,
 *                  hyphens BOOL, reserved L (of S), privateApi BOOL
 * key = "nextId"   last N: the last id claimed
 * </pre>
 *
 * <p>{@link #claimNextId} is one {@code UpdateItem ADD last 1} returning the new value: atomic within
 * a region. In a global table (MREC) two regions claiming at the same moment can each be given the
 * same id, and replication keeps one of the two writes; the link insert is conditional, so the
 * second keyword's insert fails and the caller claims again (see {@code YourlsService}). The table
 * holds password hashes and the cookie key: only the YOURLS API function and the migration read it.
 */
public final class DynamoDbYourlsSiteStore implements YourlsSiteStore {
    static final String SITE = "site";
    static final String NEXT_ID = "nextId";
    static final String LAST = "last";

    private final DynamoDbClient client;
    private final String tableName;

    /** A store on {@code tableName}, sharing {@code client}. */
    public DynamoDbYourlsSiteStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** An eventually consistent {@code GetItem}: settings change once, at migration. */
    @Override
    public YourlsSite load() {
        try {
            GetItemResponse response = client.getItem(r -> r.tableName(tableName).key(key(SITE)));
            return response.hasItem() && !response.item().isEmpty() ? fromItem(response.item()) : YourlsSite.defaults();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.YOURLS_TABLE, tableName, "reading the YOURLS site settings");
        }
    }

    @Override
    public void save(YourlsSite site) {
        Objects.requireNonNull(site, "site");
        try {
            client.putItem(r -> r.tableName(tableName).item(toItem(site)));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.YOURLS_TABLE, tableName, "saving the YOURLS site settings");
        }
    }

    @Override
    public long claimNextId() {
        try {
            Map<String, AttributeValue> updated = client.updateItem(r -> r.tableName(tableName).key(key(NEXT_ID))
                    .updateExpression("ADD #last :one")
                    .expressionAttributeNames(Map.of("#last", LAST))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Long.parseLong(updated.get(LAST).n());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.YOURLS_TABLE, tableName, "claiming a keyword id");
        }
    }

    /** A conditional {@code UpdateItem}: sets the last claimed id to {@code nextId - 1} only if that raises it. */
    @Override
    public void raiseNextIdTo(long nextId) {
        if (nextId <= 1) {
            return;
        }
        try {
            client.updateItem(r -> r.tableName(tableName).key(key(NEXT_ID))
                    .updateExpression("SET #last = :last")
                    .conditionExpression("attribute_not_exists(#last) OR #last < :last")
                    .expressionAttributeNames(Map.of("#last", LAST))
                    .expressionAttributeValues(Map.of(":last", AttributeValue.fromN(Long.toString(nextId - 1)))));
        } catch (ConditionalCheckFailedException alreadyHigher) {
            // never lowered
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.YOURLS_TABLE, tableName, "raising the keyword counter");
        }
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(TernTables.YOURLS_KEY, AttributeValue.fromS(key));
    }

    static Map<String, AttributeValue> toItem(YourlsSite site) {
        Map<String, AttributeValue> users = new HashMap<>();
        site.users().forEach((name, hash) -> users.put(name, AttributeValue.fromS(hash)));
        List<AttributeValue> reserved = new TreeSet<>(site.reservedKeywords()).stream().map(AttributeValue::fromS).toList();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TernTables.YOURLS_KEY, AttributeValue.fromS(SITE));
        item.put("users", AttributeValue.fromM(users));
        item.put("cookieKey", AttributeValue.fromS(site.cookieKey()));
        item.put("uniqueUrls", AttributeValue.fromBool(site.uniqueUrls()));
        item.put("keywordBase", AttributeValue.fromN(Integer.toString(site.keywordBase())));
        item.put("hyphens", AttributeValue.fromBool(site.hyphensInKeywords()));
        item.put("reserved", AttributeValue.fromL(reserved));
        item.put("privateApi", AttributeValue.fromBool(site.privateApi()));
        return item;
    }

    static YourlsSite fromItem(Map<String, AttributeValue> item) {
        try {
            Map<String, String> users = new HashMap<>();
            item.get("users").m().forEach((name, hash) -> users.put(name, hash.s()));
            Set<String> reserved = new LinkedHashSet<>();
            item.get("reserved").l().forEach(word -> reserved.add(word.s()));
            return new YourlsSite(users, item.get("cookieKey").s(), item.get("uniqueUrls").bool(),
                    Integer.parseInt(item.get("keywordBase").n()), item.get("hyphens").bool(), reserved,
                    item.get("privateApi").bool());
        } catch (RuntimeException e) {
            throw new IllegalStateException("The YOURLS site settings item is malformed (" + Setting.YOURLS_TABLE.variable()
                    + "): " + e.getMessage(), e);
        }
    }
}
