package dev.tern.web;

import dev.tern.core.click.DayTally;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * A bar chart of clicks per day, computed here and drawn by the template as plain SVG elements:
 * one bar per day (a day without clicks gets a hairline, so that every day has a bar and its text
 * label), a label under every seventh day and the last, the top of the scale at the left.
 * Coordinates are formatted with a dot whatever the page's language.
 *
 * @param bars     one per day, oldest first
 * @param maximum  the top of the scale (at least 1)
 * @param total    clicks over the whole period
 */
record ClickChart(List<Bar> bars, long maximum, long total) {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final double LEFT = 40;
    static final double RIGHT = 8;
    static final double TOP = 12;
    static final double BOTTOM = 28;
    static final double BASELINE = HEIGHT - BOTTOM;

    /**
     * One day.
     *
     * @param day      the UTC day
     * @param clicks   its clicks
     * @param x        left edge
     * @param y        top edge
     * @param width    bar width
     * @param height   bar height (a hairline for zero)
     * @param dayText  the day, as the table shows it
     * @param label    the day's text label, e.g. "23 Nov 2026: 5 clicks"
     * @param tick     the axis label under the bar, or {@code null}
     * @param tickX    where the axis label is anchored
     * @param anchor   how it is anchored: {@code middle}, or {@code end} for the last day (so it stays inside)
     */
    record Bar(LocalDate day, long clicks, String dayText, String x, String y, String width, String height, String label, String tick,
            String tickX, String anchor) {
        public boolean empty() {
            return clicks == 0;
        }
    }

    /** The {@code viewBox} attribute. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public String baseline() {
        return num(BASELINE);
    }

    public String axisLeft() {
        return num(LEFT);
    }

    public String axisRight() {
        return num(WIDTH - RIGHT);
    }

    public String top() {
        return num(TOP);
    }

    /**
     * The chart of {@code days} from {@code from} to {@code to} (both included).
     *
     * @param dayFormat  how the table and the labels show a day
     * @param tickFormat how axis labels show a day
     * @param labelOf    the text label of a day (as {@code dayFormat} shows it) with its clicks
     */
    static ClickChart of(SortedMap<LocalDate, DayTally> days, LocalDate from, LocalDate to, DateTimeFormatter dayFormat,
            DateTimeFormatter tickFormat, java.util.function.BiFunction<String, Long, String> labelOf) {
        List<LocalDate> all = from.datesUntil(to.plusDays(1)).toList();
        long max = 1;
        long total = 0;
        for (LocalDate day : all) {
            long clicks = clicksOn(days, day);
            max = Math.max(max, clicks);
            total += clicks;
        }
        double slot = (WIDTH - LEFT - RIGHT) / all.size();
        double barWidth = slot * 0.72;
        double plotHeight = BASELINE - TOP;
        List<Bar> bars = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            LocalDate day = all.get(i);
            long clicks = clicksOn(days, day);
            double height = clicks == 0 ? 1 : Math.max(2, plotHeight * clicks / max);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            boolean tick = (all.size() - 1 - i) % 7 == 0;
            String dayText = dayFormat.format(day);
            bars.add(new Bar(day, clicks, dayText, num(x), num(BASELINE - height), num(barWidth), num(height),
                    labelOf.apply(dayText, clicks),
                    tick ? tickFormat.format(day) : null, num(i == all.size() - 1 ? x + barWidth : x + barWidth / 2),
                    i == all.size() - 1 ? "end" : "middle"));
        }
        return new ClickChart(List.copyOf(bars), max, total);
    }

    private static long clicksOn(SortedMap<LocalDate, DayTally> days, LocalDate day) {
        DayTally tally = days.get(day);
        return tally == null ? 0 : tally.clicks();
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
