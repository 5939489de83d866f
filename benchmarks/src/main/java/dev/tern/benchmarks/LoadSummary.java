package dev.tern.benchmarks;

import java.util.Arrays;

/**
 * What one run of a load generator measured, in the same terms whichever generator ran it
 * ({@link RedirectLoadTest}'s Java clients or {@link WrkLoad}). Latencies in milliseconds.
 *
 * @param ok     responses with the expected status
 * @param failed other responses and connection errors
 */
record LoadSummary(long ok, long failed, double seconds, double p50, double p90, double p99, double max) {

    /** From every successful request's latency in nanoseconds (any order). */
    static LoadSummary fromLatencies(long ok, long failed, long elapsedNanos, long[] latencyNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LoadSummary(ok, failed, elapsedNanos / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    String report(String generator) {
        return String.format(
                "requests: %d ok, %d failed in %.2f s -> %.0f req/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%s)",
                ok, failed, seconds, ok / seconds, p50, p90, p99, max, generator);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
