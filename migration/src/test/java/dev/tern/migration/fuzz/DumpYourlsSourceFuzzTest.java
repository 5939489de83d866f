package dev.tern.migration.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.KeywordOrder;
import dev.tern.migration.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code mysqldump} parser on any file: rows, or {@link SourceException} ("malformed dump", "no
 * url table"), never another exception, whichever of the source's reads comes first. Seeds are small
 * dumps cut from the YOURLS reference dump (testdata/yourls).
 */
class DumpYourlsSourceFuzzTest {
    /** One file for the whole run, rewritten per input: a fuzzer calls the target millions of times. */
    private static final Path DUMP = temporaryFile();

    @FuzzTest(maxDuration = "15s")
    void readEverything(byte[] data) throws IOException {
        Files.write(DUMP, data);
        try (DumpYourlsSource source = DumpYourlsSource.open(DUMP)) {
            try {
                source.schema();
            } catch (SourceException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
            try (var urls = source.urls(Optional.empty())) {
                urls.forEach(row -> assertThat(row.keyword()).isNotNull());
            } catch (SourceException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
            try (var urls = source.urls(Optional.of("m"))) {
                urls.forEach(row -> assertThat(KeywordOrder.compare(row.keyword(), "m")).isPositive());
            } catch (SourceException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
            try (var log = source.log()) {
                log.forEach(row -> assertThat(row).isNotNull());
            } catch (SourceException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
            try {
                assertThat(source.options()).doesNotContainKey(null);
            } catch (SourceException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
            try {
                assertThat(source.expiries()).doesNotContainNull();
            } catch (SourceException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("tern-fuzz-dump", ".sql");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
