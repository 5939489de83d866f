package dev.tern.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.core.error.InvalidCodeException;
import dev.tern.core.link.ShortCode;
import java.util.Optional;

/**
 * Short codes from a creator ({@link ShortCode#parse}) and from a request path
 * ({@link ShortCode#fromPath}): a valid code or {@link InvalidCodeException} / empty, never another
 * exception; a parsed code has the documented syntax and parses back to itself.
 */
class ShortCodeFuzzTest {

    @FuzzTest(maxDuration = "10s")
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

    @FuzzTest(maxDuration = "10s")
    void fromPath(byte[] data) {
        String path = FuzzText.decode(data);
        Optional<ShortCode> code = ShortCode.fromPath(path);
        code.ifPresent(c -> {
            assertThat(path).as("path %s", FuzzText.escape(path)).isIn("/" + c.value(), "/" + c.value() + "/");
            assertThat(c.value()).matches("[0-9A-Za-z_-]{1,100}");
        });
    }
}
