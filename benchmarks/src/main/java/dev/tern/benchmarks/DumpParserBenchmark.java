package dev.tern.benchmarks;

import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.UrlRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The mysqldump parser alone ({@code DumpYourlsSource}, issue 5's target: ≥ 100,000 rows/s): every
 * url row of a synthetic 100,000-link YOURLS dump, read from a file in the OS page cache and mapped
 * to {@code UrlRow}s. The dump is written once per fork in mysqldump's shape (the sandbox line,
 * conditional comments, CREATE TABLE, ~1 MB extended INSERTs, a log table before the url table that
 * must be skipped) with row sizes like the recorded YOURLS site's: URLs of 30–400 characters (a few
 * of 2,000), titles with quotes, backslashes, newlines, accented text and emoji.
 *
 * <p>Score = rows per second ({@code @OperationsPerInvocation} = the row count).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class DumpParserBenchmark {

    static final int ROWS = 100_000;
    private static final int INSERT_BYTES = 1_000_000;

    private Path dump;
    private DumpYourlsSource source;

    @Setup(Level.Trial)
    public void writeDump() throws IOException {
        dump = Files.createTempFile("tern-dump-benchmark-", ".sql");
        write(dump, ROWS);
        source = DumpYourlsSource.open(dump);
        long rows;
        try (Stream<UrlRow> urls = source.urls(Optional.empty())) {
            rows = urls.count();
        }
        if (rows != ROWS) {
            throw new IllegalStateException("the generated dump reads as " + rows + " rows, not " + ROWS);
        }
        System.out.printf("%nsynthetic dump: %,d bytes, %,d url rows after %,d log rows%n", Files.size(dump), ROWS, ROWS / 5);
    }

    @TearDown(Level.Trial)
    public void deleteDump() throws IOException {
        Files.deleteIfExists(dump);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void readAllUrlRows(Blackhole blackhole) {
        try (Stream<UrlRow> urls = source.urls(Optional.empty())) {
            urls.forEach(blackhole::consume);
        }
    }

    /**
     * A second view that contention on a shared machine cannot blur: rows per CPU-second of the
     * reading thread (its own CPU time, from {@code ThreadMXBean}) beside wall-clock rows/s, over
     * {@code passes} passes (default 15) of the same dump. Run with
     * {@code java -cp benchmarks/target/tern-benchmarks.jar dev.tern.benchmarks.DumpParserBenchmark [passes]}.
     */
    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        DumpParserBenchmark benchmark = new DumpParserBenchmark();
        benchmark.writeDump();
        try {
            for (int pass = 1; pass <= passes; pass++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                long rows;
                try (Stream<UrlRow> urls = benchmark.source.urls(Optional.empty())) {
                    rows = urls.count();
                }
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
                System.out.printf("pass %2d: %,d rows, %,.0f rows per CPU-second, %,.0f rows/s wall%n",
                        pass, rows, rows / cpuSeconds, rows / wallSeconds);
            }
        } finally {
            benchmark.deleteDump();
        }
    }

    /**
     * Writes a synthetic YOURLS dump of {@code rows} links (keywords {@code k000000}, {@code k000001}, …)
     * after a log table of {@code rows / 5} clicks. Also used by the migration throughput benchmark.
     */
    static void write(Path file, int rows) {
        SplittableRandom random = new SplittableRandom(20261123);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n\n");
            out.write("/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n\n");
            out.write("""
                    DROP TABLE IF EXISTS `yourls_log`;
                    CREATE TABLE `yourls_log` (
                      `click_id` int(11) NOT NULL AUTO_INCREMENT,
                      `click_time` datetime NOT NULL,
                      `shorturl` varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                      `referrer` varchar(200) NOT NULL,
                      `user_agent` varchar(255) NOT NULL,
                      `ip_address` varchar(41) NOT NULL,
                      `country_code` char(2) NOT NULL,
                      PRIMARY KEY (`click_id`),
                      KEY `shorturl` (`shorturl`)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
                    LOCK TABLES `yourls_log` WRITE;
                    """);
            inserts(out, "yourls_log", rows / 5, i -> "(" + (i + 1) + ",'2026-11-23 05:34:07','" + keyword(i * 7 % rows)
                    + "','https://www.google.com/search?q=yourls+short','Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0','192.0.2."
                    + (i % 250) + "','" + (i % 3 == 0 ? "" : "DE") + "')");
            out.write("UNLOCK TABLES;\n");
            out.write("""
                    DROP TABLE IF EXISTS `yourls_url`;
                    CREATE TABLE `yourls_url` (
                      `keyword` varchar(100) NOT NULL DEFAULT '',
                      `url` text NOT NULL,
                      `title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL,
                      `timestamp` timestamp NOT NULL DEFAULT current_timestamp(),
                      `ip` varchar(41) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
                      `clicks` int(10) unsigned NOT NULL,
                      PRIMARY KEY (`keyword`),
                      KEY `ip` (`ip`),
                      KEY `timestamp` (`timestamp`),
                      KEY `url_idx` (`url`(30))
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
                    LOCK TABLES `yourls_url` WRITE;
                    """);
            String[] titles = {
                "YOURLS\\' Blog", "Rocket 🚀 launch — ünïcödé 日本語 🇫🇷", "100% \\\\ backslash \\\\", "line1\\nline2\\nline3",
                "Ça va? «Très bien»", "Quarterly report: \\\"numbers\\\" & more", "Ελληνικός τίτλος finance", "Emoji mix 😀😃😄😁 👍🏽",
                "Support Juliet Uniform Reference Annual Team Lima Notes", "",
            };
            inserts(out, "yourls_url", rows, i -> {
                int urlLength = random.nextInt(100) == 0 ? 2_000 : 30 + random.nextInt(370);
                StringBuilder url = new StringBuilder(urlLength + 40).append("https://example.com/");
                while (url.length() < urlLength) {
                    url.append(random.nextInt(10) == 0 ? "straße/" : "path").append(random.nextInt(1000)).append('/');
                }
                url.append("?utm_source=it\\'s&q=a%20b");
                String title = random.nextInt(8) == 0 ? "NULL" : "'" + titles[random.nextInt(titles.length)] + "'";
                return "('" + keyword(i) + "','" + url + "'," + title + ",'2026-11-23 05:"
                        + String.format("%02d:%02d", i / 60 % 60, i % 60) + "','198.51.100." + (i % 250) + "',"
                        + random.nextInt(50) + ")";
            });
            out.write("UNLOCK TABLES;\n-- Dump completed on 2026-11-23  5:36:45\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keywords in binary order, as mysqldump writes rows in primary-key order. */
    private static String keyword(int i) {
        return String.format("k%06d", i);
    }

    private static void inserts(BufferedWriter out, String table, int rows, java.util.function.IntFunction<String> row)
            throws IOException {
        int inStatement = 0;
        for (int i = 0; i < rows; i++) {
            String values = row.apply(i);
            if (inStatement == 0) {
                out.write("INSERT INTO `" + table + "` VALUES ");
            } else {
                out.write(",\n");
            }
            out.write(values);
            inStatement += values.length();
            if (inStatement > INSERT_BYTES || i == rows - 1) {
                out.write(";\n");
                inStatement = 0;
            }
        }
    }
}
