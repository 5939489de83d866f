package dev.tern.status.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.settings.SettingsException;
import dev.tern.core.status.Region;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusProbeSettingsTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1",
                "TERN_STATUS_ENDPOINTS", "eu-west-1=https://eu-west-1.tern.example, us-east-1=https://us-east-1.tern.example",
                "TERN_STATUS_BUCKET", "tern-status"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    @Test
    void fromEnv_readsRegionEndpointsInOrderBucketAndPageUrl() {
        StatusProbeSettings settings = StatusProbeSettings.fromEnv(env("TERN_PUBLIC_BASE_URL", "https://tern.example"));

        assertThat(settings.self()).isEqualTo(Region.of("eu-west-1"));
        assertThat(settings.endpoints()).containsExactly(
                Map.entry(Region.of("eu-west-1"), URI.create("https://eu-west-1.tern.example")),
                Map.entry(Region.of("us-east-1"), URI.create("https://us-east-1.tern.example")));
        assertThat(settings.bucket()).isEqualTo("tern-status");
        assertThat(settings.pageUrl()).isEqualTo(URI.create("https://tern.example/status/"));
        assertThat(StatusProbeSettings.fromEnv(env("TERN_STATUS_URL", "https://status.tern.example/")).pageUrl())
                .isEqualTo(URI.create("https://status.tern.example/"));
    }

    @Test
    void fromEnv_missingOrBadValues_failNamingTheVariable() {
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("TERN_STATUS_BUCKET", null)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_STATUS_BUCKET");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("TERN_STATUS_ENDPOINTS", null)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_STATUS_ENDPOINTS");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("TERN_STATUS_ENDPOINTS", "https://eu.tern.example")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_STATUS_ENDPOINTS").hasMessageContaining("no region=");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("TERN_STATUS_ENDPOINTS", "eu-west-1=eu.tern.example")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("not an absolute http(s) URL");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("TERN_STATUS_ENDPOINTS", "EU=https://eu.tern.example")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_STATUS_ENDPOINTS");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(
                env("TERN_STATUS_ENDPOINTS", "eu-west-1=https://a.example,eu-west-1=https://b.example")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("AWS_REGION", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> StatusProbeSettings.fromEnv(env("TERN_STATUS_URL", "https://status.tern.example/x")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_STATUS_URL");
    }
}
