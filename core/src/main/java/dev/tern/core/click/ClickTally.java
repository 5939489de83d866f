package dev.tern.core.click;

import dev.tern.core.link.ShortCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The clicks of one link within one batch, added up per UTC day: what the aggregator writes in one
 * go.
 *
 * @param code the link
 * @param days the per-day tallies, by UTC date
 */
public record ClickTally(ShortCode code, SortedMap<LocalDate, DayTally> days) {
    public ClickTally {
        days = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(days));
    }

    /** Every click of the batch. */
    public long total() {
        long sum = 0;
        for (DayTally day : days.values()) {
            sum += day.clicks();
        }
        return sum;
    }

    /** Adds up clicks, all of which must be for {@code code}. */
    public static ClickTally of(ShortCode code, Collection<Click> clicks) {
        Map<LocalDate, Counting> byDay = new HashMap<>();
        for (Click click : clicks) {
            if (!click.code().equals(code)) {
                throw new IllegalArgumentException("click for " + click.code() + " in the tally of " + code);
            }
            LocalDate day = LocalDate.ofInstant(click.at(), ZoneOffset.UTC);
            byDay.computeIfAbsent(day, d -> new Counting()).add(click);
        }
        SortedMap<LocalDate, DayTally> days = new TreeMap<>();
        byDay.forEach((day, counting) -> days.put(day, counting.toTally()));
        return new ClickTally(code, days);
    }

    private static final class Counting {
        long clicks;
        final Map<String, Long> referrers = new TreeMap<>();
        final Map<String, Long> countries = new TreeMap<>();
        final Map<VisitorClass, Long> visitors = new EnumMap<>(VisitorClass.class);

        void add(Click click) {
            clicks++;
            referrers.merge(click.referrerHost(), 1L, Long::sum);
            if (!click.country().isEmpty()) {
                countries.merge(click.country(), 1L, Long::sum);
            }
            visitors.merge(click.visitor(), 1L, Long::sum);
        }

        DayTally toTally() {
            return new DayTally(clicks, referrers, countries, visitors);
        }
    }
}
