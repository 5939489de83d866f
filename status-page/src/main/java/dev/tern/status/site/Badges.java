package dev.tern.status.site;

import static dev.tern.status.site.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.status.incident.ComponentStatus;
import java.util.Locale;

/**
 * The status badge, as an SVG of its own ({@code badge.svg}) and as a shields.io endpoint
 * ({@code badge.json}, schemaVersion 1) for people who prefer shields.io's styles.
 */
final class Badges {
    private static final String LABEL = "status";

    private Badges() {}

    static String message(ComponentStatus status) {
        return status.label().toLowerCase(Locale.ROOT);
    }

    /** shields.io's named colours. */
    static String shieldsColor(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "brightgreen";
            case DEGRADED_PERFORMANCE -> "yellow";
            case PARTIAL_OUTAGE -> "orange";
            case MAJOR_OUTAGE -> "red";
            case UNDER_MAINTENANCE -> "blue";
            case NO_DATA -> "lightgrey";
        };
    }

    private static String hex(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "#1a7f37";
            case DEGRADED_PERFORMANCE -> "#7d5800";
            case PARTIAL_OUTAGE -> "#a34100";
            case MAJOR_OUTAGE -> "#cf222e";
            case UNDER_MAINTENANCE -> "#0969da";
            case NO_DATA -> "#57606a";
        };
    }

    static ObjectNode endpoint(ObjectMapper json, ComponentStatus status) {
        ObjectNode n = json.createObjectNode();
        n.put("schemaVersion", 1);
        n.put("label", LABEL);
        n.put("message", message(status));
        n.put("color", shieldsColor(status));
        return n;
    }

    /** A flat badge; widths from an average of 7 px per character of 11 px Verdana-like text. */
    static String svg(ComponentStatus status) {
        String message = escape(message(status));
        int labelWidth = 10 + 7 * LABEL.length();
        int messageWidth = 10 + 7 * message(status).length();
        int width = labelWidth + messageWidth;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\" aria-label=\""
                + LABEL + ": " + message + "\"><title>" + LABEL + ": " + message + "</title>"
                + "<rect width=\"" + labelWidth + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"20\" fill=\"" + hex(status) + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
                + "<text x=\"" + labelWidth / 2 + "\" y=\"14\">" + LABEL + "</text>"
                + "<text x=\"" + (labelWidth + messageWidth / 2) + "\" y=\"14\">" + message + "</text></g></svg>\n";
    }
}
