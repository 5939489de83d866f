package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.settings.Setting;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

class DynamoDbErrorsTest {
    private static final String TABLE = "prod-links-table";

    static Stream<Arguments> transientFailures() {
        return Stream.of(
                Arguments.of("throttling error code", service(400, "ThrottlingException")),
                Arguments.of("older throttling code", service(400, "Throttling")),
                Arguments.of("provisioned throughput exceeded", ProvisionedThroughputExceededException.builder()
                        .statusCode(400).awsErrorDetails(details("ProvisionedThroughputExceededException")).build()),
                Arguments.of("request limit exceeded", RequestLimitExceededException.builder()
                        .statusCode(400).awsErrorDetails(details("RequestLimitExceeded")).build()),
                Arguments.of("internal server error", InternalServerErrorException.builder()
                        .statusCode(500).awsErrorDetails(details("InternalServerError")).build()),
                Arguments.of("any 5xx", service(503, "ServiceUnavailable")),
                Arguments.of("transaction conflict", TransactionConflictException.builder()
                        .statusCode(400).awsErrorDetails(details("TransactionConflictException")).build()),
                Arguments.of("MRSC write conflict", service(400, "ReplicatedWriteConflictException")),
                Arguments.of("transaction cancelled by a conflict", TransactionCanceledException.builder()
                        .statusCode(400).awsErrorDetails(details("TransactionCanceledException"))
                        .cancellationReasons(reason("None"), reason("TransactionConflict")).build()),
                Arguments.of("call timeout", ApiCallTimeoutException.create(2000)),
                Arguments.of("attempt timeout", ApiCallAttemptTimeoutException.create(1000)),
                Arguments.of("I/O failure", SdkClientException.builder().message("Unable to execute HTTP request")
                        .cause(new IOException("Connection reset")).build()),
                Arguments.of("interrupted", AbortedException.builder().message("interrupted").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFailures")
    void translate_transientFailure_isStoreUnavailableWithoutInternals(String what, SdkException failure) {
        RuntimeException translated = DynamoDbErrors.translate(failure, Setting.LINKS_TABLE, TABLE, "reading a link");

        assertThat(translated).isInstanceOf(StoreUnavailableException.class);
        StoreUnavailableException unavailable = (StoreUnavailableException) translated;
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(unavailable.detail()).doesNotContain(TABLE, "TERN_", "Dynamo", "Exception");
        assertThat(unavailable.getCause()).isSameAs(failure);
    }

    static Stream<Arguments> permanentFailures() {
        return Stream.of(
                Arguments.of("validation", service(400, "ValidationException")),
                Arguments.of("access denied", service(400, "AccessDeniedException")),
                Arguments.of("transaction cancelled by validation", TransactionCanceledException.builder()
                        .statusCode(400).awsErrorDetails(details("TransactionCanceledException"))
                        .cancellationReasons(reason("ValidationError"), reason("None")).build()),
                Arguments.of("no credentials", SdkClientException.create("Unable to load credentials from any of the providers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permanentFailures")
    void translate_permanentFailure_isIllegalStateNamingTheSetting(String what, SdkException failure) {
        RuntimeException translated = DynamoDbErrors.translate(failure, Setting.CLICKS_TABLE, TABLE, "counting clicks");

        assertThat(translated).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TERN_CLICKS_TABLE").hasMessageContaining("counting clicks").hasCause(failure);
    }

    @org.junit.jupiter.api.Test
    void translate_missingTable_saysToDeployOrCorrectTheSetting() {
        ResourceNotFoundException missing = ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException")).message("Requested resource not found").build();

        assertThat(DynamoDbErrors.translate(missing, Setting.IDEMPOTENCY_TABLE, "idem", "claiming an Idempotency-Key"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'idem'").hasMessageContaining("TERN_IDEMPOTENCY_TABLE").hasMessageContaining("does not exist");
    }

    private static DynamoDbException service(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status).awsErrorDetails(details(code)).message(code).build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code).serviceName("DynamoDb").build();
    }

    private static CancellationReason reason(String code) {
        return CancellationReason.builder().code(code).build();
    }
}
