package dev.tern.migration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where a migration is, kept in a small properties file (replaced atomically) so that a run killed
 * at any moment resumes where the last completed batch ended. Beside it, {@code <file>.uncarried}
 * lists (one per line, append-only) the keywords whose links were not carried, which the click
 * phase needs after a restart.
 *
 * <p>Resuming is only a shortcut: every write of the migration is conditional or exactly-once, so
 * running again from the start ends in the same state.
 */
final class Checkpoint {
    enum Phase { LINKS, LOG, SITE }

    private final Path file;
    private final String fingerprint;
    private Phase phase = Phase.LINKS;
    private String lastKeyword;
    private long nextLogChunk;
    private MigrationCounts counts = new MigrationCounts();
    private final Set<String> uncarried = new HashSet<>();
    private final boolean resumed;

    private Checkpoint(Path file, String fingerprint, boolean resumed) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.resumed = resumed;
    }

    /** A checkpoint that is not kept anywhere (no {@code --checkpoint}, or a dry run). */
    static Checkpoint none(String fingerprint) {
        return new Checkpoint(null, fingerprint, false);
    }

    /**
     * The checkpoint in {@code file}, or a fresh one when the file does not exist.
     *
     * @throws MigrationException if the file belongs to another migration (other source or options)
     */
    static Checkpoint open(Path file, String fingerprint) {
        Checkpoint checkpoint = new Checkpoint(file, fingerprint, Files.exists(file));
        if (!checkpoint.resumed) {
            return checkpoint;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new MigrationException("The checkpoint " + file + " cannot be read (" + e.getMessage()
                    + "); delete it to start over (nothing is lost: the migration's writes are idempotent)", e);
        }
        if (!fingerprint.equals(p.getProperty("fingerprint"))) {
            throw new MigrationException("The checkpoint " + file + " belongs to another migration (" + p.getProperty("fingerprint")
                    + "); give this one its own --checkpoint file, or delete that one to start over");
        }
        try {
            checkpoint.phase = Phase.valueOf(p.getProperty("phase", "LINKS"));
            checkpoint.lastKeyword = p.getProperty("lastKeyword");
            checkpoint.nextLogChunk = Long.parseLong(p.getProperty("nextLogChunk", "0"));
            checkpoint.counts = MigrationCounts.load(p);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("The checkpoint " + file + " is damaged (" + e.getMessage() + "); delete it to start over", e);
        }
        Path side = uncarriedFile(file);
        if (Files.exists(side)) {
            try {
                List<String> lines = Files.readAllLines(side, StandardCharsets.UTF_8);
                for (String line : lines) {
                    if (!line.isEmpty()) {
                        checkpoint.uncarried.add(unescape(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + side, e);
            }
        }
        return checkpoint;
    }

    boolean resumed() {
        return resumed;
    }

    Phase phase() {
        return phase;
    }

    Optional<String> lastKeyword() {
        return Optional.ofNullable(lastKeyword);
    }

    long nextLogChunk() {
        return nextLogChunk;
    }

    /** The totals of everything done before this run, to which this run adds. */
    MigrationCounts counts() {
        return counts;
    }

    /** Keywords whose links were not carried by the runs before this one. */
    Set<String> uncarried() {
        return uncarried;
    }

    /** Records the keywords of links not carried, before the batch that holds them is marked done. */
    void addUncarried(List<String> keywords) {
        uncarried.addAll(keywords);
        if (file == null || keywords.isEmpty()) {
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(uncarriedFile(file), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (String keyword : keywords) {
                out.write(escape(keyword));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + uncarriedFile(file), e);
        }
    }

    void linksDoneThrough(String keyword) {
        lastKeyword = keyword;
        save();
    }

    void enter(Phase next) {
        phase = next;
        save();
    }

    void logChunkDone(long chunk) {
        nextLogChunk = chunk + 1;
        save();
    }

    /** The migration is complete: the checkpoint goes, so a later run starts from the beginning (and changes nothing). */
    void finish() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(uncarriedFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint " + file, e);
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("phase", phase.name());
        if (lastKeyword != null) {
            p.setProperty("lastKeyword", lastKeyword);
        }
        p.setProperty("nextLogChunk", Long.toString(nextLogChunk));
        counts.store(p);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "tern-migrate checkpoint: delete to start over");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }

    private static Path uncarriedFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".uncarried");
    }

    /** Keywords may hold any character, newlines included. */
    private static String escape(String keyword) {
        return keyword.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
