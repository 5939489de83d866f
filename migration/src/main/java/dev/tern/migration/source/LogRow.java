package dev.tern.migration.source;

import java.util.Objects;

/**
 * One row of YOURLS's {@code yourls_log} table (one click), as stored.
 *
 * @param clickId     the row id
 * @param clickTime   when, as stored, {@code YYYY-MM-DD HH:MM:SS} (UTC since YOURLS 1.7.2)
 * @param shortUrl    the keyword that was clicked (may no longer exist: an orphan)
 * @param referrer    {@code direct}, empty, or the sanitised Referer
 * @param userAgent   the sanitised User-Agent
 * @param ipAddress   the visitor's address (read, never carried to Tern)
 * @param countryCode two letters, or empty
 */
public record LogRow(long clickId, String clickTime, String shortUrl, String referrer, String userAgent,
        String ipAddress, String countryCode) {
    public LogRow {
        Objects.requireNonNull(clickTime, "clickTime");
        Objects.requireNonNull(shortUrl, "shortUrl");
        referrer = referrer == null ? "" : referrer;
        userAgent = userAgent == null ? "" : userAgent;
        ipAddress = ipAddress == null ? "" : ipAddress;
        countryCode = countryCode == null ? "" : countryCode;
    }
}
