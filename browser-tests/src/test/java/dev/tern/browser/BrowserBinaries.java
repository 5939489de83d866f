package dev.tern.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where Chromium and chromedriver are: the system properties {@code tern.chromium} and
 * {@code tern.chromedriver} when set, otherwise the first {@code chromium} / {@code chromium-browser}
 * and {@code chromedriver} on {@code PATH} (Debian's {@code chromium} and {@code chromium-driver}
 * packages put them in {@code /usr/bin}).
 *
 * <p>Paths are always explicit: Selenium is handed both, so Selenium Manager never runs and nothing
 * is ever downloaded.
 *
 * @param chromium     the browser (Debian's {@code /usr/bin/chromium} is a launcher script; that is fine)
 * @param chromedriver the driver of the same Chromium build
 */
record BrowserBinaries(Path chromium, Path chromedriver) {
    static final String CHROMIUM_PROPERTY = "tern.chromium";
    static final String CHROMEDRIVER_PROPERTY = "tern.chromedriver";
    static final String HOW_TO_INSTALL = "install Debian's packages (apt-get install chromium chromium-driver; "
            + ".ci/run does it when it runs as root) or set -D" + CHROMIUM_PROPERTY + "=... and -D" + CHROMEDRIVER_PROPERTY + "=...";

    /** What was found, or why not. */
    sealed interface Lookup permits Found, Missing {
    }

    record Found(BrowserBinaries binaries) implements Lookup {
    }

    /** @param problems one line per binary that is missing, naming where it was looked for */
    record Missing(List<String> problems) implements Lookup {
        String message() {
            return "Chromium browser tests need Chromium and chromedriver: " + String.join("; ", problems)
                    + ". To run them, " + HOW_TO_INSTALL + ".";
        }
    }

    /** Looks on this machine. */
    static Lookup locate() {
        return locate(System::getProperty, System.getenv());
    }

    /**
     * @param properties system properties ({@code tern.chromium}, {@code tern.chromedriver})
     * @param env        the environment ({@code PATH})
     */
    static Lookup locate(Function<String, String> properties, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Optional<Path> chromium = find(properties.apply(CHROMIUM_PROPERTY), CHROMIUM_PROPERTY,
                List.of("chromium", "chromium-browser"), env, problems);
        Optional<Path> driver = find(properties.apply(CHROMEDRIVER_PROPERTY), CHROMEDRIVER_PROPERTY,
                List.of("chromedriver"), env, problems);
        if (chromium.isPresent() && driver.isPresent()) {
            return new Found(new BrowserBinaries(chromium.get(), driver.get()));
        }
        return new Missing(List.copyOf(problems));
    }

    private static Optional<Path> find(String configured, String property, List<String> names, Map<String, String> env,
            List<String> problems) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (isExecutable(path)) {
                return Optional.of(path);
            }
            problems.add("-D" + property + "=" + configured + " is not an executable file");
            return Optional.empty();
        }
        String searchPath = env.getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        problems.add("no " + String.join(" or ", names) + " on PATH");
        return Optional.empty();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
