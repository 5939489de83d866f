package dev.tern.status.probe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.status.Component;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRoundTest {
    private static final Instant MINUTE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void round_withResultOfAnotherRegion_isRejectedNamingIt() {
        ProbeResult foreign = new ProbeResult(Region.of("us-east-1"), Region.of("eu-west-1"), Component.API,
                MINUTE, Outcome.PASS, 10, "");

        assertThatThrownBy(() -> new ProbeRound(Region.of("eu-west-1"), MINUTE, List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api@eu-west-1 from us-east-1");
    }

    @Test
    void round_minuteWithSeconds_isRejected() {
        assertThatThrownBy(() -> new ProbeRound(Region.of("eu-west-1"), MINUTE.plusSeconds(5), List.of()))
                .hasMessageContaining("must start a minute");
    }

    @Test
    void region_withCapitals_isRejectedWithExample() {
        assertThatThrownBy(() -> Region.of("EU-West-1")).hasMessageContaining("like eu-west-1");
    }

    @Test
    void component_unknownId_isRejectedListingKnownOnes() {
        assertThatThrownBy(() -> Component.fromId("dns")).hasMessageContaining("redirect, api, web, yourls-api, database");
    }
}
