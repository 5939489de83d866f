package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTest {

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectStatus_isAccepted(int status) {
        assertThat(new RedirectPolicy(status, Duration.ZERO, false).status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300, 303, 304, 305, 306, 309, 404, 0, -301})
    void otherStatus_isRefused(int status) {
        assertThatThrownBy(() -> new RedirectPolicy(status, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("301, 302, 307, 308");
    }

    @Test
    void zeroCacheLifetime_isNoStore() {
        assertThat(new RedirectPolicy(302, Duration.ZERO, false).cacheControl()).isEqualTo("no-store");
    }

    @Test
    void positiveCacheLifetime_isPublicMaxAge() {
        assertThat(new RedirectPolicy(301, Duration.ofSeconds(300), false).cacheControl()).isEqualTo("public, max-age=300");
        assertThat(new RedirectPolicy(301, Duration.ofDays(365), false).cacheControl()).isEqualTo("public, max-age=31536000");
    }

    @Test
    void negativeOrOverAYearCacheLifetime_isRefused() {
        assertThatThrownBy(() -> new RedirectPolicy(301, Duration.ofSeconds(-1), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedirectPolicy(301, Duration.ofDays(365).plusSeconds(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedirectPolicy(301, null, false)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaults_arePermanentCachedFiveMinutesWithoutQueryForwarding() {
        RedirectPolicy defaults = RedirectPolicy.defaults();
        assertThat(defaults.status()).isEqualTo(301);
        assertThat(defaults.cacheFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.forwardQuery()).isFalse();
        assertThat(defaults.cacheControl()).isEqualTo("public, max-age=300");
    }
}
