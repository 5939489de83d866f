package dev.tern.status.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteDirectoryTest {
    @TempDir
    Path root;

    @Test
    void write_putsEveryFileInPlace_replacingTheOldOnes_andLeavesNoTemporaryFiles() throws IOException {
        Map<String, byte[]> site = new StatusSiteGenerator().generate(SiteFixtures.ninetyDays(SiteFixtures.THREE_REGIONS, 1));
        Files.createDirectories(root.resolve("api/v2"));
        Files.writeString(root.resolve("api/v2/summary.json"), "old");

        SiteDirectory.write(root, site);

        for (Map.Entry<String, byte[]> file : site.entrySet()) {
            assertThat(root.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)).hasSize(site.size());
        }
    }

    @Test
    void write_pathLeavingTheDirectory_isRefused() {
        assertThatThrownBy(() -> SiteDirectory.write(root, Map.of("../evil.html", new byte[0])))
                .hasMessageContaining("leaves its directory");
    }
}
