package dev.tern.functions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one place handlers log: one JSON line per failure, written where the failure is turned into a
 * response (and so never also thrown). Lines carry the operation, the short code and the request id;
 * never a client address, a request body or a secret.
 *
 * <pre>{@code {"level":"ERROR","op":"create","code":"promo","requestId":"abc","error":"java.lang.IllegalStateException: ..."}}</pre>
 */
public final class BoundaryLog {
    private static final int MAX_FRAMES = 8;
    private static final int MAX_MESSAGE = 1_000;

    private final Consumer<String> lines;

    BoundaryLog(Consumer<String> lines) {
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    /** A failure Tern did not expect: logged with the exception's type, message and first frames. */
    public void error(String op, String code, String requestId, Throwable failure) {
        StringBuilder line = start("ERROR", op, code, requestId);
        field(line, "error", describe(failure));
        field(line, "stack", frames(failure));
        lines.accept(line.append('}').toString());
    }

    /** An expected, transient failure (a throttled store) or input that could not be used. */
    public void warn(String op, String code, String requestId, String message) {
        StringBuilder line = start("WARN", op, code, requestId);
        field(line, "error", cut(message));
        lines.accept(line.append('}').toString());
    }

    /** A warning about a click batch, with a count (e.g. how many of its lines could not be read). */
    void warnBatch(String op, String batch, int count, String message) {
        StringBuilder line = start("WARN", op, null, null);
        field(line, "batch", batch);
        line.append(",\"count\":").append(count);
        field(line, "error", cut(message));
        lines.accept(line.append('}').toString());
    }

    private static StringBuilder start(String level, String op, String code, String requestId) {
        StringBuilder line = new StringBuilder(256).append("{\"level\":\"").append(level).append('"');
        field(line, "op", op);
        field(line, "code", code);
        field(line, "requestId", requestId);
        return line;
    }

    private static void field(StringBuilder line, String name, String value) {
        if (value != null) {
            line.append(",\"").append(name).append("\":");
            JsonText.appendQuoted(line, value);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return cut(failure.getClass().getName() + (message == null ? "" : ": " + message));
    }

    private static String frames(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_FRAMES, trace.length); i++) {
            if (i > 0) {
                out.append(" < ");
            }
            out.append(trace[i]);
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            out.append(" | caused by ").append(describe(cause));
        }
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }
}
