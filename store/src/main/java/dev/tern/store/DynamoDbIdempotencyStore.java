package dev.tern.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.idempotency.IdempotencyStore;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link IdempotencyStore} on a DynamoDB table with partition key {@code idemKey}; one item per key:
 *
 * <pre>
 * idemKey S (key) | fingerprint S | code S | createdAt S | expiresAt N (TTL, epoch seconds)
 * </pre>
 *
 * A record lives {@value #LIFETIME_HOURS} hours from {@code createdAt}. DynamoDB's TTL deletes it
 * some time after that (on an MRSC table, which has no TTL, a sweeper does); until then
 * {@link #claim} already treats it as absent, so the window is exact whatever the deletion's delay.
 * No transactions and no TTL are needed for correctness, so the table may be MRSC.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
    static final long LIFETIME_HOURS = 24;
    static final Duration LIFETIME = Duration.ofHours(LIFETIME_HOURS);
    static final String FINGERPRINT = "fingerprint";
    static final String CODE = "code";
    static final String CREATED_AT = "createdAt";
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    static final TableSchema<IdempotencyRecord> SCHEMA =
            StaticImmutableTableSchema.builder(IdempotencyRecord.class, RecordItem.class)
                    .newItemBuilder(RecordItem::new, RecordItem::build)
                    .addAttribute(String.class, a -> a.name(TernTables.IDEMPOTENCY_KEY)
                            .getter(IdempotencyRecord::key).setter((b, v) -> b.key = v).tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name(FINGERPRINT)
                            .getter(IdempotencyRecord::fingerprint).setter((b, v) -> b.fingerprint = v))
                    .addAttribute(String.class, a -> a.name(CODE)
                            .getter(r -> r.code().value()).setter((b, v) -> b.code = v))
                    .addAttribute(String.class, a -> a.name(CREATED_AT)
                            .getter(r -> StoredInstants.format(r.createdAt())).setter((b, v) -> b.createdAt = v))
                    // Derived from createdAt on write; nothing to read back.
                    .addAttribute(Long.class, a -> a.name(TernTables.EXPIRES_AT)
                            .getter(r -> expiresAt(r.createdAt())).setter((b, v) -> { }))
                    .build();

    private final DynamoDbClient client;
    private final DynamoDbTable<IdempotencyRecord> table;
    private final String tableName;
    private final Clock clock;

    /** A store on {@code tableName}, sharing {@code client}. */
    public DynamoDbIdempotencyStore(DynamoDbClient client, String tableName) {
        this(client, tableName, Clock.systemUTC());
    }

    /** A store on {@code tableName} whose "now" is {@code clock}'s: for tests of expiry and of the sweep. */
    public DynamoDbIdempotencyStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions(List.of()).build()
                .table(tableName, SCHEMA);
    }

    /**
     * A {@code PutItem} on condition that the key is new (or its record expired). If the condition
     * fails, the stored record comes back with the failure ({@code ALL_OLD}), so no second read is
     * needed; a consistent read covers the rare answer without it.
     */
    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
        Expression keyIsFree = Expression.builder()
                .expression("attribute_not_exists(#key) OR #expiresAt < :now")
                .putExpressionName("#key", TernTables.IDEMPOTENCY_KEY)
                .putExpressionName("#expiresAt", TernTables.EXPIRES_AT)
                .putExpressionValue(":now", number(clock.instant().getEpochSecond()))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                table.putItem(PutItemEnhancedRequest.builder(IdempotencyRecord.class)
                        .item(record)
                        .conditionExpression(keyIsFree)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                return Optional.empty();
            } catch (ConditionalCheckFailedException e) {
                Optional<IdempotencyRecord> existing = e.hasItem() && !e.item().isEmpty()
                        ? Optional.of(SCHEMA.mapToItem(e.item()))
                        : read(record.key());
                if (existing.isPresent()) {
                    return existing;
                }
                if (attempt >= MAX_CLAIM_ATTEMPTS) {
                    throw new IllegalStateException("the idempotency record of a key kept appearing and vanishing");
                }
                // The record expired and TTL deleted it between our write and our read: claim again.
            } catch (SdkException e) {
                throw DynamoDbErrors.translate(e, Setting.IDEMPOTENCY_TABLE, tableName, "claiming an Idempotency-Key");
            }
        }
    }

    /** An {@code UpdateItem} of {@code code} on condition that it is still {@code expected}. */
    @Override
    public IdempotencyRecord reassign(String key, ShortCode expected, ShortCode replacement) {
        try {
            UpdateItemResponse response = client.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(TernTables.IDEMPOTENCY_KEY, string(key)))
                    .updateExpression("SET #code = :replacement")
                    .conditionExpression("#code = :expected")
                    .expressionAttributeNames(Map.of("#code", CODE))
                    .expressionAttributeValues(Map.of(":replacement", string(replacement.value()),
                            ":expected", string(expected.value())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return SCHEMA.mapToItem(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            Optional<IdempotencyRecord> current = e.hasItem() && !e.item().isEmpty()
                    ? Optional.of(SCHEMA.mapToItem(e.item()))
                    : read(key);
            return current.orElseThrow(() -> new IllegalStateException("no idempotency record for the key being reassigned"));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.IDEMPOTENCY_TABLE, tableName, "reassigning an Idempotency-Key");
        }
    }

    /**
     * One page of the sweep that deletes expired records where no TTL does it (an MRSC table): a
     * {@code Scan} of at most {@code pageSize} items from {@code startAfter} (the key a previous page
     * ended at, or empty for the first page) keeping those whose {@code expiresAt} has passed, and a
     * {@code DeleteItem} of each on condition that it has still passed, so that a key claimed again
     * meanwhile keeps its new record. Deleting a record that {@link #claim} already treats as absent
     * changes no answer, so sweeps may overlap, repeat or stop anywhere.
     *
     * @param startAfter the {@link SweepPage#nextStart()} of the previous page, or empty
     * @param pageSize   items examined by this page, 1-1000
     */
    public SweepPage sweepExpired(Optional<String> startAfter, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1-1000, got " + pageSize);
        }
        long now = clock.instant().getEpochSecond();
        Map<String, String> names = Map.of("#expiresAt", TernTables.EXPIRES_AT);
        Map<String, AttributeValue> values = Map.of(":now", number(now));
        ScanResponse page;
        try {
            page = client.scan(r -> {
                r.tableName(tableName)
                        .limit(pageSize)
                        .filterExpression("#expiresAt < :now")
                        .projectionExpression("#key, #expiresAt")
                        .expressionAttributeNames(Map.of("#expiresAt", TernTables.EXPIRES_AT, "#key", TernTables.IDEMPOTENCY_KEY))
                        .expressionAttributeValues(values);
                startAfter.ifPresent(key -> r.exclusiveStartKey(Map.of(TernTables.IDEMPOTENCY_KEY, string(key))));
            });
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.IDEMPOTENCY_TABLE, tableName, "finding expired Idempotency-Keys");
        }
        int deleted = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            try {
                client.deleteItem(r -> r.tableName(tableName)
                        .key(Map.of(TernTables.IDEMPOTENCY_KEY, item.get(TernTables.IDEMPOTENCY_KEY)))
                        .conditionExpression("#expiresAt < :now")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
                deleted++;
            } catch (ConditionalCheckFailedException claimedAgain) {
                // claimed again (or already deleted) since the scan: the new record stays
            } catch (SdkException e) {
                throw DynamoDbErrors.translate(e, Setting.IDEMPOTENCY_TABLE, tableName, "deleting an expired Idempotency-Key");
            }
        }
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(page.lastEvaluatedKey().get(TernTables.IDEMPOTENCY_KEY).s())
                : Optional.empty();
        return new SweepPage(page.scannedCount(), deleted, next);
    }

    /**
     * What one page of {@link #sweepExpired} did.
     *
     * @param examined  records the page looked at
     * @param deleted   expired records it deleted
     * @param nextStart where the next page starts, or empty when the table has been swept to its end
     */
    public record SweepPage(int examined, int deleted, Optional<String> nextStart) {
        public SweepPage {
            Objects.requireNonNull(nextStart, "nextStart");
        }
    }

    private Optional<IdempotencyRecord> read(String key) {
        try {
            return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(key).build()).consistentRead(true)));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.IDEMPOTENCY_TABLE, tableName, "reading an Idempotency-Key");
        }
    }

    static long expiresAt(Instant createdAt) {
        return createdAt.plus(LIFETIME).getEpochSecond();
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    /** The mutable side of the immutable schema. */
    static final class RecordItem {
        String key;
        String fingerprint;
        String code;
        String createdAt;

        IdempotencyRecord build() {
            if (key == null || fingerprint == null || code == null || createdAt == null) {
                throw new IllegalStateException("idempotency item lacks one of idemKey, fingerprint, code, createdAt");
            }
            return new IdempotencyRecord(key, fingerprint, new ShortCode(code), StoredInstants.parse(createdAt, CREATED_AT));
        }
    }
}
