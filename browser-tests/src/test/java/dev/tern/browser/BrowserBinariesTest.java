package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserBinariesTest {
    @TempDir
    Path dir;

    @Test
    void locate_bothOnPath_foundThere() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path chromium = executable(bin.resolve("chromium"));
        Path driver = executable(bin.resolve("chromedriver"));

        var lookup = BrowserBinaries.locate(name -> null, Map.of("PATH", dir.resolve("empty") + ":" + bin));

        assertThat(lookup).isEqualTo(new BrowserBinaries.Found(new BrowserBinaries(chromium, driver)));
    }

    @Test
    void locate_chromiumBrowserName_isAcceptedToo() throws IOException {
        Path chromium = executable(dir.resolve("chromium-browser"));
        executable(dir.resolve("chromedriver"));

        var lookup = BrowserBinaries.locate(name -> null, Map.of("PATH", dir.toString()));

        assertThat(lookup).isInstanceOfSatisfying(BrowserBinaries.Found.class,
                found -> assertThat(found.binaries().chromium()).isEqualTo(chromium));
    }

    @Test
    void locate_propertiesWinOverPath() throws IOException {
        executable(dir.resolve("chromium"));
        executable(dir.resolve("chromedriver"));
        Path ownChromium = executable(dir.resolve("my-chrome"));
        Path ownDriver = executable(dir.resolve("my-driver"));
        Map<String, String> properties = Map.of(BrowserBinaries.CHROMIUM_PROPERTY, ownChromium.toString(),
                BrowserBinaries.CHROMEDRIVER_PROPERTY, ownDriver.toString());

        var lookup = BrowserBinaries.locate(properties::get, Map.of("PATH", dir.toString()));

        assertThat(lookup).isEqualTo(new BrowserBinaries.Found(new BrowserBinaries(ownChromium, ownDriver)));
    }

    @Test
    void locate_nothingInstalled_isMissingAndSaysHowToInstall() {
        var lookup = BrowserBinaries.locate(name -> null, Map.of("PATH", dir.toString()));

        assertThat(lookup).isInstanceOfSatisfying(BrowserBinaries.Missing.class, missing -> {
            assertThat(missing.problems()).containsExactly("no chromium or chromium-browser on PATH", "no chromedriver on PATH");
            assertThat(missing.message()).contains("apt-get install chromium chromium-driver");
        });
    }

    @Test
    void locate_fileThatIsNotExecutable_doesNotCount() throws IOException {
        Files.writeString(dir.resolve("chromium"), "not a program");
        executable(dir.resolve("chromedriver"));

        var lookup = BrowserBinaries.locate(name -> null, Map.of("PATH", dir.toString()));

        assertThat(lookup).isInstanceOfSatisfying(BrowserBinaries.Missing.class,
                missing -> assertThat(missing.problems()).containsExactly("no chromium or chromium-browser on PATH"));
    }

    @Test
    void locate_propertyNamingNothing_isMissingAndNamesTheProperty() throws IOException {
        executable(dir.resolve("chromium"));
        executable(dir.resolve("chromedriver"));
        Map<String, String> properties = Map.of(BrowserBinaries.CHROMEDRIVER_PROPERTY, dir.resolve("nope").toString());

        var lookup = BrowserBinaries.locate(properties::get, Map.of("PATH", dir.toString()));

        assertThat(lookup).isInstanceOfSatisfying(BrowserBinaries.Missing.class,
                missing -> assertThat(missing.problems()).singleElement().asString()
                        .startsWith("-Dtern.chromedriver=").endsWith("is not an executable file"));
    }

    private static Path executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
