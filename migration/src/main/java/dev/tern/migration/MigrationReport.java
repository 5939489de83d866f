package dev.tern.migration;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The list of rows that need a word, one JSON object per line:
 * <pre>{"keyword":"abc","outcome":"written-disabled","notes":["disabled: …"]}
 * {"keyword":"gone","outcome":"orphan-clicks","rows":12,"notes":["…"]}</pre>
 * Rows written as they were, and rows already identical in Tern, are only counted (in the summary).
 * A resumed run appends to the same file.
 */
final class MigrationReport implements Closeable {
    private final BufferedWriter out;
    private long entries;

    private MigrationReport(BufferedWriter out) {
        this.out = out;
    }

    static MigrationReport to(Path file, boolean append) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            return new MigrationReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }

    static MigrationReport nowhere() {
        return new MigrationReport(null);
    }

    /** How many entries this run listed. */
    long entries() {
        return entries;
    }

    synchronized void row(String keyword, RowOutcome outcome, List<String> notes) {
        write("{\"keyword\":" + json(keyword) + ",\"outcome\":\"" + outcome.slug() + "\",\"notes\":" + json(notes) + "}");
    }

    synchronized void clicks(String keyword, String outcome, long rows, String note) {
        write("{\"keyword\":" + json(keyword) + ",\"outcome\":\"" + outcome + "\",\"rows\":" + rows + ",\"notes\":"
                + json(List.of(note)) + "}");
    }

    synchronized void site(String note) {
        write("{\"outcome\":\"site\",\"notes\":" + json(List.of(note)) + "}");
    }

    private void write(String line) {
        entries++;
        if (out == null) {
            return;
        }
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    /** Makes what was listed so far durable (before a checkpoint says it is done). */
    synchronized void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    private static String json(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",").append(json(values.get(i)));
        }
        return b.append(']').toString();
    }

    static String json(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
