package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.settings.SettingsException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void fromEnv_inLambda_usesTheRegionTheDefaultTablesAndNoEndpoint() {
        StoreSettings settings = StoreSettings.fromEnv(Map.of("AWS_REGION", "eu-central-1"));

        assertThat(settings.awsRegion()).isEqualTo("eu-central-1");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.tables()).isEqualTo(new TableNames("tern-links", "tern-clicks", "tern-idempotency", "tern-rate-limits", "tern-api-keys", "tern-yourls", "tern-health"));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fromEnv_withAnEndpointButNoRegion_signsForUsEast1() {
        StoreSettings settings = StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000"));

        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(settings.awsRegion()).isEqualTo("us-east-1");
    }

    @Test
    void fromEnv_withoutRegionOrEndpoint_failsNamingAwsRegion() {
        assertThatThrownBy(() -> StoreSettings.fromEnv(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION")
                .hasMessageContaining("TERN_DYNAMODB_ENDPOINT");
    }

    @Test
    void fromEnv_awsDefaultRegion_isUsedWhenAwsRegionIsUnset() {
        assertThat(StoreSettings.fromEnv(Map.of("AWS_DEFAULT_REGION", "ap-southeast-2")).awsRegion()).isEqualTo("ap-southeast-2");
    }

    @Test
    void fromEnv_timeoutAndTables_areRead() {
        StoreSettings settings = StoreSettings.fromEnv(Map.of("AWS_REGION", "us-west-2", "TERN_DYNAMODB_TIMEOUT_MILLIS", "750",
                "TERN_LINKS_TABLE", "prod-links", "TERN_CLICKS_TABLE", "prod-clicks", "TERN_IDEMPOTENCY_TABLE", "prod-idem",
                "TERN_RATE_LIMITS_TABLE", "prod-limits", "TERN_API_KEYS_TABLE", "prod-keys"));

        assertThat(settings.callTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.tables()).isEqualTo(new TableNames("prod-links", "prod-clicks", "prod-idem", "prod-limits", "prod-keys", "tern-yourls", "tern-health"));
    }

    @Test
    void fromEnv_unusableValues_failNamingTheVariable() {
        assertThatThrownBy(() -> StoreSettings.fromEnv(Map.of("AWS_REGION", "x", "TERN_DYNAMODB_TIMEOUT_MILLIS", "soon")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_DYNAMODB_TIMEOUT_MILLIS");
        assertThatThrownBy(() -> StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", "localhost:8000")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_DYNAMODB_ENDPOINT");
        assertThatThrownBy(() -> StoreSettings.fromEnv(Map.of("AWS_REGION", "x", "TERN_LINKS_TABLE", "links/prod")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_LINKS_TABLE");
    }

    @Test
    void forEndpoint_isLocalWithTwoSecondCalls() {
        StoreSettings settings = StoreSettings.forEndpoint(URI.create("http://127.0.0.1:1234"), TableNames.withPrefix("t-"));

        assertThat(settings.awsRegion()).isEqualTo("us-east-1");
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.tables().links()).isEqualTo("t-links");
    }
}
