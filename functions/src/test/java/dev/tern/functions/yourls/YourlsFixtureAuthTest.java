package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded call, authenticated against the recorded site at the moment of the recording:
 * the calls YOURLS answered are let in as {@code admin}; the refused ones (the {@code auth-fail}
 * cases) are refused with a reply that renders exactly as recorded.
 */
class YourlsFixtureAuthTest {
    private static final YourlsAuthenticator AUTHENTICATOR = new YourlsAuthenticator(
            YourlsFixture.referenceSite(), Clock.fixed(YourlsFixture.RECORDED_AT, ZoneOffset.UTC));
    /** The only parameters an outcome depends on. */
    private static final List<String> AUTH_PARAMETERS = List.of("username", "password", "signature", "timestamp", "hash", "callback");
    /**
     * Outcomes by those parameters: most fixtures send the same password, and each bcrypt check of the
     * reference hash (cost 10) takes a quarter of a second, so each distinct set is checked once.
     */
    private static final Map<Map<String, String>, YourlsAuthentication> OUTCOMES = new ConcurrentHashMap<>();

    static Stream<YourlsFixture> fixtures() {
        return YourlsFixture.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void authenticate_recordedCall_decidesAsYourlsDid(YourlsFixture fixture) {
        YourlsParams params = fixture.yourlsParams();

        YourlsAuthentication outcome = OUTCOMES.computeIfAbsent(authParameters(params), ignored -> AUTHENTICATOR.authenticate(params));

        if (fixture.id().contains("-auth-fail-")) {
            assertThat(outcome).isInstanceOfSatisfying(YourlsAuthentication.Rejected.class, rejected -> {
                YourlsRendered rendered = YourlsFormats.render(rejected.reply(), params);
                assertThat(rendered.status()).isEqualTo(fixture.httpStatus());
                assertThat(rendered.contentType()).isEqualTo(fixture.contentType());
                assertThat(rendered.body()).isEqualTo(fixture.body());
            });
        } else {
            assertThat(outcome).isInstanceOfSatisfying(YourlsAuthentication.Authenticated.class,
                    user -> assertThat(user.user()).isEqualTo("admin"));
        }
    }

    private static Map<String, String> authParameters(YourlsParams params) {
        Map<String, String> subset = new LinkedHashMap<>();
        AUTH_PARAMETERS.forEach(name -> params.get(name).ifPresent(value -> subset.put(name, value)));
        return subset;
    }
}
