package dev.tern.status.incident;

import java.util.OptionalDouble;

/**
 * What the judged minutes of one day say about a cell (or, summed, about a row of the page).
 * Minutes without data are not counted anywhere: they are the day's minutes minus the others.
 *
 * @param upMinutes minutes judged up
 * @param degradedMinutes minutes judged degraded (they count as up in the uptime)
 * @param downMinutes minutes judged down by quorum, whether or not they lasted long enough for an incident
 * @param maintenanceMinutes minutes in a planned maintenance window (left out of the uptime)
 * @param latencySumMillis sum of the per-minute median latencies of passing probes
 * @param latencyCount how many minutes contributed to {@code latencySumMillis}
 */
public record DayStats(int upMinutes, int degradedMinutes, int downMinutes, int maintenanceMinutes,
        long latencySumMillis, int latencyCount) {

    /** A day with nothing judged yet. */
    public static final DayStats EMPTY = new DayStats(0, 0, 0, 0, 0, 0);

    /** Minutes that count in the uptime: up, degraded and down. */
    public int observedMinutes() {
        return upMinutes + degradedMinutes + downMinutes;
    }

    /** (observed − down) / observed, or empty when nothing was observed. */
    public OptionalDouble uptime() {
        int observed = observedMinutes();
        return observed == 0 ? OptionalDouble.empty() : OptionalDouble.of((observed - downMinutes) / (double) observed);
    }

    /** Mean of the per-minute median latencies, or empty without passing probes. */
    public OptionalDouble meanLatencyMillis() {
        return latencyCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(latencySumMillis / (double) latencyCount);
    }

    /** The sum of both days' counters. */
    public DayStats plus(DayStats o) {
        return new DayStats(upMinutes + o.upMinutes, degradedMinutes + o.degradedMinutes, downMinutes + o.downMinutes,
                maintenanceMinutes + o.maintenanceMinutes, latencySumMillis + o.latencySumMillis,
                latencyCount + o.latencyCount);
    }

    DayStats count(Judgement judgement) {
        long latency = judgement.medianLatencyMillis();
        int withLatency = latency >= 0 ? 1 : 0;
        long sum = latency >= 0 ? latency : 0;
        return switch (judgement.verdict()) {
            case UP -> new DayStats(upMinutes + 1, degradedMinutes, downMinutes, maintenanceMinutes,
                    latencySumMillis + sum, latencyCount + withLatency);
            case DEGRADED -> new DayStats(upMinutes, degradedMinutes + 1, downMinutes, maintenanceMinutes,
                    latencySumMillis + sum, latencyCount + withLatency);
            case DOWN -> new DayStats(upMinutes, degradedMinutes, downMinutes + 1, maintenanceMinutes,
                    latencySumMillis, latencyCount);
            case MAINTENANCE -> new DayStats(upMinutes, degradedMinutes, downMinutes, maintenanceMinutes + 1,
                    latencySumMillis, latencyCount);
            case NO_DATA -> this;
        };
    }
}
