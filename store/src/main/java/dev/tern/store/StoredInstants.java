package dev.tern.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How instants are stored: ISO-8601 in UTC with exactly nine fraction digits
 * ({@code 2026-11-23T10:15:30.123456789Z}). Lossless (an {@link Instant} read back equals the one
 * written), readable in the console, and ordered the same as text and as time, which a sort key or
 * index on it would need. TTL attributes are the exception: DynamoDB wants epoch seconds there.
 */
final class StoredInstants {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StoredInstants() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    static Instant parse(String stored, String attribute) {
        if (stored == null) {
            return null;
        }
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("stored attribute '" + attribute + "' is not an ISO-8601 instant: " + stored, e);
        }
    }
}
