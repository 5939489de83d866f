package dev.tern.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code TERN_SECRET} of the local platform when the environment gives none: kept beside the
 * data (so form tokens and address hashes stay valid across restarts), or made fresh for an
 * in-memory run. In AWS the CDK app provides it from a secret.
 */
final class LocalSecret {
    static final String FILE_NAME = "tern-secret";

    private LocalSecret() {
    }

    /** The secret stored in {@code dataDir}, created (readable by the owner only) on first use; a fresh one without a data dir. */
    static String loadOrCreate(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return fresh();
        }
        Path file = dataDir.get().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(dataDir.get());
            String secret = fresh();
            try {
                Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the folder's permissions.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local secret " + file, e);
        }
    }

    private static String fresh() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
