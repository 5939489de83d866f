package dev.tern.functions.yourls;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A link as YOURLS's API shows it: one row of its {@code yourls_url} table.
 *
 * @param keyword the short code, exactly as stored
 * @param url     the long URL as stored (YOURLS's normalised form)
 * @param title   the title; {@code null} for a row whose title is {@code NULL} (some migrated links):
 *                JSON {@code null} (or {@code false} in {@code expand}), an empty XML element
 * @param date    when it was created, as YOURLS prints it: {@code YYYY-MM-DD HH:MM:SS} in the site's
 *                time zone (see {@link #formatDate(Instant, ZoneId)})
 * @param ip      the creator's address as stored
 * @param clicks  the click count
 */
public record YourlsLinkView(String keyword, String url, String title, String date, String ip, long clicks) {
    private static final DateTimeFormatter MYSQL_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    public YourlsLinkView {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ip, "ip");
    }

    /** A link just created: no clicks yet. */
    public static YourlsLinkView created(String keyword, String url, String title, String date, String ip) {
        return new YourlsLinkView(keyword, url, title, date, ip, 0);
    }

    /** {@code instant} the way YOURLS stores and prints its timestamps (a MySQL {@code DATETIME}, no zone). */
    public static String formatDate(Instant instant, ZoneId zone) {
        return MYSQL_DATETIME.format(LocalDateTime.ofInstant(instant, zone));
    }
}
