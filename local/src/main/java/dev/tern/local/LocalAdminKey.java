package dev.tern.local;

import dev.tern.core.apikey.ApiKeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The admin API key of the local platform when the environment gives none
 * ({@code TERN_BOOTSTRAP_ADMIN_KEY}): kept beside the data in {@value #FILE_NAME} (readable by the
 * owner only), made on first start; a fresh one for an in-memory run. In AWS the CDK app provides
 * it from a secret.
 *
 * @param value   the key
 * @param created whether it was made just now (so the start-up banner shows it this once)
 * @param file    where it is kept, if anywhere
 */
record LocalAdminKey(String value, boolean created, Optional<Path> file) {
    static final String FILE_NAME = "admin-key";

    /** The key stored in {@code dataDir}, created on first use; a fresh one without a data dir. */
    static LocalAdminKey loadOrCreate(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return new LocalAdminKey(fresh(), true, Optional.empty());
        }
        Path file = dataDir.get().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new LocalAdminKey(read(file), false, Optional.of(file));
            }
            Files.createDirectories(dataDir.get());
            String key = fresh();
            try {
                Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                return new LocalAdminKey(read(file), false, Optional.of(file));
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the folder's permissions.
            }
            return new LocalAdminKey(key, true, Optional.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local admin key " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (ApiKeyValue.parse(key).isEmpty()) {
            throw new IllegalStateException("The file " + file + " does not hold an API key (tern_<id>_<secret>); "
                    + "delete it to have a new admin key made");
        }
        return key;
    }

    private static String fresh() {
        return ApiKeyValue.generate(new SecureRandom()).value();
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "LocalAdminKey[created=" + created + ", file=" + file + "]";
    }
}
