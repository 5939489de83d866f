package dev.tern.status.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.status.Component;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbePlanTest {
    private static final URI TARGET = URI.create("https://example.com/canary");

    @Test
    void standard_withoutCredentials_checksWhatNeedsNone() {
        ProbePlan plan = ProbePlan.standard("canary", 301, TARGET, Optional.empty(), Optional.empty());

        assertThat(plan.checks()).extracting(HttpCheck::component)
                .containsExactly(Component.REDIRECT, Component.API, Component.WEB, Component.YOURLS_API);
        assertThat(plan.checks().getFirst().expectedLocation()).contains("https://example.com/canary");
        assertThat(plan.checks().get(1).path()).isEqualTo("/api/v1/openapi.json");
        assertThat(plan.checks().get(3).expectedStatus()).isEqualTo(403);
    }

    @Test
    void standard_withAnApiKey_readsTheCanaryThroughTheApi() {
        ProbePlan plan = ProbePlan.standard("canary", 302, TARGET, Optional.of("tern_abc"), Optional.of("sig"));

        assertThat(plan.checks().get(1).path()).isEqualTo("/api/v1/links/canary");
        assertThat(plan.checks().get(1).headers()).containsEntry("Authorization", "Bearer tern_abc");
        assertThat(plan.checks().get(3).path()).contains("action=expand", "signature=sig");
    }

    @Test
    void standard_canaryWithASlash_isRejected() {
        assertThatThrownBy(() -> ProbePlan.standard("a/b", 302, TARGET, Optional.empty(), Optional.empty()))
                .hasMessageContaining("plain short code");
    }
}
