package dev.tern.status.site;

import static dev.tern.status.site.Html.escape;

import dev.tern.status.incident.Incident;
import dev.tern.status.incident.IncidentUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code history.atom}: one entry per incident of the last 90 days (RFC 4287). Entry ids are
 * {@code urn:uuid}s derived from the page and incident ids, so a reader sees an updated incident as the
 * same entry, whichever region generated the feed.
 */
final class AtomFeed {
    private AtomFeed() {}

    static String render(StatusView view) {
        var s = view.snapshot();
        Instant updated = s.incidents().stream().map(Incident::updatedAt).max(Instant::compareTo).orElse(view.page().since());
        String name = escape(view.page().name());
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .append("<id>").append(uuid(view, "feed")).append("</id>")
                .append("<title>").append(name).append(" status: incidents</title>")
                .append("<updated>").append(updated).append("</updated>")
                .append("<link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(escape(view.page().resolve("history.atom").toString())).append("\"/>")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(view.page().url().toString()))
                .append("\"/><author><name>").append(name).append(" status</name></author>\n");
        for (Incident i : s.incidents()) {
            x.append("<entry><id>").append(uuid(view, "incident/" + i.id())).append("</id>")
                    .append("<title>").append(escape(i.title())).append(i.isResolved() ? " (resolved)" : "").append("</title>")
                    .append("<published>").append(i.startedAt()).append("</published>")
                    .append("<updated>").append(i.updatedAt()).append("</updated>")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(escape(view.page().resolve("#incident-" + i.id()).toString())).append("\"/>")
                    .append("<content type=\"text\">");
            for (IncidentUpdate u : i.updates().reversed()) {
                x.append(escape(u.at() + " " + u.status().id() + (u.byOperator() ? " (operator)" : "") + ": " + u.body()))
                        .append('\n');
            }
            x.append("</content></entry>\n");
        }
        x.append("</feed>\n");
        return x.toString();
    }

    private static String uuid(StatusView view, String what) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((view.page().id() + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
