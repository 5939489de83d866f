package dev.tern.migration.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.migration.config.YourlsConfig;
import dev.tern.migration.config.YourlsConfigException;
import dev.tern.migration.config.YourlsConfigReader;
import java.nio.charset.StandardCharsets;

/**
 * The {@code config.php} reader on any text: a config, or {@link YourlsConfigException} (not PHP, a
 * needed part malformed), never another exception (a PHP tokenizer's classic: an unterminated string
 * or comment running off the end).
 */
class YourlsConfigReaderFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parse(byte[] data) {
        String php = new String(data, StandardCharsets.UTF_8);
        YourlsConfig config;
        try {
            config = YourlsConfigReader.parse(php, "config.php");
        } catch (YourlsConfigException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(config).isNotNull();
    }
}
