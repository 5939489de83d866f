package dev.tern.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Screenshots as a by-product of the tests: always written to {@code target/screenshots/}, and also
 * to the directory named by {@code -Dtern.screenshots.dir=...} when it is set (a relative path is
 * taken from the repository's root), which is how {@code docs/screenshots/} is refreshed.
 */
final class Screenshots {
    static final String DIR_PROPERTY = "tern.screenshots.dir";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Screenshots() {
    }

    /**
     * Saves a PNG as {@code NAME.png} in every screenshot directory.
     *
     * @return the files written
     */
    static List<Path> save(String name, byte[] png) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("screenshot names are lower-case words joined by '-': " + name);
        }
        List<Path> written = new ArrayList<>();
        for (Path dir : directories()) {
            try {
                Files.createDirectories(dir);
                written.add(Files.write(dir.resolve(name + ".png"), png));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write screenshot " + name + " to " + dir, e);
            }
        }
        return written;
    }

    static List<Path> directories() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(BuildPaths.buildDir().resolve("screenshots"));
        publishedDirectory().ifPresent(dirs::add);
        return dirs;
    }

    /** The directory of {@code -Dtern.screenshots.dir}, if set. */
    static Optional<Path> publishedDirectory() {
        String configured = System.getProperty(DIR_PROPERTY, "");
        if (configured.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(BuildPaths.repositoryDir().resolve(configured).normalize());
    }
}
