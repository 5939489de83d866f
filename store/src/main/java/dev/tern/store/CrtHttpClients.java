package dev.tern.store;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The AWS CRT HTTP client ({@code TERN_DYNAMODB_HTTP_CLIENT=crt}), in a class of its own so that only a
 * container that chose it loads CRT classes: {@code aws-crt-client} is an optional dependency that no
 * zip carries by default.
 */
final class CrtHttpClients {
    private CrtHttpClients() {
    }

    static SdkHttpClient create(Duration attemptTimeout) {
        return AwsCrtHttpClient.builder()
                .connectionTimeout(attemptTimeout)
                .build();
    }
}
