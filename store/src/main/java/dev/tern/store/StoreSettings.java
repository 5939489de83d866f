package dev.tern.store;

import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.SettingsReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach DynamoDB: the tables, an endpoint override (DynamoDB Local), the region and how long
 * one call may take.
 *
 * @param tables           the table names
 * @param endpoint         an endpoint override, or empty for the region's real endpoint
 * @param awsRegion        the AWS region to sign for (and to reach, without an override)
 * @param callTimeout      the longest one store call may take, SDK retries included
 * @param linksWriteRegion the region whose replica takes link and idempotency writes when it is not
 *                         {@code awsRegion} (MREC's home region, {@code TERN_LINKS_WRITE_REGION}), or empty
 * @param httpClient       the SDK's HTTP client ({@code TERN_DYNAMODB_HTTP_CLIENT})
 */
public record StoreSettings(TableNames tables, Optional<URI> endpoint, String awsRegion, Duration callTimeout,
        Optional<String> linksWriteRegion, HttpClient httpClient) {
    /** The DynamoDB client's HTTP client ({@code TERN_DYNAMODB_HTTP_CLIENT}). */
    public enum HttpClient {
        /** The JDK's {@code HttpURLConnection} ({@code url-connection-client}): in every zip, the default. */
        URL_CONNECTION,
        /** The AWS Common Runtime client: only where the zip adds {@code aws-crt-client} and {@code aws-crt}. */
        CRT
    }

    /** The region signed for with an endpoint override when {@code AWS_REGION} is unset: DynamoDB Local accepts any. */
    public static final String LOCAL_REGION = "us-east-1";
    static final Duration LOCAL_CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern AWS_REGION_NAME = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$");

    public StoreSettings {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(awsRegion, "awsRegion");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (awsRegion.isBlank()) {
            throw new IllegalArgumentException("awsRegion must not be blank");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
        }
        Objects.requireNonNull(linksWriteRegion, "linksWriteRegion");
        Objects.requireNonNull(httpClient, "httpClient");
        // Writing "elsewhere" to the region itself is writing locally: one client, not two.
        linksWriteRegion = linksWriteRegion.filter(region -> !region.isBlank() && !region.equals(awsRegion));
    }

    /** Settings with the default HTTP client ({@link HttpClient#URL_CONNECTION}). */
    public StoreSettings(TableNames tables, Optional<URI> endpoint, String awsRegion, Duration callTimeout,
            Optional<String> linksWriteRegion) {
        this(tables, endpoint, awsRegion, callTimeout, linksWriteRegion, HttpClient.URL_CONNECTION);
    }

    /** Settings whose link and idempotency writes stay in {@code awsRegion}. */
    public StoreSettings(TableNames tables, Optional<URI> endpoint, String awsRegion, Duration callTimeout) {
        this(tables, endpoint, awsRegion, callTimeout, Optional.empty());
    }

    /**
     * Reads {@code TERN_*_TABLE}, {@code TERN_DYNAMODB_ENDPOINT}, {@code TERN_DYNAMODB_TIMEOUT_MILLIS},
     * {@code TERN_DYNAMODB_HTTP_CLIENT} and
     * {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), failing fast with a message naming the variable.
     * Without an endpoint override the region is required (Lambda always sets it); with one it defaults
     * to {@value #LOCAL_REGION}. {@code TERN_LINKS_WRITE_REGION}, when set, names the region of the
     * link and idempotency writes.
     */
    public static StoreSettings fromEnv(Map<String, String> env) {
        SettingsReader read = new SettingsReader(env);
        TableNames tables = TableNames.fromEnv(env);
        Optional<URI> endpoint = read.string(Setting.DYNAMODB_ENDPOINT).isEmpty()
                ? Optional.empty()
                : Optional.of(read.httpUri(Setting.DYNAMODB_ENDPOINT));
        String region = read.other("AWS_REGION", read.other("AWS_DEFAULT_REGION", ""));
        if (region.isEmpty()) {
            if (endpoint.isEmpty()) {
                throw new IllegalStateException("AWS_REGION is not set: Tern needs it to reach DynamoDB (Lambda sets it;"
                        + " elsewhere set it, or set " + Setting.DYNAMODB_ENDPOINT.variable() + " for DynamoDB Local)");
            }
            region = LOCAL_REGION;
        }
        Duration timeout = Duration.ofMillis(read.integer(Setting.DYNAMODB_TIMEOUT_MILLIS, 100, 60_000));
        String writeRegion = read.string(Setting.LINKS_WRITE_REGION);
        if (!writeRegion.isEmpty() && !AWS_REGION_NAME.matcher(writeRegion).matches()) {
            throw new SettingsException(Setting.LINKS_WRITE_REGION, writeRegion, "an AWS region name such as us-east-1");
        }
        HttpClient httpClient = read.choice(Setting.DYNAMODB_HTTP_CLIENT,
                Map.of("url-connection", HttpClient.URL_CONNECTION, "crt", HttpClient.CRT));
        return new StoreSettings(tables, endpoint, region, timeout, Optional.of(writeRegion), httpClient);
    }

    /**
     * The settings of the client for link and idempotency writes: the same endpoint override and
     * timeout, signed for (and, without an override, reaching) {@link #linksWriteRegion()}; empty when
     * those writes stay in {@link #awsRegion()}.
     */
    public Optional<StoreSettings> linkWrites() {
        return linksWriteRegion.map(region -> new StoreSettings(tables, endpoint, region, callTimeout, Optional.empty(), httpClient));
    }

    /** For {@code local/} and tests: DynamoDB Local at {@code endpoint}, region {@value #LOCAL_REGION}, 2 s per call. */
    public static StoreSettings forEndpoint(URI endpoint, TableNames tables) {
        return new StoreSettings(tables, Optional.of(endpoint), LOCAL_REGION, LOCAL_CALL_TIMEOUT);
    }

    /** The same settings with another call timeout. */
    public StoreSettings withCallTimeout(Duration timeout) {
        return new StoreSettings(tables, endpoint, awsRegion, timeout, linksWriteRegion, httpClient);
    }
}
