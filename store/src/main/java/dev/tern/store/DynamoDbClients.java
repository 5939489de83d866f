package dev.tern.store;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one DynamoDB client a container uses. Build it once (in a composition root, not in
 * static initialisation: nothing random or unique may be captured by a SnapStart snapshot before
 * it is needed) and share it between the stores.
 *
 * <ul>
 *   <li>HTTP: the JDK's {@code HttpURLConnection} ({@code url-connection-client}); the Apache and Netty
 *       clients are excluded from the build because they cost cold-start time. With
 *       {@code TERN_DYNAMODB_HTTP_CLIENT=crt} the AWS CRT client instead, where the zip carries it
 *       ({@code docs/PERFORMANCE.md} compares the two).
 *   <li>Time: {@code apiCallTimeout} = the settings' call timeout, SDK retries included;
 *       {@code apiCallAttemptTimeout} = half of it, at least {@value #MIN_ATTEMPT_TIMEOUT_MILLIS} ms, so a
 *       single slow attempt leaves room for one retry.
 *   <li>Retries: the SDK's standard strategy (exponential backoff with full jitter, a token bucket
 *       that stops retrying when most calls fail), at most {@value #MAX_ATTEMPTS} attempts. Its
 *       throttling backoff (1 s base by default) is shortened to the ordinary one, 100 ms doubling
 *       up to 1 s: with the default 2 s call timeout the SDK's own backoff would otherwise use up the
 *       whole budget on one retry, and a visitor would wait 2 s for a 503 instead of about 300 ms.
 *   <li>Credentials: with an endpoint override (DynamoDB Local) fixed dummy credentials, so no
 *       credential chain is searched; otherwise the SDK's default chain (environment variables
 *       first, which is what Lambda provides).
 * </ul>
 */
public final class DynamoDbClients {
    static final int MAX_ATTEMPTS = 3;
    static final long MIN_ATTEMPT_TIMEOUT_MILLIS = 300;
    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private DynamoDbClients() {
    }

    /**
     * A client for {@code settings}.
     *
     * @param interceptors extra interceptors, in order (tests use them to inject faults)
     */
    public static DynamoDbClient create(StoreSettings settings, List<ExecutionInterceptor> interceptors) {
        Duration attemptTimeout = attemptTimeout(settings.callTimeout());
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(httpClient(settings.httpClient(), attemptTimeout))
                .region(Region.of(settings.awsRegion()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(settings.callTimeout())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                                .build())
                        .executionInterceptors(List.copyOf(interceptors))
                        .build());
        if (settings.endpoint().isPresent()) {
            // DynamoDB Local accepts any key id made of letters and digits only (no '-').
            builder.endpointOverride(settings.endpoint().get())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("ternlocal", "ternlocal")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static SdkHttpClient httpClient(StoreSettings.HttpClient choice, Duration attemptTimeout) {
        if (choice == StoreSettings.HttpClient.CRT) {
            try {
                return CrtHttpClients.create(attemptTimeout);
            } catch (NoClassDefFoundError e) {
                throw new IllegalStateException("TERN_DYNAMODB_HTTP_CLIENT=crt, but the AWS CRT HTTP client is not on the class path"
                        + " (add software.amazon.awssdk:aws-crt-client and software.amazon.awssdk.crt:aws-crt to the zip)", e);
            }
        }
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(attemptTimeout)
                .socketTimeout(attemptTimeout)
                .build();
    }

    static Duration attemptTimeout(Duration callTimeout) {
        Duration half = callTimeout.dividedBy(2);
        Duration min = Duration.ofMillis(MIN_ATTEMPT_TIMEOUT_MILLIS);
        return half.compareTo(min) < 0 ? min : half;
    }
}
