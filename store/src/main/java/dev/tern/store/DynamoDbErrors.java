package dev.tern.store;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.settings.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The one place where SDK failures become Tern's: every store catches {@link SdkException} and
 * throws what {@link #translate} returns, so no SDK type escapes the store module.
 *
 * <ul>
 *   <li>Throttling, 5xx, transaction conflicts, timeouts and I/O failures: {@link StoreUnavailableException}
 *       (503 with {@code Retry-After: 1}). Its reason is generic: no table names, no SDK messages.
 *       So is a store's giving up on an item it kept losing races for ({@link #contended}).
 *   <li>Everything else (a missing table, a validation error, missing credentials): an
 *       {@link IllegalStateException} whose message names the table's setting, for the logs. These
 *       are deployment mistakes, not conditions a retry fixes.
 * </ul>
 */
final class DynamoDbErrors {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** Error codes DynamoDB uses for conditions that pass on their own; the SDK's own list covers the rest. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "TransactionConflict", "TransactionConflictException", "TransactionInProgressException",
            "ReplicatedWriteConflictException", "InternalServerError", "InternalFailure", "ServiceUnavailable");
    /** Cancellation reasons of a transaction that a retry can get past. */
    private static final Set<String> TRANSIENT_CANCELLATIONS = Set.of(
            "None", "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private DynamoDbErrors() {
    }

    /**
     * What a failed call on the table configured by {@code table} means to Tern.
     *
     * @param tableName the table's name (only in messages meant for logs)
     * @param operation what the store was doing, e.g. {@code "reading a link"}
     */
    static RuntimeException translate(SdkException e, Setting table, String tableName, String operation) {
        Objects.requireNonNull(e, "e");
        String reason = transientReason(e);
        if (reason != null) {
            return new StoreUnavailableException(reason, RETRY_AFTER, e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new IllegalStateException("The DynamoDB table '" + tableName + "' named by " + table.variable()
                    + " does not exist in this region or is not ACTIVE (while " + operation
                    + "): deploy it, or correct " + table.variable(), e);
        }
        if (e instanceof AwsServiceException service) {
            return new IllegalStateException("DynamoDB refused " + operation + " on the table '" + tableName + "' ("
                    + table.variable() + "): " + errorCode(service) + ": " + service.getMessage(), e);
        }
        return new IllegalStateException("The DynamoDB client failed while " + operation + " on the table '" + tableName
                + "' (" + table.variable() + "): " + e.getMessage(), e);
    }

    /**
     * The store kept losing a race for one item (its conditional writes kept failing because others
     * wrote first) and gave up: like throttling, a retry shortly after will get through.
     */
    static StoreUnavailableException contended() {
        return new StoreUnavailableException("the database is busy", RETRY_AFTER, null);
    }

    /**
     * Waits before retry number {@code attempt + 1} of a transient failure: 50 ms, 100 ms, 200 ms …
     * (at most 5 s), with jitter so that writers that failed together do not retry together.
     *
     * @throws StoreUnavailableException if the thread is interrupted meanwhile
     */
    static void pause(int attempt, String operation) {
        long ceiling = Math.min(5_000L, 50L << Math.min(attempt, 20));
        long sleep = ceiling / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while " + operation, RETRY_AFTER, e);
        }
    }

    /** A generic, client-safe reason when {@code e} is transient (a retry may succeed), else {@code null}. */
    static String transientReason(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "the database did not answer in time";
        }
        if (e instanceof AwsServiceException service) {
            if (isThrottling(service)) {
                return "the database is throttling requests";
            }
            if (service instanceof InternalServerErrorException || service instanceof TransactionConflictException
                    || service.statusCode() >= 500 || TRANSIENT_CODES.contains(errorCode(service))) {
                return "the database is temporarily unavailable";
            }
            if (service instanceof TransactionCanceledException cancelled && onlyTransientCancellations(cancelled)) {
                return "the database is temporarily unavailable";
            }
            return null;
        }
        if (e instanceof AbortedException) {
            return "the database call was interrupted";
        }
        if (e instanceof SdkClientException && causedByIo(e)) {
            return "the database could not be reached";
        }
        return null;
    }

    private static boolean isThrottling(AwsServiceException e) {
        String code = errorCode(e);
        return e.isThrottlingException()
                || e instanceof ProvisionedThroughputExceededException
                || e instanceof RequestLimitExceededException
                || code.startsWith("Throttling");
    }

    private static boolean onlyTransientCancellations(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return !reasons.isEmpty() && reasons.stream().allMatch(r -> TRANSIENT_CANCELLATIONS.contains(String.valueOf(r.code())))
                && reasons.stream().anyMatch(r -> !"None".equals(r.code()));
    }

    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static boolean causedByIo(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
