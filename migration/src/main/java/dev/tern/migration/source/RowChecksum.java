package dev.tern.migration.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checksum of a table's rows as {@code testdata/yourls/expected.json} defines it, comparable
 * between a YOURLS source and Tern: one line per row, the chosen columns joined with {@code |}
 * (NULL as empty), the lines sorted bytewise by their UTF-8 bytes ({@code LC_ALL=C sort}), each
 * followed by {@code \n}, hashed with MD5 and SHA-256. Row order does not matter.
 *
 * <p>Equivalent shell: {@code mysql --batch --raw -N -e "SELECT CONCAT_WS('|',keyword,url,IFNULL(title,''),timestamp,clicks)
 * FROM yourls_url" | LC_ALL=C sort | md5sum}.
 *
 * <p>Memory: the lines are sorted in memory as UTF-8 byte arrays, about (line length + 24) bytes
 * per row: roughly 220 MB per million YOURLS url rows of typical length (a 150-byte URL and title).
 *
 * @param lines  how many rows went in
 * @param md5    the MD5 of the sorted lines, lower-case hex
 * @param sha256 the SHA-256 of the sorted lines, lower-case hex
 */
public record RowChecksum(long lines, String md5, String sha256) {

    /** The line of a url row for the checksum over {@code keyword|url|title|timestamp|clicks}. */
    public static String urlLine(String keyword, String url, String title, String timestamp, long clicks) {
        return line(keyword, url, title, timestamp, Long.toString(clicks));
    }

    /** {@link #urlLine(String, String, String, String, long)} of a source row. */
    public static String urlLine(UrlRow row) {
        return urlLine(row.keyword(), row.url(), row.title(), row.timestamp(), row.clicks());
    }

    /** The line of a url row over all its columns, {@code keyword|url|title|timestamp|ip|clicks}. */
    public static String urlLineAllColumns(UrlRow row) {
        return line(row.keyword(), row.url(), row.title(), row.timestamp(), row.ip(), Long.toString(row.clicks()));
    }

    /** The line of a log row over all its columns, {@code click_id|click_time|shorturl|referrer|user_agent|ip_address|country_code}. */
    public static String logLineAllColumns(LogRow row) {
        return Long.toString(row.clickId()) + '|' + logLineWithoutClickId(row);
    }

    /** The line of a log row without its id, {@code click_time|shorturl|referrer|user_agent|ip_address|country_code}. */
    public static String logLineWithoutClickId(LogRow row) {
        return line(row.clickTime(), row.shortUrl(), row.referrer(), row.userAgent(), row.ipAddress(), row.countryCode());
    }

    /** Fields joined with {@code |}, a null field as empty. */
    public static String line(String... fields) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append('|');
            }
            if (fields[i] != null) {
                line.append(fields[i]);
            }
        }
        return line.toString();
    }

    /** The checksum of these lines (in any order). */
    public static RowChecksum of(Stream<String> lines) {
        Accumulator accumulator = new Accumulator();
        lines.forEach(accumulator::add);
        return accumulator.result();
    }

    /** Collects lines one at a time (for sources streamed row by row), then sorts and hashes them. */
    public static final class Accumulator {
        private final List<byte[]> lines = new ArrayList<>();

        /** Adds one line (without its {@code \n}). */
        public void add(String line) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }

        /** Sorts the lines bytewise and hashes them. */
        public RowChecksum result() {
            byte[][] sorted = lines.toArray(new byte[0][]);
            Arrays.sort(sorted, Arrays::compareUnsigned);
            MessageDigest md5 = digest("MD5");
            MessageDigest sha256 = digest("SHA-256");
            for (byte[] line : sorted) {
                md5.update(line);
                md5.update((byte) '\n');
                sha256.update(line);
                sha256.update((byte) '\n');
            }
            return new RowChecksum(sorted.length, HexFormat.of().formatHex(md5.digest()),
                    HexFormat.of().formatHex(sha256.digest()));
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has " + algorithm, e);
            }
        }
    }
}
