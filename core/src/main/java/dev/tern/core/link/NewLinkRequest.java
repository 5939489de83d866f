package dev.tern.core.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to create a link, as received at the boundary (not yet validated).
 *
 * @param url            the long URL as typed
 * @param customCode     the code asked for, or {@code null} to generate one
 * @param title          a title, or {@code null}
 * @param expiresAt      an expiry, or {@code null}
 * @param creator        who asks
 * @param idempotencyKey the client's Idempotency-Key, or {@code null}
 */
public record NewLinkRequest(String url, String customCode, String title, Instant expiresAt, Creator creator,
        String idempotencyKey) {

    public NewLinkRequest {
        Objects.requireNonNull(creator, "creator");
    }

    /** A request for a generated code, with nothing but the URL. */
    public static NewLinkRequest of(String url, Creator creator) {
        return new NewLinkRequest(url, null, null, null, creator, null);
    }

    public NewLinkRequest withCustomCode(String code) {
        return new NewLinkRequest(url, code, title, expiresAt, creator, idempotencyKey);
    }

    public NewLinkRequest withIdempotencyKey(String key) {
        return new NewLinkRequest(url, customCode, title, expiresAt, creator, key);
    }

    public Optional<String> customCodeIfAny() {
        return Optional.ofNullable(customCode);
    }

    public Optional<String> idempotencyKeyIfAny() {
        return Optional.ofNullable(idempotencyKey);
    }
}
