package dev.tern.migration.verify;

import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.migration.source.RowChecksum;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A Tern link seen as a row of YOURLS's {@code yourls_url} table: what {@code tern-migrate verify}
 * compares with the source and what {@code tern-migrate export} writes.
 *
 * @param link   the link, whatever its status
 * @param clicks its click total ({@link dev.tern.core.click.ClickCounterStore#total})
 */
public record TernRow(Link link, long clicks) {
    /** YOURLS's {@code timestamp} column as stored and dumped: {@code YYYY-MM-DD HH:MM:SS}, UTC. */
    private static final DateTimeFormatter YOURLS_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public TernRow {
        Objects.requireNonNull(link, "link");
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks must not be negative, got " + clicks);
        }
    }

    /** The YOURLS keyword: the short code, exact. */
    public String keyword() {
        return link.code().value();
    }

    /** The long URL as stored (YOURLS's {@code url}). */
    public String url() {
        return link.target().value();
    }

    /** The title; empty where YOURLS had NULL. */
    public String title() {
        return link.title();
    }

    /** The creation time as YOURLS writes it: {@code YYYY-MM-DD HH:MM:SS} in UTC (fractions dropped). */
    public String timestamp() {
        return timestampOf(link.createdAt());
    }

    public LinkStatus status() {
        return link.status();
    }

    /** This row's line for the {@code keyword|url|title|timestamp|clicks} checksum ({@link RowChecksum#urlLine}). */
    public String checksumLine() {
        return RowChecksum.urlLine(keyword(), url(), title(), timestamp(), clicks);
    }

    /** {@code instant} as YOURLS's {@code timestamp} column holds it: {@code YYYY-MM-DD HH:MM:SS}, UTC. */
    public static String timestampOf(Instant instant) {
        return YOURLS_TIMESTAMP.format(instant);
    }
}
