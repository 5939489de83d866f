package dev.tern.store;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.core.ratelimit.TokenBuckets;
import dev.tern.core.ratelimit.TokenBuckets.Bucket;
import dev.tern.core.ratelimit.TokenBuckets.Rate;
import dev.tern.core.settings.Setting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link RateLimiter} on a DynamoDB table with partition key {@code key}; one item per bucket:
 *
 * <pre>
 * key S (key) | fullAt N (epoch µs: when the bucket is full again) | interval N (µs one token takes)
 * | expiresAt N (TTL, epoch s)
 * </pre>
 *
 * <p>A bucket is stored as the instant it is full again, not as a count of tokens (the "generic cell
 * rate algorithm" form of a token bucket). At {@code now} it lacks {@code debt = max(0, fullAt - now)}
 * worth of tokens; a request is allowed while one whole token is there,
 * {@code debt <= (burst - 1) × interval}, and takes it by moving {@code fullAt} one interval later.
 * That makes taking a token from a bucket that is not full an atomic increment with a condition,
 * which any number of containers can do at once without losing a race:
 *
 * <ol>
 *   <li>An eventually consistent {@code GetItem}. If it shows no whole token the request is refused
 *       with no write: {@code fullAt} only grows, so a stale read shows more tokens than there are,
 *       never fewer, and a refusal read from it stands. A flood of refused requests costs reads.
 *   <li>A full (or absent) bucket: {@code SET fullAt = :now + interval} on condition
 *       {@code attribute_not_exists(key) OR fullAt <= :now}.
 *   <li>A bucket that is not full: {@code SET fullAt = fullAt + :interval} on condition
 *       {@code fullAt > :now AND fullAt <= :now + (burst - 1) × interval AND interval = :interval}.
 *       DynamoDB checks the condition against the item as it is when it applies the write, so of
 *       any number of concurrent writers exactly as many succeed as there are tokens.
 *   <li>A failed condition returns the item as it now is ({@code ALL_OLD}) and the step that item
 *       calls for is taken (refuse, 2 or 3): a race costs one more write, not a read. A bucket
 *       changes between full and not full at most once in a race, so a call settles within two or
 *       three writes; after {@value #MAX_WRITES} it gives up with {@link StoreUnavailableException}
 *       rather than spin (the limit flapping between two values during a deployment could do that).
 * </ol>
 *
 * <p><b>A changed limit.</b> A bucket stored under another interval is first re-measured in the new
 * one, by a write conditioned on the item as read: the tokens it lacks carry over, counted in
 * requests (a partly refilled one as lacking). A changed burst needs no write: the debt is compared
 * with the new burst, so a lowered burst makes the caller wait until enough tokens are back.
 *
 * <p><b>Units.</b> Whole microseconds: an interval is rounded up to one, so at most a million
 * requests a second, and a limit whose empty bucket takes over 100 years to fill is rejected.
 * {@code expiresAt} is the latest the bucket can be full again plus an hour; TTL then deletes idle
 * buckets. An absent bucket is a full one, so nothing depends on when TTL deletes an item.
 *
 * <p><b>Failures.</b> Throttling, timeouts, an unreachable DynamoDB, and giving up on a contended
 * bucket throw core's {@link StoreUnavailableException}; callers answer 503 with {@code Retry-After}.
 * Not fail open (allowing the request unlimited): DynamoDB throttles when a flood hits, which is
 * when the limit matters. Not a refusal (429): it would tell an honest client that it is over its
 * limit when it is not, and the create it guards needs DynamoDB as well. A write whose answer is
 * lost (applied, but the attempt timed out) has taken its token: the SDK's retry, or the caller's
 * after the 503, takes another. So a lost answer errs towards limiting, never past the limit.
 *
 * <p>The table is regional (see {@link TableDefinition.Replication#REGIONAL}): limits are per region.
 */
public final class DynamoDbRateLimiter implements RateLimiter {
    /** The longest key, in UTF-8 bytes (DynamoDB allows partition keys of up to 2048). */
    public static final int MAX_KEY_BYTES = TokenBuckets.MAX_KEY_BYTES;
    static final String FULL_AT = "fullAt";
    static final String INTERVAL = "interval";
    /** How long a bucket outlives the latest instant it can be full again (clock skew between containers). */
    static final Duration EXPIRY_MARGIN = Duration.ofHours(1);
    static final int MAX_WRITES = 5;

    private final DynamoDbClient client;
    private final String tableName;

    /** A limiter on {@code tableName}, sharing {@code client}. */
    public DynamoDbRateLimiter(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code key} is empty or longer than {@value #MAX_KEY_BYTES}
     *                                  bytes of UTF-8, or the limit's bucket takes over 100 years to fill
     * @throws StoreUnavailableException if DynamoDB is unavailable, throttles, or the bucket is too
     *                                  contended to settle: answer 503
     */
    @Override
    public RateDecision tryAcquire(String key, RateLimit limit, Instant now) {
        TokenBuckets.requireKey(key);
        Rate rate = Rate.of(Objects.requireNonNull(limit, "limit"));
        long at = TokenBuckets.micros(Objects.requireNonNull(now, "now"));
        Optional<Bucket> bucket = read(key, false);
        for (int writes = 0; ; writes++) {
            long debt = bucket.map(b -> b.debtAt(at, rate.interval())).orElse(0L);
            boolean remeasure = debt > 0 && bucket.get().interval() != rate.interval();
            if (!remeasure && !rate.hasTokenAt(debt)) {
                return RateDecision.refuse(rate.waitFor(debt));
            }
            if (writes == MAX_WRITES) {
                throw DynamoDbErrors.contended();
            }
            try {
                if (remeasure) {
                    bucket = Optional.of(remeasure(key, bucket.get(), new Bucket(at + debt, rate.interval()), rate, at));
                } else if (debt == 0) {
                    takeFromFull(key, rate, at);
                    return RateDecision.allow(rate.burst() - 1);
                } else {
                    long fullAt = take(key, rate, at);
                    return RateDecision.allow(rate.remainingAfter(fullAt - at));
                }
            } catch (ConditionalCheckFailedException e) {
                bucket = e.hasItem() && !e.item().isEmpty() ? Optional.of(bucketFrom(e.item())) : read(key, true);
            } catch (SdkException e) {
                throw DynamoDbErrors.translate(e, Setting.RATE_LIMITS_TABLE, tableName, "taking a rate-limit token");
            }
        }
    }

    /** Step 2: a full or absent bucket becomes one lacking one token. */
    private void takeFromFull(String key, Rate rate, long at) {
        client.updateItem(update(key)
                .updateExpression("SET #fullAt = :fullAt, #interval = :interval, #expiresAt = :expiresAt")
                .conditionExpression("attribute_not_exists(#key) OR #fullAt <= :now")
                .expressionAttributeNames(Map.of("#key", TernTables.RATE_LIMIT_KEY, "#fullAt", FULL_AT,
                        "#interval", INTERVAL, "#expiresAt", TernTables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":fullAt", number(at + rate.interval()), ":interval", number(rate.interval()),
                        ":expiresAt", number(expiresAt(at + rate.capacity())), ":now", number(at)))
                .build());
    }

    /** Step 3: one more token from a bucket that is not full; returns the new {@code fullAt}. */
    private long take(String key, Rate rate, long at) {
        Map<String, AttributeValue> updated = client.updateItem(update(key)
                .updateExpression("SET #fullAt = #fullAt + :interval, #expiresAt = :expiresAt")
                .conditionExpression("#fullAt > :now AND #fullAt <= :lastToken AND #interval = :interval")
                .expressionAttributeNames(Map.of("#fullAt", FULL_AT, "#interval", INTERVAL, "#expiresAt", TernTables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":interval", number(rate.interval()), ":now", number(at),
                        ":lastToken", number(at + rate.capacity() - rate.interval()), ":expiresAt", number(expiresAt(at + rate.capacity()))))
                .returnValues(ReturnValue.UPDATED_NEW)
                .build()).attributes();
        return longOf(updated, FULL_AT);
    }

    /** A bucket stored under another interval, re-measured as {@code next}, if it is still as read. */
    private Bucket remeasure(String key, Bucket read, Bucket next, Rate rate, long at) {
        client.updateItem(update(key)
                .updateExpression("SET #fullAt = :fullAt, #interval = :interval, #expiresAt = :expiresAt")
                .conditionExpression("#fullAt = :readFullAt AND #interval = :readInterval")
                .expressionAttributeNames(Map.of("#fullAt", FULL_AT, "#interval", INTERVAL, "#expiresAt", TernTables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":fullAt", number(next.fullAt()), ":interval", number(next.interval()),
                        ":expiresAt", number(expiresAt(Math.max(next.fullAt(), at + rate.capacity()))),
                        ":readFullAt", number(read.fullAt()), ":readInterval", number(read.interval())))
                .build());
        return next;
    }

    private UpdateItemRequest.Builder update(String key) {
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(TernTables.RATE_LIMIT_KEY, AttributeValue.fromS(key)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    private Optional<Bucket> read(String key, boolean consistent) {
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                    .key(Map.of(TernTables.RATE_LIMIT_KEY, AttributeValue.fromS(key)))
                    .projectionExpression("#fullAt, #interval")
                    .expressionAttributeNames(Map.of("#fullAt", FULL_AT, "#interval", INTERVAL))
                    .consistentRead(consistent)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(bucketFrom(item));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.RATE_LIMITS_TABLE, tableName, "reading a rate-limit bucket");
        }
    }

    /** The TTL (epoch seconds) of a bucket that is full again at {@code fullAt} at the latest. */
    static long expiresAt(long fullAt) {
        return Math.ceilDiv(fullAt, 1_000_000L) + EXPIRY_MARGIN.toSeconds();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("rate-limit item lacks the number " + attribute);
        }
        return Long.parseLong(value.n());
    }

    private static Bucket bucketFrom(Map<String, AttributeValue> item) {
        return new Bucket(longOf(item, FULL_AT), longOf(item, INTERVAL));
    }
}
