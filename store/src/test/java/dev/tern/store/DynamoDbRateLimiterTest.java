package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The stored expiry, and what the limiter does when it keeps losing races (a scripted client, no database). */
class DynamoDbRateLimiterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final long NOW_MICROS = NOW.toEpochMilli() * 1_000;
    private static final RateLimit THREE_THEN_TEN_A_MINUTE = new RateLimit(3, 10, Duration.ofMinutes(1));
    private static final long SIX_SECONDS_MICROS = 6_000_000;

    @Test
    void expiresAt_isTheSecondAfterTheBucketCanBeFullPlusAnHour() {
        assertThat(DynamoDbRateLimiter.expiresAt(NOW_MICROS)).isEqualTo(NOW.getEpochSecond() + 3600);
        assertThat(DynamoDbRateLimiter.expiresAt(NOW_MICROS + 1)).isEqualTo(NOW.getEpochSecond() + 1 + 3600);
    }

    @Test
    void tryAcquire_bucketChangingUnderEveryWrite_givesUpAfterFiveWritesWithStoreUnavailable() {
        List<UpdateItemRequest> writes = new ArrayList<>();
        // Each write finds the bucket as the other step needs it: full when it tries "not full", and back.
        DynamoDbClient client = scripted(get -> Map.of(), update -> {
            writes.add(update);
            long fullAt = update.conditionExpression().startsWith("attribute_not_exists")
                    ? NOW_MICROS + SIX_SECONDS_MICROS
                    : NOW_MICROS - 1;
            throw ConditionalCheckFailedException.builder().message("The conditional request failed")
                    .item(item(fullAt, SIX_SECONDS_MICROS)).build();
        });

        assertThatThrownBy(() -> new DynamoDbRateLimiter(client, "t-rate-limits").tryAcquire("k", THREE_THEN_TEN_A_MINUTE, NOW))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(writes).hasSize(DynamoDbRateLimiter.MAX_WRITES);
    }

    @Test
    void tryAcquire_conditionFailedWithoutTheItem_readsItConsistentlyAndDecidesFromThat() {
        List<Boolean> reads = new ArrayList<>();
        DynamoDbClient client = scripted(get -> {
            reads.add(Boolean.TRUE.equals(get.consistentRead()));
            // first read: absent; consistent read after the failed write: another caller drained it
            return reads.size() == 1 ? Map.of() : item(NOW_MICROS + 3 * SIX_SECONDS_MICROS, SIX_SECONDS_MICROS);
        }, update -> {
            throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
        });

        RateDecision decision = new DynamoDbRateLimiter(client, "t-rate-limits").tryAcquire("k", THREE_THEN_TEN_A_MINUTE, NOW);

        assertThat(decision).isEqualTo(RateDecision.refuse(Duration.ofSeconds(6)));
        assertThat(reads).containsExactly(false, true);
    }

    private static Map<String, AttributeValue> item(long fullAt, long interval) {
        return Map.of("key", AttributeValue.fromS("k"), "fullAt", AttributeValue.fromN(Long.toString(fullAt)),
                "interval", AttributeValue.fromN(Long.toString(interval)));
    }

    /** A client answering {@code GetItem} and {@code UpdateItem} from the given functions. */
    private static DynamoDbClient scripted(Function<GetItemRequest, Map<String, AttributeValue>> get,
            Function<UpdateItemRequest, UpdateItemResponse> update) {
        return new DynamoDbClient() {
            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return GetItemResponse.builder().item(get.apply(request)).build();
            }

            @Override
            public UpdateItemResponse updateItem(UpdateItemRequest request) {
                return update.apply(request);
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
    }
}
