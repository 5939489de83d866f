package dev.tern.core.link;

import java.util.Objects;

/**
 * Who created a link, as an opaque, non-personal identifier: an API key id ({@code key:…}), a
 * hashed client address ({@code anon:…}), the migration ({@code yourls:…}). Raw addresses are
 * never stored.
 */
public record Creator(String id) {
    public static final Creator UNKNOWN = new Creator("unknown");

    public Creator {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("creator id must be 1-200 characters");
        }
    }

    public static Creator apiKey(String keyId) {
        return new Creator("key:" + keyId);
    }

    public static Creator anonymous(String hashedAddress) {
        return new Creator("anon:" + hashedAddress);
    }
}
