package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The skip-or-fail policy for a machine without Chromium, and the host mapping handed to Chromium. */
class ChromiumExtensionTest {
    @Test
    void whenMissing_onADevelopersMachine_skipsWithTheReason() {
        RuntimeException outcome = ChromiumExtension.whenMissing("no chromium on PATH", Map.of());

        assertThat(outcome).isInstanceOf(TestAbortedException.class).hasMessageContaining("no chromium on PATH");
    }

    @Test
    void whenMissing_underCi_fails() {
        RuntimeException outcome = ChromiumExtension.whenMissing("no chromium on PATH", Map.of("CI", "true"));

        assertThat(outcome).isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("CI is set").hasMessageContaining("no chromium on PATH");
    }

    @Test
    void isCi_anyValueButFalse() {
        assertThat(ChromiumExtension.isCi(Map.of("CI", "true"))).isTrue();
        assertThat(ChromiumExtension.isCi(Map.of("CI", "1"))).isTrue();
        assertThat(ChromiumExtension.isCi(Map.of("CI", "false"))).isFalse();
        assertThat(ChromiumExtension.isCi(Map.of("CI", ""))).isFalse();
        assertThat(ChromiumExtension.isCi(Map.of())).isFalse();
    }

    @Test
    void hostResolverRules_mapEachNameToItsLocalServer() {
        String rules = ChromiumExtension.hostResolverRules(Map.of(
                "tern.example", URI.create("http://127.0.0.1:41000"),
                "landing.example", URI.create("http://127.0.0.1:41001")));

        assertThat(rules).isEqualTo("MAP landing.example 127.0.0.1:41001,MAP tern.example 127.0.0.1:41000");
    }
}
