package dev.tern.store.status;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.settings.Setting;
import java.time.Duration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The health table's layout ({@code dev.tern.store.TernTables}: partition key {@code pk}, sort key
 * {@code sk}, TTL {@code expiresAt}) and the status stores' error rule.
 */
final class HealthTable {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String EXPIRES_AT = "expiresAt";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private HealthTable() {
    }

    /**
     * What a failed call means: a retryable failure (throttling, 5xx, timeouts, I/O) is a
     * {@link StoreUnavailableException}; anything else (a missing table, a refused request) an
     * {@link IllegalStateException} naming {@code TERN_HEALTH_TABLE}, for the logs. The same rule as the
     * other stores' {@code DynamoDbErrors}, which is private to its package.
     */
    static RuntimeException translate(SdkException e, String tableName, String operation) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new StoreUnavailableException("the database did not answer in time", RETRY_AFTER, e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new IllegalStateException("The DynamoDB table '" + tableName + "' named by "
                    + Setting.HEALTH_TABLE.variable() + " does not exist in this region (while " + operation + ")", e);
        }
        if (e.retryable() || e instanceof SdkClientException) {
            return new StoreUnavailableException("the database is unavailable", RETRY_AFTER, e);
        }
        return new IllegalStateException("DynamoDB refused " + operation + " on the table '" + tableName + "' ("
                + Setting.HEALTH_TABLE.variable() + "): " + e.getMessage(), e);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
