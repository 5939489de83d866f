package dev.tern.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.core.link.ShortCode;
import java.util.Optional;

/**
 * Short codes read from a request path ({@link ShortCode#fromPath}) on any path: a code that is the
 * whole path (a trailing slash tolerated) or empty, never an exception.
 */
class ShortCodeFromPathFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void fromPath(byte[] data) {
        String path = FuzzText.decode(data);
        Optional<ShortCode> code = ShortCode.fromPath(path);
        code.ifPresent(c -> {
            assertThat(path).as("path %s", FuzzText.escape(path)).isIn("/" + c.value(), "/" + c.value() + "/");
            assertThat(c.value()).matches("[0-9A-Za-z_-]{1,100}");
        });
    }
}
