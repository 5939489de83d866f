package dev.tern.status.site;

import static dev.tern.status.site.Html.escape;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Region;
import dev.tern.status.incident.ComponentStatus;
import dev.tern.status.incident.DayStats;
import dev.tern.status.incident.Incident;
import dev.tern.status.incident.IncidentUpdate;
import dev.tern.status.incident.StatusPolicy;
import dev.tern.status.incident.StatusSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders {@code index.html}: plain HTML and one stylesheet, no script. Built with a StringBuilder and
 * {@link Html#escape} on every dynamic string, which keeps the bytes per day bar under control (the
 * page must stay under 50 KB with 90 days of many rows).
 */
final class HtmlPage {
    static final int DAYS = 90;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final int CHART_WIDTH = 900;
    private static final int CHART_HEIGHT = 160;
    private static final int CHART_TOP = 10;
    /** Incidents shown with their whole timeline; older ones get one line. */
    static final int TIMELINES = 5;

    private HtmlPage() {}

    static String render(StatusView view) {
        StatusSnapshot s = view.snapshot();
        String name = escape(view.page().name());
        ComponentStatus overall = s.overallStatus();
        StringBuilder h = new StringBuilder(40_000);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>").append(name).append(" status</title>")
                .append("<link rel=\"stylesheet\" href=\"status.css\">")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(name)
                .append(" incidents\" href=\"history.atom\"></head>\n<body><header><h1>").append(name)
                .append(" status</h1><p class=\"overall s-").append(overall.id()).append("\">")
                .append(escape(StatuspageFeeds.description(overall))).append("</p><p class=\"muted\">Updated <time datetime=\"")
                .append(s.asOf()).append("\">").append(MINUTE.format(s.asOf())).append("</time>. Every region checks every region each minute.</p></header>\n<main>");
        current(h, s);
        maintenance(h, s);
        history(h, s);
        chart(h, s);
        incidents(h, s);
        formula(h, view.policy(), s);
        h.append("</main>\n<footer><p>Machine-readable: <a href=\"api/v2/summary.json\">summary.json</a> (Statuspage v2), ")
                .append("<a href=\"history.atom\">incident feed (Atom)</a>, <a href=\"badge.svg\">badge</a>.</p></footer></body></html>\n");
        return h.toString();
    }

    private static void current(StringBuilder h, StatusSnapshot s) {
        h.append("<section aria-labelledby=\"now\"><h2 id=\"now\">Now</h2><table><caption class=\"muted\">State of each component in each region</caption><thead><tr><th scope=\"col\">Component</th>");
        for (Region r : s.regions()) {
            h.append("<th scope=\"col\">").append(escape(r.code())).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (Component c : s.components()) {
            h.append("<tr><th scope=\"row\">").append(escape(c.displayName())).append("</th>");
            for (Region r : s.regions()) {
                var status = s.status(new Cell(c, r));
                h.append("<td class=\"s-").append(status.status().id()).append("\">").append(status.status().label())
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void maintenance(StringBuilder h, StatusSnapshot s) {
        List<OperatorAction.Maintenance> coming = s.maintenances().stream().filter(m -> m.until().isAfter(s.asOf())).toList();
        if (coming.isEmpty()) {
            return;
        }
        h.append("<section aria-labelledby=\"mnt\"><h2 id=\"mnt\">Planned maintenance</h2><ul>");
        for (OperatorAction.Maintenance m : coming) {
            h.append("<li><b>").append(escape(m.title())).append("</b> ").append(MINUTE.format(m.from())).append(" – ")
                    .append(MINUTE.format(m.until())).append(m.from().isAfter(s.asOf()) ? " (scheduled)" : " (in progress)")
                    .append("</li>");
        }
        h.append("</ul></section>\n");
    }

    private static void history(StringBuilder h, StatusSnapshot s) {
        h.append("<section aria-labelledby=\"hist\"><h2 id=\"hist\">Last ").append(DAYS).append(" days</h2>")
                .append("<ul class=\"legend\" aria-label=\"Colours of the day bars\"><li><i></i>No downtime</li><li><i class=\"g\"></i>Degraded</li>")
                .append("<li><i class=\"p\"></i>Down, ≥ 99% uptime</li><li><i class=\"o\"></i>Down, &lt; 99% uptime</li>")
                .append("<li><i class=\"m\"></i>Maintenance only</li><li><i class=\"n\"></i>No data</li></ul>");
        List<Row> rows = Row.all(s, DAYS);
        LocalDate first = rows.getFirst().days().getFirst().date();
        LocalDate last = rows.getFirst().days().getLast().date();
        for (Row row : rows) {
            String rowName = escape(row.name());
            h.append("<div class=\"row\"><h3 id=\"r-").append(escape(row.id())).append("\">").append(rowName)
                    .append(" <span class=\"s-").append(row.status().id()).append("\">").append(row.status().label())
                    .append("</span><span class=\"up\">").append(row.uptime().isPresent() ? percent(row.uptime().getAsDouble()) + " uptime" : "no data")
                    .append("</span></h3>")
                    .append("<ol class=\"bar\" aria-label=\"").append(rowName).append(", day by day from ").append(first)
                    .append(" to ").append(last).append("\">");
            for (Row.Day day : row.days()) {
                String css = dayClass(day.stats());
                // </li> is optional in HTML and left out: 720 day bars would spend 3.6 KB on it.
                h.append(css.isEmpty() ? "<li>" : "<li class=\"" + css + "\">").append("<span>")
                        .append(dayLabel(day)).append("</span>");
            }
            h.append("</ol><p class=\"scale\" aria-hidden=\"true\"><span>").append(DAYS)
                    .append(" days ago</span><span>today</span></p></div>");
        }
        h.append("</section>\n");
    }

    static String dayLabel(Row.Day day) {
        DayStats d = day.stats();
        StringBuilder label = new StringBuilder(48).append(day.date()).append(": ");
        OptionalDouble uptime = d.uptime();
        if (uptime.isEmpty()) {
            label.append(d.maintenanceMinutes() > 0 ? "maintenance" : "no data");
        } else {
            label.append(percent(uptime.getAsDouble())).append(" uptime");
        }
        if (day.incidents() > 0) {
            label.append(", ").append(day.incidents()).append(day.incidents() == 1 ? " incident" : " incidents");
        }
        if (d.maintenanceMinutes() > 0 && uptime.isPresent()) {
            label.append(", ").append(d.maintenanceMinutes()).append(" min maintenance");
        }
        return label.toString();
    }

    private static String dayClass(DayStats d) {
        OptionalDouble uptime = d.uptime();
        if (uptime.isEmpty()) {
            return d.maintenanceMinutes() > 0 ? "m" : "n";
        }
        if (d.downMinutes() > 0) {
            return uptime.getAsDouble() >= 0.99 ? "p" : "o";
        }
        return d.degradedMinutes() > 0 ? "g" : "";
    }

    /** Rounded down, so a day with one down minute never reads 100%. */
    static String percent(double f) {
        if (f >= 1.0) {
            return "100%";
        }
        return String.format(Locale.ROOT, "%.2f%%", Math.floor(f * 10_000) / 100);
    }

    private static void chart(StringBuilder h, StatusSnapshot s) {
        LocalDate today = LocalDate.ofInstant(s.asOf(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        List<double[]> series = new ArrayList<>();
        double max = 0;
        for (Region r : s.regions()) {
            double[] values = new double[DAYS];
            for (int i = 0; i < DAYS; i++) {
                OptionalDouble mean = s.day(new Cell(Component.REDIRECT, r), first.plusDays(i)).meanLatencyMillis();
                values[i] = mean.orElse(-1);
                max = Math.max(max, values[i]);
            }
            series.add(values);
        }
        double top = niceCeiling(max);
        StringBuilder summary = new StringBuilder("Redirect response time, daily mean per region, ").append(first)
                .append(" to ").append(today).append(". ");
        h.append("<section aria-labelledby=\"rt\"><h2 id=\"rt\">Response time</h2><figure><svg role=\"img\" aria-labelledby=\"rt-cap\" viewBox=\"0 0 ")
                .append(CHART_WIDTH + 60).append(' ').append(CHART_HEIGHT + 30).append("\">")
                .append("<line class=\"axis\" x1=\"50\" y1=\"").append(CHART_TOP + CHART_HEIGHT).append("\" x2=\"")
                .append(CHART_WIDTH + 50).append("\" y2=\"").append(CHART_TOP + CHART_HEIGHT).append("\"/>")
                .append("<text x=\"0\" y=\"").append(CHART_TOP + 5).append("\">").append((long) top).append(" ms</text>")
                .append("<text x=\"0\" y=\"").append(CHART_TOP + CHART_HEIGHT).append("\">0 ms</text>")
                .append("<text x=\"50\" y=\"").append(CHART_TOP + CHART_HEIGHT + 20).append("\">").append(first).append("</text>")
                .append("<text x=\"").append(CHART_WIDTH - 30).append("\" y=\"").append(CHART_TOP + CHART_HEIGHT + 20)
                .append("\">").append(today).append("</text>");
        for (int k = 0; k < series.size(); k++) {
            double[] values = series.get(k);
            StringBuilder path = new StringBuilder();
            boolean drawing = false;
            double low = Double.MAX_VALUE;
            double high = 0;
            double latest = -1;
            for (int i = 0; i < DAYS; i++) {
                if (values[i] < 0) {
                    drawing = false;
                    continue;
                }
                long x = 50 + Math.round((i + 0.5) * CHART_WIDTH / DAYS);
                long y = CHART_TOP + CHART_HEIGHT - Math.round(values[i] / top * CHART_HEIGHT);
                path.append(drawing ? 'L' : 'M').append(x).append(' ').append(y);
                drawing = true;
                low = Math.min(low, values[i]);
                high = Math.max(high, values[i]);
                latest = values[i];
            }
            String region = escape(s.regions().get(k).code());
            String dash = "line " + (k % 4 == 0 ? "solid" : k % 4 == 1 ? "dashed" : k % 4 == 2 ? "dotted" : "dash-dot");
            if (path.isEmpty()) {
                summary.append(region).append(": no data. ");
            } else {
                h.append("<path class=\"l").append(k % 4).append("\" d=\"").append(path).append("\"/>");
                summary.append(region).append(" (").append(dash).append("): ").append(Math.round(low)).append(" to ")
                        .append(Math.round(high)).append(" ms, latest ").append(Math.round(latest)).append(" ms. ");
            }
        }
        h.append("</svg><figcaption id=\"rt-cap\">").append(summary.toString().strip()).append("</figcaption></figure></section>\n");
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 100;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * step >= max) {
                return m * step;
            }
        }
        return 10 * step;
    }

    private static void incidents(StringBuilder h, StatusSnapshot s) {
        h.append("<section aria-labelledby=\"inc\"><h2 id=\"inc\">Incidents</h2>");
        if (s.incidents().isEmpty()) {
            h.append("<p>No incidents in the last ").append(DAYS).append(" days.</p>");
        }
        List<Incident> all = s.incidents();
        for (Incident i : all.subList(0, Math.min(TIMELINES, all.size()))) {
            h.append("<article id=\"incident-").append(escape(i.id())).append("\"><h3>").append(escape(i.title()))
                    .append("</h3><p class=\"muted\">").append(capitalised(i.impact().id())).append(" impact · ")
                    .append(MINUTE.format(i.startedAt()));
            if (i.resolvedAt().isPresent()) {
                Instant end = i.resolvedAt().get();
                h.append(" – ").append(MINUTE.format(end)).append(" (").append(Duration.between(i.startedAt(), end).toMinutes())
                        .append(" min)");
            } else {
                h.append(", ongoing");
            }
            h.append("</p><ol class=\"tl\" reversed>");
            List<IncidentUpdate> updates = new ArrayList<>(i.updates());
            for (IncidentUpdate u : updates.reversed()) {
                h.append("<li><time datetime=\"").append(u.at()).append("\">").append(TIME.format(u.at()))
                        .append("</time><b>").append(capitalised(u.status().id())).append("</b> ")
                        .append(u.byOperator() ? "(operator) " : "").append(escape(u.body())).append("</li>");
            }
            h.append("</ol></article>");
        }
        if (all.size() > TIMELINES) {
            // Older incidents in one line each: the page stays small however bad the quarter was; their
            // timelines are in incidents.json and history.atom.
            h.append("<h3>Earlier</h3><ul>");
            for (Incident i : all.subList(TIMELINES, all.size())) {
                h.append("<li id=\"incident-").append(escape(i.id())).append("\">").append(escape(i.title())).append(" · ")
                        .append(capitalised(i.impact().id())).append(" impact · ").append(MINUTE.format(i.startedAt()));
                i.resolvedAt().ifPresent(end -> h.append(" (").append(Duration.between(i.startedAt(), end).toMinutes()).append(" min)"));
                h.append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    private static void formula(StringBuilder h, StatusPolicy policy, StatusSnapshot s) {
        int agreeing = Math.min(policy.agreeingRegions(), s.regions().size());
        h.append("<section aria-labelledby=\"how\"><h2 id=\"how\">How uptime is counted</h2>")
                .append("<p><b>uptime = (observed minutes − down minutes) ÷ observed minutes</b>, per day and over the ")
                .append(DAYS).append(" days.</p><ul>")
                .append("<li>Every minute, a probe in each region checks every region: a dedicated redirect, the REST API, the web form, the YOURLS API, and the database.</li>")
                .append("<li>A minute is <b>down</b> for a component in a region when probes from at least ").append(agreeing)
                .append(agreeing == 1 ? " region" : " regions").append(" fail in that minute. A failure seen from one region alone points at that probe, not at the service, and counts as up.</li>")
                .append("<li>An incident opens after ").append(policy.consecutiveRuns()).append(" down minutes in a row and resolves after ")
                .append(policy.consecutiveRuns()).append(" healthy minutes in a row. Shorter outages open no incident but still count as down.</li>")
                .append("<li><b>Degraded</b> minutes (median response slower than the component's threshold) count as up.</li>")
                .append("<li>Minutes in planned maintenance and minutes without data are not observed minutes: they count neither way. A day with no data is shown as no data, never as up.</li>")
                .append("<li>A component row counts the minutes of each of its regions; a region row, the minutes of each of its components.</li>")
                .append("</ul></section>\n");
    }

    private static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
