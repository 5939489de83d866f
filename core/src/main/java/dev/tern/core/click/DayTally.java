package dev.tern.core.click;

import java.util.Map;
import java.util.TreeMap;

/**
 * The clicks of one link on one UTC day within one batch.
 *
 * @param clicks    how many
 * @param referrers clicks per referrer host
 * @param countries clicks per country code (clicks without one are not listed)
 * @param visitors  clicks per visitor class
 */
public record DayTally(long clicks, Map<String, Long> referrers, Map<String, Long> countries, Map<VisitorClass, Long> visitors) {
    public DayTally {
        referrers = Map.copyOf(referrers);
        countries = Map.copyOf(countries);
        visitors = Map.copyOf(visitors);
    }

    /** Adds up two tallies of the same day. */
    public DayTally plus(DayTally other) {
        Map<String, Long> r = new TreeMap<>(referrers);
        other.referrers.forEach((k, v) -> r.merge(k, v, Long::sum));
        Map<String, Long> c = new TreeMap<>(countries);
        other.countries.forEach((k, v) -> c.merge(k, v, Long::sum));
        Map<VisitorClass, Long> u = new java.util.EnumMap<>(VisitorClass.class);
        u.putAll(visitors);
        other.visitors.forEach((k, v) -> u.merge(k, v, Long::sum));
        return new DayTally(clicks + other.clicks, r, c, u);
    }
}
