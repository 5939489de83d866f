package dev.tern.migration.cli;

import dev.tern.migration.YourlsMigration;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The migration's progress as a terminal progress bar (rate and time left) on standard error. */
final class ProgressBarProgress implements YourlsMigration.Progress {
    private final PrintStream out;
    private ProgressBar bar;

    ProgressBarProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void start(String phase, long total) {
        end();
        bar = new ProgressBarBuilder()
                .setTaskName(phase)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" rows", 1)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public synchronized void step(long done) {
        if (bar != null) {
            bar.stepBy(done);
        }
    }

    @Override
    public synchronized void end() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
