package dev.tern.testkit;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Makes chosen DynamoDB calls fail, for tests of what callers do with failures. Register it on a
 * client ({@code DynamoDbStores.open(settings, region, List.of(faults))}) and arm rules while the
 * test runs; it is thread-safe.
 *
 * <pre>{@code
 * faults.failNext(3, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);
 * faults.failNext(1, "TransactWriteItems", Mode.AFTER_RESPONSE, Fault.TIMEOUT);
 * faults.failRandomly(0.2, 42L, "*", Mode.BEFORE_SEND, Fault.THROTTLING);
 * faults.slowResponsesTake(Duration.ofSeconds(3)).failNext(5, "GetItem", Mode.BEFORE_SEND, Fault.SLOW);
 * }</pre>
 *
 * <h2>Where a fault strikes, and the SDK's own retries</h2>
 *
 * <ul>
 *   <li>{@link Mode#BEFORE_SEND} fails an <em>attempt</em> before it is sent (the database never
 *       sees it), from {@code beforeTransmission}. That hook runs inside the SDK's retry loop, so
 *       the SDK retries a retryable fault (both {@link Fault}s are) and the rule is consulted again
 *       for the retry: {@code failNext(1, ...)} is absorbed by the SDK and the caller sees success;
 *       to make a failure reach the caller, fail at least as many attempts as the client makes
 *       (Tern's clients make 3). Each attempt counts as a call in {@link #calls}.
 *   <li>{@link Mode#AFTER_RESPONSE} fails a whole <em>call</em> after the database answered
 *       successfully, from {@code afterExecution}: the write was applied but the caller sees a
 *       failure (a lost acknowledgement). That hook runs after the SDK's retry loop, so the SDK
 *       does not retry it; the caller's own retry is what is under test.
 * </ul>
 */
public final class FaultInjector implements ExecutionInterceptor {
    /** Matches every operation. */
    public static final String ANY = "*";

    /** Where the fault strikes. */
    public enum Mode {
        /** Before the attempt is sent: nothing reaches the database. Runs once per SDK attempt. */
        BEFORE_SEND,
        /** After a successful answer: the database applied the call, the caller sees a failure. Once per call. */
        AFTER_RESPONSE
    }

    /** What the caller sees. */
    public enum Fault {
        /** A {@code DynamoDbException}, HTTP 400, error code {@code ThrottlingException}. */
        THROTTLING,
        /**
         * A timeout: before sending, an {@code SdkClientException} caused by a
         * {@code SocketTimeoutException} (what the HTTP client throws); after the response, an
         * {@code ApiCallTimeoutException} (the call's time ran out while the answer was on its way).
         */
        TIMEOUT,
        /** A {@code DynamoDbException}, HTTP 500, error code {@code InternalServerError}: the service failed. */
        SERVER_ERROR,
        /**
         * No failure, but a slow answer: the hook sleeps {@link #slowResponsesTake(Duration)} (2 s unless
         * set) and then lets the call go on. Before sending, the SDK's attempt and call timeouts still
         * run, so a delay longer than them becomes their timeout, as a slow database does.
         */
        SLOW
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Map<String, Integer> injected = new HashMap<>();
    private volatile Duration slowDelay = Duration.ofSeconds(2);

    /** How long a {@link Fault#SLOW} call is held. */
    public FaultInjector slowResponsesTake(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        slowDelay = delay;
        return this;
    }

    /** Fails the next {@code count} matching calls. */
    public synchronized FaultInjector failNext(int count, String operation, Mode mode, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        rules.add(new Rule(operation, mode, fault, Kind.NEXT, count, 0, null));
        return this;
    }

    /** Fails every {@code k}-th matching call (the k-th, 2k-th, ...). */
    public synchronized FaultInjector failEvery(int k, String operation, Mode mode, Fault fault) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        rules.add(new Rule(operation, mode, fault, Kind.EVERY, k, 0, null));
        return this;
    }

    /** Fails each matching call with probability {@code p}, drawn from a generator seeded with {@code seed}. */
    public synchronized FaultInjector failRandomly(double p, long seed, String operation, Mode mode, Fault fault) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within 0 and 1");
        }
        rules.add(new Rule(operation, mode, fault, Kind.RANDOM, 0, p, new Random(seed)));
        return this;
    }

    /** Removes every rule (the counts stay). */
    public synchronized void clear() {
        rules.clear();
    }

    /** Faults injected so far, all operations. */
    public synchronized int injected() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Faults injected so far into {@code operation} (e.g. {@code "GetItem"}). */
    public synchronized int injected(String operation) {
        return injected.getOrDefault(operation, 0);
    }

    /**
     * How often the hook of {@code mode} saw {@code operation}: attempts for {@link Mode#BEFORE_SEND},
     * successful calls for {@link Mode#AFTER_RESPONSE}.
     */
    public synchronized int calls(String operation, Mode mode) {
        return calls.getOrDefault(mode + " " + operation, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkException fault = decide(operation(attributes), Mode.BEFORE_SEND);
        if (fault != null && fault != SLOW_MARKER) {
            throw fault;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkException fault = decide(operation(attributes), Mode.AFTER_RESPONSE);
        if (fault != null && fault != SLOW_MARKER) {
            throw fault;
        }
    }

    /** Returned by {@link #choose} for a {@link Fault#SLOW} rule: sleep, then go on. */
    private static final SdkException SLOW_MARKER = SdkClientException.create("slow (never thrown)");

    private SdkException decide(String operation, Mode mode) {
        SdkException fault = choose(operation, mode);
        if (fault == SLOW_MARKER) {
            try {
                Thread.sleep(slowDelay); // outside the lock: other calls go on meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SdkClientException.builder().message("interrupted while held slow by FaultInjector").cause(e).build();
            }
        }
        return fault;
    }

    private synchronized SdkException choose(String operation, Mode mode) {
        calls.merge(mode + " " + operation, 1, Integer::sum);
        for (Rule rule : rules) {
            if (rule.mode == mode && rule.matches(operation) && rule.fires()) {
                injected.merge(operation, 1, Integer::sum);
                return rule.fault == Fault.SLOW ? SLOW_MARKER : exception(rule.fault, mode, operation);
            }
        }
        return null;
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "" : name;
    }

    private static SdkException exception(Fault fault, Mode mode, String operation) {
        String what = "injected by FaultInjector into " + operation + " (" + mode.name().toLowerCase(Locale.ROOT) + ")";
        return switch (fault) {
            case THROTTLING -> DynamoDbException.builder()
                    .message("Rate of requests exceeds the allowed throughput: " + what)
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ThrottlingException")
                            .errorMessage("Rate of requests exceeds the allowed throughput")
                            .serviceName("DynamoDb")
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                            .build())
                    .build();
            case SERVER_ERROR -> DynamoDbException.builder()
                    .message("Internal server error: " + what)
                    .statusCode(500)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("InternalServerError")
                            .errorMessage("Internal server error")
                            .serviceName("DynamoDb")
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(500).build())
                            .build())
                    .build();
            case SLOW -> SLOW_MARKER;
            case TIMEOUT -> mode == Mode.BEFORE_SEND
                    ? SdkClientException.builder()
                            .message("Unable to execute HTTP request: Read timed out: " + what)
                            .cause(new SocketTimeoutException("Read timed out"))
                            .build()
                    : ApiCallTimeoutException.builder()
                            .message("Client execution did not complete before the specified timeout configuration: " + what)
                            .build();
        };
    }

    private enum Kind { NEXT, EVERY, RANDOM }

    /** One armed rule; guarded by the injector's lock. */
    private static final class Rule {
        final String operation;
        final Mode mode;
        final Fault fault;
        final Kind kind;
        final int period;
        final double probability;
        final Random random;
        int remaining;
        int seen;

        Rule(String operation, Mode mode, Fault fault, Kind kind, int count, double probability, Random random) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.mode = Objects.requireNonNull(mode, "mode");
            this.fault = Objects.requireNonNull(fault, "fault");
            this.kind = kind;
            this.period = count;
            this.remaining = count;
            this.probability = probability;
            this.random = random;
        }

        boolean matches(String candidate) {
            return ANY.equals(operation) || operation.equalsIgnoreCase(candidate);
        }

        boolean fires() {
            switch (kind) {
                case NEXT:
                    if (remaining == 0) {
                        return false;
                    }
                    remaining--;
                    return true;
                case EVERY:
                    seen++;
                    return seen % period == 0;
                default:
                    return random.nextDouble() < probability;
            }
        }
    }
}
