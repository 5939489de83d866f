package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tern.core.link.Creator;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private final Authenticator anonymous = Authenticator.anonymous();

    @Test
    void anonymous_isTheTruncatedSha256OfTheSourceAddress() {
        // echo -n 203.0.113.7 | sha256sum
        assertThat(anonymous.creatorOf(Events.get("/").sourceIp("203.0.113.7").build()))
                .isEqualTo(Creator.anonymous("fec52565aa0cf18f"));
    }

    @Test
    void anonymous_ignoresForwardedForHeaders() {
        Creator direct = anonymous.creatorOf(Events.get("/").sourceIp("192.0.2.1").build());
        Creator spoofing = anonymous.creatorOf(Events.get("/").sourceIp("192.0.2.1").header("x-forwarded-for", "10.0.0.1").build());

        assertThat(spoofing).isEqualTo(direct);
        assertThat(direct.id()).startsWith("anon:").hasSize(21).doesNotContain("192.0.2.1");
    }

    @Test
    void anonymous_withoutAnAddress_isUnknown() {
        assertThat(anonymous.creatorOf(new APIGatewayV2HTTPEvent())).isEqualTo(Creator.UNKNOWN);
        assertThat(anonymous.creatorOf(null)).isEqualTo(Creator.UNKNOWN);
    }
}
