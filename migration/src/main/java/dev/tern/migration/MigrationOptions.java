package dev.tern.migration;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a migration runs.
 *
 * @param dryRun             read, validate and report everything; write nothing
 * @param ipMode             what becomes of creator addresses
 * @param ipHashKey          the key of the address hash ({@link IpMode#HASH})
 * @param clicks             also carry {@code yourls_log} as per-day click history
 * @param onConflict         what to do with a keyword Tern already uses for a different link
 * @param maxWritesPerSecond at most this many items written per second; 0 for no limit
 * @param writers            how many batches are written at once (1-64)
 * @param checkpoint         where progress is kept so a killed run can resume; empty for none
 * @param report             where rows that need a word (disabled, conflicts, not carried, orphan clicks)
 *                           are listed, one JSON object per line; empty for nowhere (the summary still counts them)
 */
public record MigrationOptions(
        boolean dryRun,
        IpMode ipMode,
        byte[] ipHashKey,
        boolean clicks,
        ConflictPolicy onConflict,
        int maxWritesPerSecond,
        int writers,
        Optional<Path> checkpoint,
        Optional<Path> report) {

    public MigrationOptions {
        Objects.requireNonNull(ipMode, "ipMode");
        ipHashKey = Objects.requireNonNull(ipHashKey, "ipHashKey").clone();
        Objects.requireNonNull(onConflict, "onConflict");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(report, "report");
        if (maxWritesPerSecond < 0) {
            throw new IllegalArgumentException("--max-writes-per-second must be 0 (no limit) or more, got " + maxWritesPerSecond);
        }
        if (writers < 1 || writers > 64) {
            throw new IllegalArgumentException("--writers must be between 1 and 64, got " + writers);
        }
    }

    @Override
    public byte[] ipHashKey() {
        return ipHashKey.clone();
    }

    /** What the migration's outcome depends on, so a checkpoint is only resumed by the same migration. */
    String fingerprint() {
        return "ip=" + ipMode + ";clicks=" + clicks + ";conflict=" + onConflict + ";dry=" + dryRun;
    }
}
