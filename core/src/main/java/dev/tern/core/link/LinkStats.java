package dev.tern.core.link;

import dev.tern.core.click.VisitorClass;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A link's click statistics over a range of UTC days.
 *
 * @param code      the link
 * @param total     every click counted so far, whatever the range
 * @param from      the first day of the range
 * @param to        the last day of the range (included)
 * @param inRange   the clicks within the range
 * @param days      one entry per day of the range, oldest first, days without clicks included
 * @param referrers the most frequent referrer hosts in the range, most clicks first
 * @param countries the most frequent countries in the range, most clicks first
 * @param visitors  the range's clicks per visitor class
 */
public record LinkStats(ShortCode code, long total, LocalDate from, LocalDate to, long inRange, List<Day> days,
        List<Count> referrers, List<Count> countries, Map<VisitorClass, Long> visitors) {
    public LinkStats {
        Objects.requireNonNull(code, "code");
        days = List.copyOf(days);
        referrers = List.copyOf(referrers);
        countries = List.copyOf(countries);
        visitors = Map.copyOf(visitors);
    }

    /** The clicks of one day. */
    public record Day(LocalDate date, long clicks) {
    }

    /** A name (referrer host, country code) and its clicks. */
    public record Count(String name, long clicks) {
    }
}
