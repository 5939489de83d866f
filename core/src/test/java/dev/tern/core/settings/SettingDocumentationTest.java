package dev.tern.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/CONFIGURATION.md lists every setting with its real default, so the docs cannot drift from the code. */
class SettingDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");

    @ParameterizedTest
    @EnumSource(Setting.class)
    void configurationDoc_listsEverySettingWithItsDefault(Setting setting) throws IOException {
        String doc = Files.readString(DOC);
        String row = doc.lines()
                .filter(line -> line.startsWith("| `" + setting.variable() + "` |"))
                .findFirst()
                .orElse("");
        assertThat(row).as("row for %s in %s", setting.variable(), DOC).isNotEmpty();
        String documentedDefault = row.split("\\|")[2].strip();
        String expected = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue().replace(",", ", ") + "`";
        assertThat(documentedDefault).isEqualTo(expected);
    }
}
