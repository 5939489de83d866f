package dev.tern.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.UrlPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * {@link LongUrl#parse} on anything: a URL whose {@code Location} form is a printable-ASCII URI
 * that re-parses to itself, or a refusal with code {@code INVALID_URL} or {@code REDIRECT_LOOP},
 * never another exception.
 *
 * <p>Without {@code JAZZER_FUZZ} these replay the seeds in {@code LongUrlParseFuzzTestInputs/}; see
 * docs/SECURITY.md for a fuzzing run.
 */
class LongUrlParseFuzzTest {
    private static final UrlPolicy POLICY = UrlPolicy.defaults(Set.of("own.example"));

    @FuzzTest(maxDuration = "15s")
    void parse(byte[] data) {
        String input = FuzzText.decode(data);
        LongUrl url;
        try {
            url = LongUrl.parse(input, POLICY);
        } catch (TernException refused) {
            // InvalidUrlException, or the redirect-loop refusal (a TernException of its own code).
            assertThat(refused.code()).isIn(ErrorCode.INVALID_URL, ErrorCode.REDIRECT_LOOP);
            assertThat(refused.detail()).isNotBlank();
            return;
        }
        String shown = FuzzText.escape(input);
        String location = url.location();
        assertThat(location).as("location of %s", shown).isNotEmpty();
        assertThat(location.chars()).as("location of %s is printable ASCII without spaces", shown)
                .allMatch(c -> c > 0x20 && c < 0x7F);
        assertThat(location.length()).as("length of %s", shown).isLessThanOrEqualTo(POLICY.maxLength());
        try {
            assertThat(new URI(location).getScheme()).as("scheme of %s", shown).isEqualTo(url.scheme());
        } catch (URISyntaxException e) {
            throw new AssertionError("location of " + shown + " is not a URI: " + e.getMessage(), e);
        }
        assertThat(POLICY.allowsScheme(url.scheme())).as("scheme of %s", shown).isTrue();
        assertThat(url.value().chars()).as("value of %s has no control characters", shown)
                .noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
        LongUrl again = LongUrl.parse(url.value(), POLICY);
        assertThat(again.value()).as("normalised %s re-parses to itself", shown).isEqualTo(url.value());
        assertThat(again.location()).as("location of re-parsed %s", shown).isEqualTo(location);
        assertThat(LongUrl.fromStored(url.value()).location()).as("stored form of %s", shown).isEqualTo(location);
    }
}
