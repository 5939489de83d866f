package dev.tern.store;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link LinkImporter} on the links table, writing items exactly as {@link DynamoDbLinkStore} does
 * (its schema maps both).
 *
 * <p>{@link #insertNew} is one {@code TransactWriteItems} of up to 100 conditional puts
 * ({@code attribute_not_exists(code)}, old item returned on failure). When some codes are taken the
 * transaction is cancelled as a whole; the cancellation reasons say which items failed and carry
 * the stored items, so those are reported and the others written again in one more call. A
 * {@code BatchWriteItem} would be cheaper but cannot be conditional: it would overwrite a link
 * created in Tern meanwhile (see {@code docs/adr/2026-11-23-migration.md}).
 *
 * <p>Throttling and transaction conflicts are retried here with exponential backoff (on top of the
 * SDK's own retries) before giving up with {@link StoreUnavailableException}.
 */
public final class DynamoDbLinkImporter implements LinkImporter {
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient client;
    private final String tableName;

    /** An importer into {@code tableName}, sharing {@code client}. */
    public DynamoDbLinkImporter(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** A {@code BatchGetItem} with consistent reads; unprocessed keys are asked for again. */
    @Override
    public Map<ShortCode, Link> findAll(Collection<ShortCode> codes) {
        requireBatchSize(codes.size());
        Map<ShortCode, Link> found = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (ShortCode code : new java.util.LinkedHashSet<>(codes)) {
            keys.add(Map.of(TernTables.LINK_KEY, AttributeValue.fromS(code.value())));
        }
        int attempt = 0;
        while (!keys.isEmpty()) {
            List<Map<String, AttributeValue>> asked = keys;
            BatchGetItemResponse response = call("reading links", attempt, () -> client.batchGetItem(r -> r.requestItems(
                    Map.of(tableName, KeysAndAttributes.builder().keys(asked).consistentRead(true).build()))));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                Link link = DynamoDbLinkStore.SCHEMA.mapToItem(item);
                found.put(link.code(), link);
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            keys = unprocessed == null ? List.of() : unprocessed.keys();
            attempt = keys.isEmpty() ? attempt : backoff(attempt, "reading links");
        }
        return found;
    }

    @Override
    public Map<ShortCode, Link> insertNew(List<Link> links) {
        requireBatch(links);
        Map<ShortCode, Link> taken = new LinkedHashMap<>();
        List<Link> pending = new ArrayList<>(links);
        int attempt = 0;
        while (!pending.isEmpty()) {
            List<TransactWriteItem> items = new ArrayList<>(pending.size());
            for (Link link : pending) {
                items.add(TransactWriteItem.builder().put(put -> put
                        .tableName(tableName)
                        .item(DynamoDbLinkStore.SCHEMA.itemToMap(link, true))
                        .conditionExpression("attribute_not_exists(#code)")
                        .expressionAttributeNames(Map.of("#code", TernTables.LINK_KEY))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
            }
            try {
                client.transactWriteItems(r -> r.transactItems(items));
                return taken;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                List<Link> retry = new ArrayList<>();
                boolean anyTaken = false;
                for (int i = 0; i < pending.size(); i++) {
                    CancellationReason reason = i < reasons.size() ? reasons.get(i) : null;
                    if (reason != null && "ConditionalCheckFailed".equals(reason.code())) {
                        Link stored = reason.hasItem() && !reason.item().isEmpty()
                                ? DynamoDbLinkStore.SCHEMA.mapToItem(reason.item())
                                : null;
                        // Stored already (equal or not: the caller tells them apart); never overwritten.
                        taken.put(pending.get(i).code(), stored == null ? readBack(pending.get(i)) : stored);
                        anyTaken = true;
                    } else {
                        retry.add(pending.get(i));
                    }
                }
                pending = retry;
                if (!anyTaken) {
                    // Nothing was taken: the cancellation was a conflict or a throttle. Wait, then again.
                    attempt = backoff(attempt, "importing links", e);
                }
            } catch (SdkException e) {
                if (DynamoDbErrors.transientReason(e) == null) {
                    throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, "importing links");
                }
                attempt = backoff(attempt, "importing links", e);
            }
        }
        return taken;
    }

    /** The stored link under {@code link}'s code, for a cancellation that did not carry the old item. */
    private Link readBack(Link link) {
        return findAll(List.of(link.code())).getOrDefault(link.code(), link);
    }

    /** {@code BatchWriteItem}s of 25 puts; unprocessed items are sent again with backoff. */
    @Override
    public void overwrite(List<Link> links) {
        requireBatch(links);
        for (int from = 0; from < links.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Link link : links.subList(from, Math.min(links.size(), from + 25))) {
                writes.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(DynamoDbLinkStore.SCHEMA.itemToMap(link, true)).build())
                        .build());
            }
            int attempt = 0;
            while (!writes.isEmpty()) {
                List<WriteRequest> sent = writes;
                BatchWriteItemResponse response = call("overwriting links", attempt,
                        () -> client.batchWriteItem(r -> r.requestItems(Map.of(tableName, sent))));
                writes = response.unprocessedItems().getOrDefault(tableName, List.of());
                attempt = writes.isEmpty() ? attempt : backoff(attempt, "overwriting links");
            }
        }
    }

    private <T> T call(String operation, int attemptSoFar, java.util.function.Supplier<T> request) {
        int attempt = attemptSoFar;
        while (true) {
            try {
                return request.get();
            } catch (SdkException e) {
                if (DynamoDbErrors.transientReason(e) == null) {
                    throw DynamoDbErrors.translate(e, Setting.LINKS_TABLE, tableName, operation);
                }
                attempt = backoff(attempt, operation, e);
            }
        }
    }

    private int backoff(int attempt, String operation) {
        return backoff(attempt, operation, null);
    }

    /** Waits ({@link DynamoDbErrors#pause}) and returns the next attempt number, or gives up after {@value #MAX_ATTEMPTS} attempts. */
    private int backoff(int attempt, String operation, SdkException cause) {
        if (attempt + 1 >= MAX_ATTEMPTS) {
            String reason = cause == null ? "the database kept some writes unprocessed" : DynamoDbErrors.transientReason(cause);
            throw new StoreUnavailableException((reason == null ? "the database is busy" : reason) + " (while " + operation + ")",
                    DynamoDbErrors.RETRY_AFTER, cause);
        }
        DynamoDbErrors.pause(attempt, operation);
        return attempt + 1;
    }

    private static void requireBatch(List<Link> links) {
        requireBatchSize(links.size());
        Set<ShortCode> codes = new HashSet<>();
        for (Link link : links) {
            if (!codes.add(link.code())) {
                throw new IllegalArgumentException("the code " + link.code().value() + " appears twice in one batch");
            }
        }
    }

    private static void requireBatchSize(int size) {
        if (size > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " links per call, got " + size);
        }
    }
}
