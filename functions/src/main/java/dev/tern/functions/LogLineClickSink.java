package dev.tern.functions;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickSink;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The click channel in AWS: each click becomes one {@link ClickLine} on the redirect function's
 * standard output. Lambda ships it to CloudWatch Logs, whose subscription filter hands click lines
 * to the {@link ClickAggregationHandler}. The log stream is the durable queue, so the redirect
 * writes nothing to the database.
 *
 * <p>The function's log format must be Text (Lambda's JSON log format would wrap the line).
 */
public final class LogLineClickSink implements ClickSink {
    private final Consumer<String> lines;

    /** Writes to {@link System#out}, one {@code println} per click. */
    public LogLineClickSink() {
        this(System.out::println);
    }

    /** Writes each click line to {@code lines} (no line break included). */
    public LogLineClickSink(Consumer<String> lines) {
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    @Override
    public void emit(Click click) {
        lines.accept(ClickLine.format(click));
    }
}
