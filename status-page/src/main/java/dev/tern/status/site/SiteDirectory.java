package dev.tern.status.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a generated site into a directory (what {@code local/} serves at {@code /status/}). Each file
 * is written beside its place and moved over it, so a reader never sees half a file.
 */
public final class SiteDirectory {
    private SiteDirectory() {}

    /** A publisher writing into {@code root} (see {@link #write}). */
    public static SitePublisher publisher(Path root) {
        return site -> write(root, site);
    }

    /** Writes every file of {@code site} under {@code root}, creating directories as needed. */
    public static void write(Path root, Map<String, byte[]> site) {
        for (Map.Entry<String, byte[]> file : site.entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root.normalize())) {
                throw new IllegalArgumentException("A status site path leaves its directory: " + file.getKey());
            }
            try {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), ".tern-status-", ".tmp");
                Files.write(temporary, file.getValue());
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the status page file " + target, e);
            }
        }
    }
}
