package dev.tern.store;

import dev.tern.core.settings.Setting;
import dev.tern.store.TableDefinition.Billing;
import dev.tern.store.TableDefinition.KeyAttribute;
import dev.tern.store.TableDefinition.Replication;
import dev.tern.store.TableDefinition.SecondaryIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Tern's tables: their definitions (see {@code docs/adr/2026-11-23-table-design.md}) and, for
 * {@code local/} and tests, their creation. In AWS the CDK app creates them from the same
 * {@link #definitions}.
 */
public final class TernTables {
    /** Links: partition key {@code code}. */
    static final String LINK_KEY = "code";
    /** Clicks: partition key {@code code} (the link), sort key {@code sk}. */
    static final String CLICK_KEY = "code";
    static final String CLICK_SORT_KEY = "sk";
    /** Idempotency records: partition key {@code idemKey}. */
    static final String IDEMPOTENCY_KEY = "idemKey";
    /** Rate-limit buckets: partition key {@code key}. */
    static final String RATE_LIMIT_KEY = "key";
    /**
     * Links, newest first: index {@value #LINKS_BY_TIME} (partition key {@code listKey}, the same
     * value on every link, sort key {@code createdAt}) and, per creator, {@value #LINKS_BY_CREATOR}
     * (partition key {@code creator}, sort key {@code createdAt}).
     */
    static final String LINKS_BY_TIME = "byTime";
    static final String LINKS_BY_CREATOR = "byCreator";
    static final String LIST_KEY = "listKey";
    /**
     * Links by target: index {@value #LINKS_BY_TARGET} (partition key {@code urlHash}, the SHA-256 of
     * the target, since a URL can exceed an index key's 2 KB; sort key {@code createdAt}).
     */
    static final String LINKS_BY_TARGET = "byTarget";
    static final String URL_HASH = "urlHash";
    /**
     * Clicks, ranked: sparse index {@value #CLICKS_BY_RANK} over the rank items (partition key
     * {@code rankKey}, the same value on every rank item; sort key {@code rank}, the zero-padded
     * click total and the code). See {@link DynamoDbClickCounterStore}.
     */
    static final String CLICKS_BY_RANK = "byRank";
    static final String RANK_KEY = "rankKey";
    static final String RANK = "rank";
    /** The YOURLS-compatible API's items: partition key {@code key}. */
    static final String YOURLS_KEY = "key";
    /** API keys: partition key {@code keyId}. */
    static final String API_KEY_KEY = "keyId";
    /**
     * The status page's table: partition key {@code pk}, sort key {@code sk}. Probe rounds live under
     * {@code pk = "round#" + UTC day}, {@code sk = minute + "#" + probing region} (one item per round, so
     * replacing a round is one put and readers never see half of one), expiring 90 days after their
     * minute; operator actions under {@code pk = "operator"}; the incident engine's checkpoint under
     * {@code pk = "engine#" + generating region}. See {@code dev.tern.store.status}.
     */
    static final String HEALTH_KEY = "pk";
    static final String HEALTH_SORT_KEY = "sk";
    /** The TTL attribute of the tables that have one: epoch seconds. */
    static final String EXPIRES_AT = "expiresAt";

    private TernTables() {
    }

    /** The seven tables under {@code names}: links, clicks, idempotency, rate limits, API keys, YOURLS site, health. */
    public static List<TableDefinition> definitions(TableNames names) {
        return List.of(
                new TableDefinition(names.links(), Setting.LINKS_TABLE, KeyAttribute.string(LINK_KEY),
                        Optional.empty(), Optional.empty(), false, Replication.GLOBAL, Billing.ON_DEMAND, List.of(
                                new SecondaryIndex(LINKS_BY_TIME, KeyAttribute.string(LIST_KEY),
                                        Optional.of(KeyAttribute.string("createdAt"))),
                                new SecondaryIndex(LINKS_BY_CREATOR, KeyAttribute.string("creator"),
                                        Optional.of(KeyAttribute.string("createdAt"))),
                                new SecondaryIndex(LINKS_BY_TARGET, KeyAttribute.string(URL_HASH),
                                        Optional.of(KeyAttribute.string("createdAt"))))),
                new TableDefinition(names.clicks(), Setting.CLICKS_TABLE, KeyAttribute.string(CLICK_KEY),
                        Optional.of(KeyAttribute.string(CLICK_SORT_KEY)), Optional.of(EXPIRES_AT), true,
                        Replication.GLOBAL, Billing.ON_DEMAND, List.of(
                                new SecondaryIndex(CLICKS_BY_RANK, KeyAttribute.string(RANK_KEY),
                                        Optional.of(KeyAttribute.string(RANK))))),
                new TableDefinition(names.idempotency(), Setting.IDEMPOTENCY_TABLE, KeyAttribute.string(IDEMPOTENCY_KEY),
                        Optional.empty(), Optional.of(EXPIRES_AT), false, Replication.GLOBAL, Billing.ON_DEMAND),
                new TableDefinition(names.rateLimits(), Setting.RATE_LIMITS_TABLE, KeyAttribute.string(RATE_LIMIT_KEY),
                        Optional.empty(), Optional.of(EXPIRES_AT), false, Replication.REGIONAL, Billing.ON_DEMAND),
                new TableDefinition(names.apiKeys(), Setting.API_KEYS_TABLE, KeyAttribute.string(API_KEY_KEY),
                        Optional.empty(), Optional.empty(), false, Replication.GLOBAL, Billing.ON_DEMAND),
                new TableDefinition(names.yourls(), Setting.YOURLS_TABLE, KeyAttribute.string(YOURLS_KEY),
                        Optional.empty(), Optional.empty(), false, Replication.GLOBAL, Billing.ON_DEMAND),
                // Global: every region's status site is generated from the rounds of every region.
                new TableDefinition(names.health(), Setting.HEALTH_TABLE, KeyAttribute.string(HEALTH_KEY),
                        Optional.of(KeyAttribute.string(HEALTH_SORT_KEY)), Optional.of(EXPIRES_AT), false,
                        Replication.GLOBAL, Billing.ON_DEMAND));
    }

    /**
     * Creates every table that does not exist yet, waits until each is {@code ACTIVE}, and enables TTL
     * where defined. Idempotent: existing tables are left as they are (a table created concurrently
     * by someone else counts as existing).
     *
     * @throws IllegalStateException if DynamoDB refuses or cannot be reached
     */
    public static void createAll(DynamoDbClient client, TableNames names) {
        List<TableDefinition> definitions = definitions(names);
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(500)))
                        .maxAttempts(240)
                        .build())
                .build()) {
            for (TableDefinition definition : definitions) {
                create(client, waiter, definition);
            }
        }
    }

    private static void create(DynamoDbClient client, DynamoDbWaiter waiter, TableDefinition definition) {
        try {
            if (!exists(client, definition.name())) {
                try {
                    client.createTable(createRequest(definition));
                } catch (ResourceInUseException createdMeanwhile) {
                    // someone else created it between our check and our create: fine
                }
            }
            waiter.waitUntilTableExists(r -> r.tableName(definition.name()));
            addMissingIndexes(client, definition);
            if (definition.timeToLiveAttribute().isPresent()) {
                enableTimeToLive(client, definition.name(), definition.timeToLiveAttribute().get());
            }
        } catch (SdkException e) {
            throw new IllegalStateException("Could not create the DynamoDB table '" + definition.name() + "' ("
                    + definition.setting().variable() + "): " + e.getMessage(), e);
        }
    }

    static CreateTableRequest createRequest(TableDefinition definition) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(attribute(definition.partitionKey()));
        keys.add(KeySchemaElement.builder().attributeName(definition.partitionKey().name()).keyType(KeyType.HASH).build());
        definition.sortKey().ifPresent(sort -> {
            attributes.add(attribute(sort));
            keys.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
        });
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (SecondaryIndex index : definition.indexes()) {
            List<KeySchemaElement> indexKeys = new ArrayList<>();
            addAttribute(attributes, index.partitionKey());
            indexKeys.add(KeySchemaElement.builder().attributeName(index.partitionKey().name()).keyType(KeyType.HASH).build());
            index.sortKey().ifPresent(sort -> {
                addAttribute(attributes, sort);
                indexKeys.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
            });
            indexes.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(indexKeys)
                    .projection(p -> p.projectionType(ProjectionType.ALL)).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(definition.name())
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(switch (definition.billing()) {
                    case ON_DEMAND -> BillingMode.PAY_PER_REQUEST;
                });
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    /**
     * Adds the defined indexes a table made by an older version lacks (a local data dir kept across
     * upgrades), one at a time as DynamoDB requires, waiting until each is {@code ACTIVE}.
     */
    private static void addMissingIndexes(DynamoDbClient client, TableDefinition definition) {
        CreateTableRequest wanted = createRequest(definition);
        for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
            TableDescription table = client.describeTable(r -> r.tableName(definition.name())).table();
            if (table.globalSecondaryIndexes().stream().anyMatch(i -> i.indexName().equals(index.indexName()))) {
                continue;
            }
            client.updateTable(r -> r.tableName(definition.name())
                    .attributeDefinitions(wanted.attributeDefinitions())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema()).projection(index.projection()))));
            for (int attempt = 0; attempt < 240; attempt++) {
                boolean active = client.describeTable(r -> r.tableName(definition.name())).table().globalSecondaryIndexes()
                        .stream().anyMatch(i -> i.indexName().equals(index.indexName())
                                && i.indexStatus() == IndexStatus.ACTIVE);
                if (active) {
                    break;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the index " + index.indexName(), e);
                }
            }
        }
    }

    private static void addAttribute(List<AttributeDefinition> attributes, KeyAttribute key) {
        if (attributes.stream().noneMatch(a -> a.attributeName().equals(key.name()))) {
            attributes.add(attribute(key));
        }
    }

    private static AttributeDefinition attribute(KeyAttribute key) {
        ScalarAttributeType type = switch (key.type()) {
            case STRING -> ScalarAttributeType.S;
            case NUMBER -> ScalarAttributeType.N;
            case BINARY -> ScalarAttributeType.B;
        };
        return AttributeDefinition.builder().attributeName(key.name()).attributeType(type).build();
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void enableTimeToLive(DynamoDbClient client, String table, String attribute) {
        TimeToLiveStatus status = client.describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        client.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
    }
}
