package dev.tern.migration.cli;

import dev.tern.migration.YourlsMigration;
import picocli.CommandLine.Option;

/** {@code --[no-]progress}: a progress bar on standard error, on by default. */
final class ProgressOption {
    @Option(names = "--no-progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on standard error (default on).")
    boolean show;

    /** The bar, or nothing. */
    YourlsMigration.Progress progress() {
        return show ? new ProgressBarProgress(System.err) : YourlsMigration.Progress.none();
    }
}
