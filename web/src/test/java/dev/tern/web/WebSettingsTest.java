package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.settings.SettingsException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {
    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void defaults() {
        WebSettings settings = WebSettings.fromEnv(Map.of("TERN_SECRET", SECRET));

        assertThat(settings.secret()).hasSize(32);
        assertThat(settings.anonymousCreate()).isTrue();
        assertThat(settings.anonymousCreateLimit()).isEqualTo(new RateLimit(5, 30, Duration.ofHours(1)));
    }

    @Test
    void everyVariable() {
        WebSettings settings = WebSettings.fromEnv(Map.of("TERN_SECRET", Base64.getUrlEncoder().encodeToString(new byte[48]),
                "TERN_ANONYMOUS_CREATE", "false", "TERN_ANONYMOUS_CREATE_BURST", "2", "TERN_ANONYMOUS_CREATES_PER_HOUR", "10"));

        assertThat(settings.secret()).hasSize(48);
        assertThat(settings.anonymousCreate()).isFalse();
        assertThat(settings.anonymousCreateLimit()).isEqualTo(new RateLimit(2, 10, Duration.ofHours(1)));
    }

    @Test
    void missingSecret_namesTheVariable() {
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_SECRET").hasMessageContaining("required");
    }

    @Test
    void shortOrBrokenSecret_namesTheVariableButNeverShowsTheValue() {
        String shortSecret = Base64.getEncoder().encodeToString("only-sixteen-byt".getBytes());

        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("TERN_SECRET", shortSecret)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_SECRET").hasMessageContaining("16 bytes")
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining(shortSecret);
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("TERN_SECRET", "not base64 at all!")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_SECRET").hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void badLimits_nameTheirVariables() {
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("TERN_SECRET", SECRET, "TERN_ANONYMOUS_CREATE_BURST", "0")))
                .hasMessageContaining("TERN_ANONYMOUS_CREATE_BURST");
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("TERN_SECRET", SECRET, "TERN_ANONYMOUS_CREATES_PER_HOUR", "lots")))
                .hasMessageContaining("TERN_ANONYMOUS_CREATES_PER_HOUR");
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("TERN_SECRET", SECRET, "TERN_ANONYMOUS_CREATE", "maybe")))
                .hasMessageContaining("TERN_ANONYMOUS_CREATE");
    }

    @Test
    void theSecretIsCopiedAndNeverPrinted() {
        byte[] raw = new byte[32];
        WebSettings settings = new WebSettings(raw, true, new RateLimit(1, 1, Duration.ofHours(1)));
        raw[0] = 9;
        settings.secret()[1] = 9;

        assertThat(settings.secret()).containsOnly(0);
        assertThat(settings).hasToString("WebSettings[secret=(32 bytes), anonymousCreate=true, anonymousCreateLimit="
                + new RateLimit(1, 1, Duration.ofHours(1)) + "]");
        assertThat(settings).isEqualTo(new WebSettings(new byte[32], true, new RateLimit(1, 1, Duration.ofHours(1))));
    }
}
