package dev.tern.migration.source;

import java.util.Objects;

/**
 * One row of the Expiry plugin's {@code expiry} table, when the site used that plugin. Values as
 * stored; {@code null} for NULL columns.
 *
 * @param keyword    the link
 * @param type       {@code clock} (a point in time) or {@code click} (a click budget)
 * @param click      the click budget (type {@code click})
 * @param timestamp  when the expiry was set (Unix seconds, as stored)
 * @param shelflife  the lifetime in seconds after {@code timestamp} (type {@code clock})
 * @param postexpire where the link leads after expiry, or {@code none}
 */
public record ExpiryRow(String keyword, String type, String click, String timestamp, String shelflife, String postexpire) {
    public ExpiryRow {
        Objects.requireNonNull(keyword, "keyword");
    }
}
