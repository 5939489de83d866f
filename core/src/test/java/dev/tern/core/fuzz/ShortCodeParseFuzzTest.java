package dev.tern.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.core.error.InvalidCodeException;
import dev.tern.core.link.ShortCode;

/**
 * Short codes typed by a creator ({@link ShortCode#parse}): a valid code or
 * {@link InvalidCodeException}, never another exception; a parsed code has the documented syntax,
 * agrees with {@link ShortCode#isValid} and is found again in its path.
 */
class ShortCodeParseFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parse(byte[] data) {
        String raw = FuzzText.decode(data);
        ShortCode code;
        try {
            code = ShortCode.parse(raw);
        } catch (InvalidCodeException refused) {
            assertThat(refused.detail()).isNotBlank();
            assertThat(ShortCode.isValid(raw)).as("isValid agrees with parse for %s", FuzzText.escape(raw)).isFalse();
            return;
        }
        assertThat(code.value()).isEqualTo(raw).matches("[0-9A-Za-z_-]{1,100}");
        assertThat(ShortCode.isValid(raw)).isTrue();
        assertThat(ShortCode.fromPath("/" + raw)).contains(code);
        assertThat(ShortCode.fromPath("/" + raw + "/")).contains(code);
    }
}
