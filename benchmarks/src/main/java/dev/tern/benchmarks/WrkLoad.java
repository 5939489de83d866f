package dev.tern.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs {@code wrk} (Debian's {@code wrk} package: C, epoll, two threads) as the load generator of
 * {@link RedirectLoadTest}: the standard tool for this measurement, and the cheapest on a machine
 * whose two cores it shares with the server. Bounded twice: {@code -d} stops it after the time limit,
 * and a Lua script stops each of its threads after its share of the request count.
 *
 * <p>wrk counts only responses it read before stopping; requests still in flight when a thread
 * stops (at most one per connection) may be served and counted as clicks without being in its count.
 */
final class WrkLoad {
    private static final Pattern COUNT = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern MAX = Pattern.compile("^\\s*Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s)", Pattern.MULTILINE);
    private static final Pattern NON_3XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final int THREADS = 2;

    private WrkLoad() {
    }

    /** Whether {@code wrk} can be started here. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * GETs {@code /<code>} for the codes in turn over {@code connections} connections until
     * {@code requests} responses were read or {@code limit} passed.
     */
    static LoadSummary run(URI base, List<String> codes, int connections, int requests, Duration limit)
            throws IOException, InterruptedException {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("wrk only loads 127.0.0.1, not " + base);
        }
        Path script = Files.createTempFile("tern-wrk-", ".lua");
        try {
            Files.writeString(script, script(codes, Math.max(1, requests / THREADS)), StandardCharsets.UTF_8);
            long seconds = Math.max(1, limit.toSeconds());
            Process process = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + Math.max(THREADS, connections),
                    "-d" + seconds + "s", "--timeout", "10s", "--latency", "-s", script.toString(), base.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not stop " + (seconds + 30) + " s after it started");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + process.exitValue() + ":\n" + output);
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Each thread walks the codes from its own offset and stops itself after {@code perThread} responses. */
    static String script(List<String> codes, int perThread) {
        String list = codes.stream().map(code -> "\"/" + code + "\"").collect(Collectors.joining(","));
        return """
                local paths = {%s}
                local limit = %d
                local threads = 0
                function setup(thread)
                  thread:set("offset", threads)
                  threads = threads + 1
                end
                function init(args)
                  i = offset
                  done = 0
                end
                function request()
                  i = i + 1
                  return wrk.format("GET", paths[(i %% #paths) + 1])
                end
                function response(status, headers, body)
                  done = done + 1
                  if done >= limit then
                    wrk.thread:stop()
                  end
                end
                """.formatted(list, perThread);
    }

    static LoadSummary parse(String output) {
        Matcher count = COUNT.matcher(output);
        if (!count.find()) {
            throw new IllegalStateException("no request count in wrk's output:\n" + output);
        }
        long total = Long.parseLong(count.group(1));
        double seconds = millis(count.group(2), count.group(3)) / 1000;
        long failed = 0;
        Matcher non3xx = NON_3XX.matcher(output);
        if (non3xx.find()) {
            failed += Long.parseLong(non3xx.group(1));
        }
        Matcher errors = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(errors.group(g));
            }
        }
        double p50 = 0;
        double p90 = 0;
        double p99 = 0;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double value = millis(percentile.group(2), percentile.group(3));
            switch (percentile.group(1)) {
                case "50" -> p50 = value;
                case "90" -> p90 = value;
                default -> p99 = value;
            }
        }
        Matcher max = MAX.matcher(output);
        double maxMillis = max.find() ? millis(max.group(1), max.group(2)) : 0;
        return new LoadSummary(total - failed, failed + socketErrors, seconds, p50, p90, p99, maxMillis);
    }

    private static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            case "m" -> number * 60_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
