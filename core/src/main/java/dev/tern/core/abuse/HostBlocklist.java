package dev.tern.core.abuse;

import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.LongUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The deployment's blocklist: the hosts of a file ({@code TERN_BLOCKLIST_FILE}, one host per line,
 * {@code #} comments) and of the administrator's table ({@link BlockedHostStore}), both reloaded
 * without a restart:
 *
 * <ul>
 *   <li>the file is re-read when its modification time or size changed, looked at no more than once
 *       every {@code fileCheck} (a redirect does not pay a {@code stat} each time);
 *   <li>the table is read again when its copy is older than {@code tableLifetime}; this container's own
 *       changes ({@link #block}, {@link #unblock}) drop the copy at once.
 * </ul>
 *
 * A table that cannot be read (throttled, missing, not permitted) keeps the last copy (or none) and is
 * tried again after {@code tableLifetime}: a blocklist read must not turn a redirect into a 503 or a 500. A file that cannot
 * be read keeps its last entries the same way.
 */
public final class HostBlocklist implements Blocklist {
    /** How long a container uses its copy of the table unless told otherwise. */
    public static final Duration DEFAULT_TABLE_LIFETIME = Duration.ofSeconds(30);
    /** How often the file's modification time is looked at unless told otherwise. */
    public static final Duration DEFAULT_FILE_CHECK = Duration.ofSeconds(5);

    private final Optional<Path> file;
    private final BlockedHostStore table;
    private final Clock clock;
    private final Duration tableLifetime;
    private final Duration fileCheck;
    private final Consumer<RuntimeException> onTableFailure;

    private volatile BlockedHosts fromFile = BlockedHosts.EMPTY;
    private volatile Object fileStamp;
    private volatile Instant fileCheckedAt = Instant.MIN;
    private volatile BlockedHosts fromTable = BlockedHosts.EMPTY;
    private volatile Instant tableReadAt = Instant.MIN;
    private volatile BlockedHosts combined = BlockedHosts.EMPTY;

    public HostBlocklist(Optional<Path> file, BlockedHostStore table, Clock clock, Duration tableLifetime, Duration fileCheck) {
        this(file, table, clock, tableLifetime, fileCheck, failure -> { });
    }

    /**
     * @param onTableFailure told about every failed read of the table (to log it once, at the
     *                       boundary); the blocklist itself goes on with its last copy
     */
    public HostBlocklist(Optional<Path> file, BlockedHostStore table, Clock clock, Duration tableLifetime, Duration fileCheck,
            Consumer<RuntimeException> onTableFailure) {
        this.onTableFailure = Objects.requireNonNull(onTableFailure, "onTableFailure");
        this.file = Objects.requireNonNull(file, "file");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tableLifetime = Objects.requireNonNull(tableLifetime, "tableLifetime");
        this.fileCheck = Objects.requireNonNull(fileCheck, "fileCheck");
    }

    public HostBlocklist(Optional<Path> file, BlockedHostStore table, Clock clock) {
        this(file, table, clock, DEFAULT_TABLE_LIFETIME, DEFAULT_FILE_CHECK);
    }

    @Override
    public Optional<String> blockingEntry(LongUrl url) {
        String host = url.host();
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        return current().match(host);
    }

    /** The entries in force now, from the file and the table. */
    public BlockedHosts current() {
        Instant now = clock.instant();
        boolean changed = false;
        if (file.isPresent() && !now.isBefore(fileCheckedAt.plus(fileCheck))) {
            changed |= reloadFile(file.get(), now);
        }
        if (!now.isBefore(tableReadAt.plus(tableLifetime))) {
            changed |= reloadTable(now);
        }
        if (changed) {
            combined = fromFile.with(fromTable);
        }
        return combined;
    }

    /** The administrator's entries (the table's, read now), sorted. */
    public Set<String> tableEntries() {
        return BlockedHosts.of(table.all()).entries();
    }

    /** The file's entries as last read. */
    public Set<String> fileEntries() {
        current();
        return fromFile.entries();
    }

    /**
     * Adds a host to the table.
     *
     * @return the normalised entry
     * @throws InvalidRequestException if {@code rawHost} is not a host name or address
     */
    public String block(String rawHost) {
        String host = requireHost(rawHost);
        table.add(host);
        tableReadAt = Instant.MIN;
        return host;
    }

    /**
     * Removes a host from the table.
     *
     * @return whether it was there
     * @throws InvalidRequestException if {@code rawHost} is not a host name or address
     */
    public boolean unblock(String rawHost) {
        String host = requireHost(rawHost);
        boolean removed = table.remove(host);
        tableReadAt = Instant.MIN;
        return removed;
    }

    private static String requireHost(String rawHost) {
        return BlockedHosts.normalise(rawHost).orElseThrow(() -> InvalidRequestException.of(
                "\"" + shorten(rawHost) + "\" is not a host name (e.g. evil.example) or IP address"));
    }

    private static String shorten(String value) {
        String v = value == null ? "" : value;
        return v.length() > 80 ? v.substring(0, 77) + "..." : v;
    }

    private synchronized boolean reloadFile(Path path, Instant now) {
        fileCheckedAt = now;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object stamp = List.of(attributes.lastModifiedTime(), attributes.size());
            if (stamp.equals(fileStamp)) {
                return false;
            }
            List<String> entries = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
            fromFile = BlockedHosts.of(entries);
            fileStamp = stamp;
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false; // keep the last entries; the next check tries again
        }
    }

    private synchronized boolean reloadTable(Instant now) {
        if (now.isBefore(tableReadAt.plus(tableLifetime))) {
            return false;
        }
        tableReadAt = now;
        try {
            fromTable = BlockedHosts.of(table.all());
            return true;
        } catch (RuntimeException failed) {
            // Throttled, or misconfigured (no table, no permission): keep the last copy, try again after
            // tableLifetime. A redirect must never fail because the blocklist could not be read.
            onTableFailure.accept(failed);
            return false;
        }
    }
}
