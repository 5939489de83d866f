package dev.tern.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretTest {

    @Test
    void inMemory_getsAFresh32ByteSecretEachTime() {
        String first = LocalSecret.loadOrCreate(Optional.empty());
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(LocalSecret.loadOrCreate(Optional.empty())).isNotEqualTo(first);
    }

    @Test
    void persistent_keepsTheSameSecretAcrossStarts_readableByOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("dynamodb");
        String first = LocalSecret.loadOrCreate(Optional.of(data));
        assertThat(LocalSecret.loadOrCreate(Optional.of(data))).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(data.resolve(LocalSecret.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
