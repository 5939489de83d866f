package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.testkit.FaultInjector.Fault;
import dev.tern.testkit.FaultInjector.Mode;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The injector's rules, driven through its hooks directly (the store ITs drive it through a real client). */
class FaultInjectorTest {
    private final FaultInjector faults = new FaultInjector();

    @Test
    void failNext_failsExactlyThatManyMatchingCalls() {
        faults.failNext(2, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThat(outcomes("GetItem", Mode.BEFORE_SEND, 4)).containsExactly(true, true, false, false);
        assertThat(faults.injected("GetItem")).isEqualTo(2);
        assertThat(faults.calls("GetItem", Mode.BEFORE_SEND)).isEqualTo(4);
    }

    @Test
    void rules_applyOnlyToTheirOperationAndMode() {
        faults.failNext(5, "PutItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        assertThat(outcomes("GetItem", Mode.AFTER_RESPONSE, 2)).containsOnly(false);
        assertThat(outcomes("PutItem", Mode.BEFORE_SEND, 2)).containsOnly(false);
        assertThat(outcomes("PutItem", Mode.AFTER_RESPONSE, 1)).containsOnly(true);
        assertThat(faults.injected()).isEqualTo(1);
    }

    @Test
    void failEvery_failsEveryKthCall() {
        faults.failEvery(3, FaultInjector.ANY, Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThat(outcomes("Query", Mode.BEFORE_SEND, 6)).containsExactly(false, false, true, false, false, true);
    }

    @Test
    void failRandomly_sameSeed_failsTheSameCalls() {
        FaultInjector other = new FaultInjector();
        faults.failRandomly(0.3, 42L, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);
        other.failRandomly(0.3, 42L, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        List<Boolean> first = outcomes("GetItem", Mode.BEFORE_SEND, 200);
        List<Boolean> second = outcomes(other, "GetItem", Mode.BEFORE_SEND, 200);

        assertThat(first).isEqualTo(second).contains(true, false);
        assertThat(faults.injected()).isBetween(30, 90);
    }

    @Test
    void clear_stopsInjectingButKeepsTheCounts() {
        faults.failNext(10, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);
        outcomes("GetItem", Mode.BEFORE_SEND, 1);

        faults.clear();

        assertThat(outcomes("GetItem", Mode.BEFORE_SEND, 3)).containsOnly(false);
        assertThat(faults.injected()).isEqualTo(1);
    }

    @Test
    void throttling_isADynamoDbThrottlingException() {
        faults.failNext(1, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThatThrownBy(() -> before(faults, "GetItem"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                });
    }

    @Test
    void timeout_beforeSendingIsASocketTimeout_afterTheResponseAnApiCallTimeout() {
        faults.failNext(1, "PutItem", Mode.BEFORE_SEND, Fault.TIMEOUT);
        faults.failNext(1, "PutItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);

        assertThatThrownBy(() -> before(faults, "PutItem"))
                .isInstanceOf(SdkClientException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> faults.afterExecution(null, attributes("PutItem")))
                .isInstanceOf(ApiCallTimeoutException.class);
    }

    private List<Boolean> outcomes(String operation, Mode mode, int calls) {
        return outcomes(faults, operation, mode, calls);
    }

    private static List<Boolean> outcomes(FaultInjector injector, String operation, Mode mode, int calls) {
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                if (mode == Mode.BEFORE_SEND) {
                    before(injector, operation);
                } else {
                    injector.afterExecution(null, attributes(operation));
                }
                failed.add(false);
            } catch (RuntimeException e) {
                failed.add(true);
            }
        }
        return failed;
    }

    private static void before(FaultInjector injector, String operation) {
        injector.beforeTransmission(null, attributes(operation));
    }

    private static ExecutionAttributes attributes(String operation) {
        return new ExecutionAttributes().putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
    }

    @Test
    void noRules_neverFails() {
        assertThatCode(() -> outcomes("GetItem", Mode.BEFORE_SEND, 3)).doesNotThrowAnyException();
        assertThat(faults.injected()).isZero();
    }
}
