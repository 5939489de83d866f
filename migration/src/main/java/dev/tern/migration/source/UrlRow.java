package dev.tern.migration.source;

import java.util.Objects;

/**
 * One row of YOURLS's {@code yourls_url} table, exactly as stored: nothing is normalised here.
 *
 * @param keyword   the short URL's keyword, exact (case and bytes kept)
 * @param url       the long URL as stored
 * @param title     the title, or {@code null} when the column is NULL
 * @param timestamp the creation time as stored, {@code YYYY-MM-DD HH:MM:SS}, read in UTC
 * @param ip        the creator's address as stored (may be empty)
 * @param clicks    the click counter
 */
public record UrlRow(String keyword, String url, String title, String timestamp, String ip, long clicks) {
    public UrlRow {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(ip, "ip");
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks must not be negative, got " + clicks);
        }
    }
}
