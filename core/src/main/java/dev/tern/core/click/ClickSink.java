package dev.tern.core.click;

/**
 * Where the redirect path sends clicks. It must not block on the database: in AWS the click is
 * written as a structured log line that a subscription feeds to the aggregator; locally an
 * in-process channel batches clicks for the same aggregator.
 */
public interface ClickSink {

    /** Hands a click over for counting. Must be cheap and must not throw for ordinary failures. */
    void emit(Click click);

    /** A sink that drops every click (for probes and benchmarks of the redirect alone). */
    ClickSink DISCARD = click -> { };
}
