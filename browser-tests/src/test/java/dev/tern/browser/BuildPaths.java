package dev.tern.browser;

import java.nio.file.Path;

/** Where the browser tests write what they produce; the POM passes the directories in. */
final class BuildPaths {
    /** Set by the POM to the module's {@code target/}. */
    static final String BUILD_DIR_PROPERTY = "tern.build.dir";
    /** Set by the POM to the repository's root, against which a relative screenshots directory is resolved. */
    static final String REPOSITORY_DIR_PROPERTY = "tern.repository.dir";

    private BuildPaths() {
    }

    /** The module's {@code target/} (or {@code ./target} when run outside Maven, e.g. from an IDE). */
    static Path buildDir() {
        return Path.of(System.getProperty(BUILD_DIR_PROPERTY, "target")).toAbsolutePath();
    }

    /** The repository's root (or the working directory outside Maven). */
    static Path repositoryDir() {
        return Path.of(System.getProperty(REPOSITORY_DIR_PROPERTY, "")).toAbsolutePath();
    }
}
