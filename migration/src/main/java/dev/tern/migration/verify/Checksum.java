package dev.tern.migration.verify;

import java.util.Objects;

/**
 * The checksum of {@code testdata/yourls/expected.json}'s {@code checksum_definition} over the
 * {@code keyword|url|title|timestamp|clicks} lines of a set of links: lines sorted bytewise (UTF-8),
 * each ended by {@code \n}, hashed.
 *
 * @param lines  how many lines were hashed
 * @param md5    lower-case hex
 * @param sha256 lower-case hex
 */
public record Checksum(long lines, String md5, String sha256) {
    public Checksum {
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(sha256, "sha256");
    }
}
