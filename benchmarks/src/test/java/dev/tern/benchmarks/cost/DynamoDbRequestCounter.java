package dev.tern.benchmarks.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts what Tern asks of DynamoDB: every call's operation, the capacity DynamoDB says it consumed
 * (the counter asks for it on every call: {@code ReturnConsumedCapacity=TOTAL}) and the bytes of the
 * request and response bodies. The cost model turns these into dollars.
 */
final class DynamoDbRequestCounter implements ExecutionInterceptor {
    /** One DynamoDB call. */
    record Call(String operation, double capacityUnits, long requestBytes, long responseBytes, String tables) {
    }

    /**
     * What DynamoDB charges per item of a {@code TransactWriteItems} (of at most 1 KB): two write units.
     * DynamoDB Local reports a flat 4 units for any transaction, of one item or of fifty (measured with
     * Local 2.6.1), so for transactions its figure is replaced by this one; index writes the
     * transaction causes are not in it.
     */
    static final double TRANSACTIONAL_WRU_PER_ITEM = 2.0;

    private final List<Call> calls = new ArrayList<>();

    /** The calls since the last {@link #reset()}. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        calls.clear();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (request) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> request;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        long requestBytes = context.requestBody().flatMap(RequestBody::optionalContentLength).orElse(0L);
        long responseBytes = context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
        double capacity = context.request() instanceof TransactWriteItemsRequest transaction
                ? TRANSACTIONAL_WRU_PER_ITEM * transaction.transactItems().size()
                : capacity(context.response());
        Call call = new Call(operation, capacity, requestBytes, responseBytes, tables(context.response()));
        synchronized (this) {
            calls.add(call);
        }
    }

    private static double capacity(SdkResponse response) {
        return switch (response) {
            case GetItemResponse r -> units(Optional.ofNullable(r.consumedCapacity()));
            case PutItemResponse r -> units(Optional.ofNullable(r.consumedCapacity()));
            case UpdateItemResponse r -> units(Optional.ofNullable(r.consumedCapacity()));
            case DeleteItemResponse r -> units(Optional.ofNullable(r.consumedCapacity()));
            case QueryResponse r -> units(Optional.ofNullable(r.consumedCapacity()));
            case BatchGetItemResponse r -> r.consumedCapacity().stream().mapToDouble(c -> units(Optional.of(c))).sum();
            case BatchWriteItemResponse r -> r.consumedCapacity().stream().mapToDouble(c -> units(Optional.of(c))).sum();
            case TransactGetItemsResponse r -> r.consumedCapacity().stream().mapToDouble(c -> units(Optional.of(c))).sum();
            case TransactWriteItemsResponse r -> r.consumedCapacity().stream().mapToDouble(c -> units(Optional.of(c))).sum();
            default -> 0;
        };
    }

    private static String tables(SdkResponse response) {
        List<ConsumedCapacity> capacities = switch (response) {
            case GetItemResponse r -> Optional.ofNullable(r.consumedCapacity()).stream().toList();
            case PutItemResponse r -> Optional.ofNullable(r.consumedCapacity()).stream().toList();
            case UpdateItemResponse r -> Optional.ofNullable(r.consumedCapacity()).stream().toList();
            case DeleteItemResponse r -> Optional.ofNullable(r.consumedCapacity()).stream().toList();
            case QueryResponse r -> Optional.ofNullable(r.consumedCapacity()).stream().toList();
            case BatchWriteItemResponse r -> r.consumedCapacity();
            case TransactWriteItemsResponse r -> r.consumedCapacity();
            default -> List.of();
        };
        return capacities.stream().map(c -> c.tableName() + "=" + c.capacityUnits()).sorted().toList().toString();
    }

    private static double units(Optional<ConsumedCapacity> capacity) {
        return capacity.map(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).orElse(0.0);
    }
}
