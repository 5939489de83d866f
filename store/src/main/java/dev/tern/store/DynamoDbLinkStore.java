package dev.tern.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.tern.core.audit.Change;
import dev.tern.core.audit.ChangeKinds;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkListing;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link LinkStore} on a DynamoDB table with partition key {@code code}; one item per link:
 *
 * <pre>
 * code S (key) | url S | title S? | createdAt S | creator S | status S | expiresAt S? | listKey S ("link")
 * | redirectStatus N? | cacheSeconds N? | forwardQuery BOOL? | idemKey S? | deletedAt S? | urlHash S
 * </pre>
 *
 * {@code urlHash} (the base64url SHA-256 of {@code url}, derived, never read back) keys the
 * {@code byTarget} index behind {@link #findByTarget}: a long URL can exceed the 2,048 bytes an index
 * key may hold. {@link #toItem} is the one mapping of a link to an item, which the bulk importer
 * uses too, so every item carries every derived attribute.
 *
 * {@code url} is {@link LongUrl#value()} (read back with {@link LongUrl#fromStored}); instants are
 * ISO-8601 UTC with nine fraction digits ({@link StoredInstants}); an empty title is not stored;
 * the three redirect attributes are all present or all absent. Mapped by a static schema, without
 * reflection. Click counts are not on the link: see {@link DynamoDbClickCounterStore}.
 */
public final class DynamoDbLinkStore implements LinkStore {
    static final String URL = "url";
    static final String TITLE = "title";
    static final String CREATED_AT = "createdAt";
    static final String CREATOR = "creator";
    static final String STATUS = "status";
    static final String EXPIRES_AT = "expiresAt";
    static final String REDIRECT_STATUS = "redirectStatus";
    static final String CACHE_SECONDS = "cacheSeconds";
    static final String FORWARD_QUERY = "forwardQuery";
    static final String IDEMPOTENCY_KEY = "idemKey";
    static final String DELETED_AT = "deletedAt";
    static final String LIST_KEY_VALUE = "link";

    static final TableSchema<Link> SCHEMA = StaticImmutableTableSchema.builder(Link.class, LinkItem.class)
            .newItemBuilder(LinkItem::new, LinkItem::build)
            .addAttribute(String.class, a -> a.name(TernTables.LINK_KEY)
                    .getter(link -> link.code().value()).setter((b, v) -> b.code = v).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(URL)
                    .getter(link -> link.target().value()).setter((b, v) -> b.url = v))
            .addAttribute(String.class, a -> a.name(TITLE)
                    .getter(link -> link.title().isEmpty() ? null : link.title()).setter((b, v) -> b.title = v))
            .addAttribute(String.class, a -> a.name(CREATED_AT)
                    .getter(link -> StoredInstants.format(link.createdAt())).setter((b, v) -> b.createdAt = v))
            .addAttribute(String.class, a -> a.name(CREATOR)
                    .getter(link -> link.creator().id()).setter((b, v) -> b.creator = v))
            .addAttribute(String.class, a -> a.name(STATUS)
                    .getter(link -> link.status().name()).setter((b, v) -> b.status = v))
            .addAttribute(String.class, a -> a.name(EXPIRES_AT)
                    .getter(link -> StoredInstants.format(link.expiresAt())).setter((b, v) -> b.expiresAt = v))
            .addAttribute(Integer.class, a -> a.name(REDIRECT_STATUS)
                    .getter(link -> link.ownRedirectPolicy().map(RedirectPolicy::status).orElse(null))
                    .setter((b, v) -> b.redirectStatus = v))
            .addAttribute(Long.class, a -> a.name(CACHE_SECONDS)
                    .getter(link -> link.ownRedirectPolicy().map(p -> p.cacheFor().toSeconds()).orElse(null))
                    .setter((b, v) -> b.cacheSeconds = v))
            .addAttribute(Boolean.class, a -> a.name(FORWARD_QUERY)
                    .getter(link -> link.ownRedirectPolicy().map(RedirectPolicy::forwardQuery).orElse(null))
                    .setter((b, v) -> b.forwardQuery = v))
            .addAttribute(String.class, a -> a.name(IDEMPOTENCY_KEY)
                    .getter(Link::idempotencyKey).setter((b, v) -> b.idemKey = v))
            // The same value on every link: the partition of the newest-first index; nothing to read back.
            .addAttribute(String.class, a -> a.name(TernTables.LIST_KEY)
                    .getter(link -> LIST_KEY_VALUE).setter((b, v) -> { }))
            .addAttribute(String.class, a -> a.name(DELETED_AT)
                    .getter(link -> StoredInstants.format(link.deletedAt())).setter((b, v) -> b.deletedAt = v))
            // Derived from url: the partition of the byTarget index; nothing to read back.
            .addAttribute(String.class, a -> a.name(TernTables.URL_HASH)
                    .getter(link -> urlHash(link.target())).setter((b, v) -> { }))
            .build();

    /** Every attribute of a link item, for the compare-and-set of {@link #replace}. */
    private static final List<String> ATTRIBUTES = List.of(TernTables.LINK_KEY, URL, TITLE, CREATED_AT, CREATOR, STATUS,
            EXPIRES_AT, REDIRECT_STATUS, CACHE_SECONDS, FORWARD_QUERY, IDEMPOTENCY_KEY, DELETED_AT);

    private static final Expression CODE_IS_NEW = Expression.builder()
            .expression("attribute_not_exists(#code)")
            .putExpressionName("#code", TernTables.LINK_KEY)
            .build();

    private final DynamoDbClient client;
    private final DynamoDbTable<Link> table;
    private final String tableName;
    /** Where writes and strongly consistent reads go: the same table, or the home region's replica (MREC). */
    private final DynamoDbTable<Link> writeTable;
    private final String writeTableName;
    private final DynamoDbClient writeClient;

    /** A store on {@code tableName}, sharing {@code client}. */
    public DynamoDbLinkStore(DynamoDbClient client, String tableName) {
        this(client, tableName, client, tableName);
    }

    /**
     * A store that reads with {@code client} and sends its writes ({@link #insertNew}, {@link #replace})
     * and strongly consistent reads ({@link #findLatest}) to {@code writeClient}: under MREC, the home
     * region's replica, so that every conditional write of every region is decided in one place
     * ({@code TERN_LINKS_WRITE_REGION}, see {@code docs/adr/2026-11-23-links-consistency.md}).
     * Eventually consistent reads, listings and look-ups by target stay in the function's region.
     */
    public DynamoDbLinkStore(DynamoDbClient client, String tableName, DynamoDbClient writeClient, String writeTableName) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.client = Objects.requireNonNull(client, "client");
        this.table = table(client, tableName);
        this.writeTableName = Objects.requireNonNull(writeTableName, "writeTableName");
        this.writeClient = Objects.requireNonNull(writeClient, "writeClient");
        this.writeTable = writeClient == client && writeTableName.equals(tableName)
                ? table
                : table(Objects.requireNonNull(writeClient, "writeClient"), writeTableName);
    }

    private static DynamoDbTable<Link> table(DynamoDbClient client, String tableName) {
        return DynamoDbEnhancedClient.builder()
                .dynamoDbClient(client)
                .extensions(List.of())
                .build()
                .table(tableName, SCHEMA);
    }

    /** The item of {@code link}, every attribute included (derived ones too): for writers other than this store. */
    static Map<String, AttributeValue> toItem(Link link) {
        return SCHEMA.itemToMap(link, true);
    }

    /** The key of the {@code byTarget} index: base64url (no padding) of the SHA-256 of {@link LongUrl#value()}. */
    static String urlHash(LongUrl target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(target.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * A {@code Query} of index {@code byTarget} (eventually consistent, every page), keeping the links
     * whose target is exactly {@code target}, oldest first.
     */
    @Override
    public List<Link> findByTarget(LongUrl target) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TernTables.LINKS_BY_TARGET)
                .keyConditionExpression("#h = :h")
                .expressionAttributeNames(Map.of("#h", TernTables.URL_HASH))
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(urlHash(target))))
                .build();
        try {
            List<Link> found = new ArrayList<>();
            for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
                Link link = SCHEMA.mapToItem(item);
                if (link.target().equals(target)) {
                    found.add(link);
                }
            }
            return found;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, "looking links up by their target");
        }
    }

    /** An eventually consistent {@code GetItem}: half the cost of {@link #findLatest}, and what the redirect uses. */
    @Override
    public Optional<Link> find(ShortCode code) {
        return get(table, tableName, code, false);
    }

    /** A strongly consistent {@code GetItem}, of the table the writes go to. */
    @Override
    public Optional<Link> findLatest(ShortCode code) {
        return get(writeTable, writeTableName, code, true);
    }

    /**
     * A {@code PutItem} on condition that no item has the code. When the condition fails and the
     * item found is exactly {@code link} (same creation instant to the nanosecond, same everything),
     * it is this very insert, applied by an earlier attempt whose answer was lost (an SDK retry after a
     * timeout, or the caller's own retry): that is success, not {@link CodeTakenException}.
     */
    @Override
    public void insertNew(Link link) {
        try {
            writeTable.putItem(PutItemEnhancedRequest.builder(Link.class)
                    .item(link)
                    .conditionExpression(CODE_IS_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            if (isSameLink(e, link)) {
                return;
            }
            throw CodeTakenException.forCode(link.code());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, writeTableName, "storing a link");
        }
    }

    /**
     * The compare-and-set of {@link LinkStore#replace(Link, Link)} through the versioned one, so that no
     * change of a link is ever stored without its record: the stored link must equal {@code current};
     * the change is recorded as made by {@link Creator#UNKNOWN} now (callers that know who use
     * {@link #replace(LinkVersion, Link, Change)}).
     */
    @Override
    public boolean replace(Link current, Link updated) {
        if (!current.code().equals(updated.code())) {
            throw new IllegalArgumentException("a link's code cannot change");
        }
        Optional<LinkVersion> stored = findLatestVersion(current.code());
        if (stored.isEmpty() || !stored.get().link().equals(current)) {
            return false;
        }
        return replace(stored.get(), updated,
                Change.of(ChangeKinds.between(current, updated), Creator.UNKNOWN, java.time.Instant.now()));
    }

    /** A strongly consistent {@code GetItem} of the link item with its version attributes. */
    @Override
    public Optional<LinkVersion> findLatestVersion(ShortCode code) {
        try {
            GetItemResponse response = writeClient.getItem(r -> r.tableName(writeTableName)
                    .key(Map.of(TernTables.LINK_KEY, AttributeValue.fromS(code.value())))
                    .consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(LinkVersions.ofLinkItem(response.item()))
                    : Optional.empty();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, writeTableName, "reading a link");
        }
    }

    /**
     * Two writes, no transaction (the links table may be MRSC, which has none): first a {@code PutItem}
     * of the archive item of {@code current} (unconditional: a version's content is fixed once the
     * version exists, so writing it twice, or from two racing writers, writes the same item), then a
     * {@code PutItem} of the link item as the next version on condition that the stored item is still
     * {@code current}'s version ({@code version = :v}; for an item without a version, every attribute
     * equal and no version). A failure between the two leaves an archived copy of the current version,
     * which the history ignores: never a change without its record.
     */
    @Override
    public boolean replace(LinkVersion current, Link updated, Change change) {
        LinkVersion next = current.next(updated, change);
        try {
            writeClient.putItem(PutItemRequest.builder().tableName(writeTableName).item(LinkVersions.archiveItem(current)).build());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, writeTableName, "archiving a link's version");
        }
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        String condition;
        if (current.change().recorded()) {
            names.put("#ver", LinkVersions.VERSION);
            values.put(":ver", AttributeValue.fromN(Long.toString(current.version())));
            condition = "#ver = :ver";
        } else {
            condition = sameAttributes(current.link(), names, values) + " AND attribute_not_exists(#ver)";
            names.put("#ver", LinkVersions.VERSION);
        }
        try {
            writeClient.putItem(PutItemRequest.builder()
                    .tableName(writeTableName)
                    .item(LinkVersions.linkItem(next))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, writeTableName, "changing a link");
        }
    }

    /** {@code BatchGetItem}s (strongly consistent, at most 100 keys each) of the archive items. */
    @Override
    public List<LinkVersion> archivedVersions(ShortCode code, long from, long to) {
        if (from > to) {
            return List.of();
        }
        if (to - from + 1 > 101) {
            throw new IllegalArgumentException("at most 101 versions at a time");
        }
        List<LinkVersion> found = new ArrayList<>();
        try {
            for (long start = Math.max(1, from); start <= to; start += 100) {
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                for (long v = start; v <= Math.min(to, start + 99); v++) {
                    keys.add(Map.of(TernTables.LINK_KEY, AttributeValue.fromS(LinkVersions.archiveKey(code, v))));
                }
                Map<String, KeysAndAttributes> pending = Map.of(writeTableName,
                        KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
                for (int round = 0; !pending.isEmpty(); round++) {
                    if (round > 0) {
                        DynamoDbErrors.pause(round, "reading a link's history");
                    }
                    if (round >= 5) {
                        throw new dev.tern.core.error.StoreUnavailableException("the link's history could not be read in full",
                                Duration.ofSeconds(1), null);
                    }
                    BatchGetItemResponse response = writeClient.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                    response.responses().getOrDefault(writeTableName, List.of())
                            .forEach(item -> found.add(LinkVersions.ofArchiveItem(item)));
                    pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                }
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, writeTableName, "reading a link's history");
        }
        found.sort(java.util.Comparator.comparingLong(LinkVersion::version).reversed());
        return found;
    }

    /** A condition that every attribute of the stored item equals {@code link}'s (absent where it has none). */
    private static String sameAttributes(Link link, Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> expected = SCHEMA.itemToMap(link, true);
        StringBuilder condition = new StringBuilder();
        int i = 0;
        for (String attribute : ATTRIBUTES) {
            String name = "#a" + i;
            names.put(name, attribute);
            condition.append(i == 0 ? "" : " AND ");
            AttributeValue value = expected.get(attribute);
            if (value == null) {
                condition.append("attribute_not_exists(").append(name).append(')');
            } else {
                condition.append(name).append(" = :v").append(i);
                values.put(":v" + i, value);
            }
            i++;
        }
        return condition.toString();
    }

    /**
     * A {@code Query} of index {@code byTime} (all links) or {@code byCreator}, newest first. The
     * cursor is the base64url of {@code <createdAt>|<code>} of the page's last link, from which the
     * exclusive start key is rebuilt.
     */
    @Override
    public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
        LinkListing.requireLimit(limit);
        String index = creator.isPresent() ? TernTables.LINKS_BY_CREATOR : TernTables.LINKS_BY_TIME;
        String partitionName = creator.isPresent() ? CREATOR : TernTables.LIST_KEY;
        AttributeValue partition = AttributeValue.fromS(creator.map(Creator::id).orElse(LIST_KEY_VALUE));
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(index)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", partitionName))
                .expressionAttributeValues(Map.of(":p", partition))
                .scanIndexForward(false)
                .limit(limit);
        cursor.ifPresent(c -> request.exclusiveStartKey(startKey(c, partitionName, partition)));
        try {
            QueryResponse response = client.query(request.build());
            List<Link> links = response.items().stream().map(SCHEMA::mapToItem).toList();
            Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(cursorOf(response.lastEvaluatedKey()))
                    : Optional.empty();
            return new LinkPage(links, next);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, "listing links");
        }
    }

    private static String cursorOf(Map<String, AttributeValue> lastKey) {
        String text = lastKey.get(CREATED_AT).s() + "|" + lastKey.get(TernTables.LINK_KEY).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String cursor, String partitionName, AttributeValue partition) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            String createdAt = text.substring(0, bar);
            StoredInstants.parse(createdAt, CREATED_AT);
            String code = text.substring(bar + 1);
            if (!ShortCode.isValid(code)) {
                throw new IllegalArgumentException("not a code");
            }
            return Map.of(partitionName, partition, CREATED_AT, AttributeValue.fromS(createdAt),
                    TernTables.LINK_KEY, AttributeValue.fromS(code));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("The cursor is not one this listing gave out");
        }
    }

    private static Optional<Link> get(DynamoDbTable<Link> from, String name, ShortCode code, boolean consistent) {
        try {
            return Optional.ofNullable(from.getItem(r -> r.key(Key.builder().partitionValue(code.value()).build())
                    .consistentRead(consistent)));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, name, "reading a link");
        }
    }

    private static boolean isSameLink(ConditionalCheckFailedException e, Link link) {
        if (!e.hasItem()) {
            return false;
        }
        Map<String, AttributeValue> existing = e.item();
        try {
            return link.equals(SCHEMA.mapToItem(existing));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The mutable side of the immutable schema: raw attributes, turned into a {@link Link} by {@link #build}. */
    static final class LinkItem {
        String code;
        String url;
        String title;
        String createdAt;
        String creator;
        String status;
        String expiresAt;
        Integer redirectStatus;
        Long cacheSeconds;
        Boolean forwardQuery;
        String idemKey;
        String deletedAt;

        Link build() {
            if (code == null || url == null || createdAt == null || creator == null || status == null) {
                throw new IllegalStateException("link item '" + code + "' lacks one of code, url, createdAt, creator, status");
            }
            return new Link(new ShortCode(code), LongUrl.fromStored(url), title,
                    StoredInstants.parse(createdAt, CREATED_AT), new Creator(creator), LinkStatus.valueOf(status),
                    StoredInstants.parse(expiresAt, EXPIRES_AT), redirectPolicy(), idemKey,
                    StoredInstants.parse(deletedAt, DELETED_AT));
        }

        /** All three attributes, or the deployment's default: a half-written policy is not guessed at. */
        private RedirectPolicy redirectPolicy() {
            if (redirectStatus == null || cacheSeconds == null || forwardQuery == null) {
                return null;
            }
            try {
                return new RedirectPolicy(redirectStatus, Duration.ofSeconds(cacheSeconds), forwardQuery);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
