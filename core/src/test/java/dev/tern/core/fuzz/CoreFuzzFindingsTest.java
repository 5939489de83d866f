package dev.tern.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.InvalidUrlException;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.UrlPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the fuzzers found in core, one test per finding (the input is also a seed of its fuzz target). */
class CoreFuzzFindingsTest {
    private static final UrlPolicy POLICY = UrlPolicy.defaults(Set.of("own.example"));

    @Test
    void parse_ipv6GroupOfMoreThanFourHexDigits_isInvalid() {
        // InetAddress accepted "[20::001838]", and its Location "http://[20::001838]//9" was no URI.
        assertThatThrownBy(() -> LongUrl.parse("[20::001838]//9", POLICY))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("not a valid IPv6 address");
    }

    @Test
    void parse_ipv6WithEmbeddedIpv4_isStillAccepted() {
        assertThat(LongUrl.parse("http://[::ffff:192.0.2.1]/x", POLICY).location()).isEqualTo("http://[::ffff:192.0.2.1]/x");
    }
}
