package dev.tern.core.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code PATCH} of a link changes; an empty field leaves that part as it is. Fields that can
 * be cleared are optional twice: {@code Optional.of(Optional.empty())} clears.
 *
 * @param url       a new destination (judged by the URL policy)
 * @param title     a new title (normalised like a created link's; empty clears)
 * @param expiresAt a new expiry in the future, or clearing it
 * @param redirect  the link's own redirect policy, or clearing it (back to the deployment's)
 * @param disabled  {@code true} disables the link (it answers 410), {@code false} enables it again
 */
public record LinkPatch(Optional<String> url, Optional<String> title, Optional<Optional<Instant>> expiresAt,
        Optional<Optional<RedirectPolicy>> redirect, Optional<Boolean> disabled) {
    public LinkPatch {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(disabled, "disabled");
    }

    /** A patch that changes nothing. */
    public static LinkPatch none() {
        return new LinkPatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public LinkPatch withUrl(String newUrl) {
        return new LinkPatch(Optional.of(newUrl), title, expiresAt, redirect, disabled);
    }

    public LinkPatch withTitle(String newTitle) {
        return new LinkPatch(url, Optional.of(newTitle), expiresAt, redirect, disabled);
    }

    /** A new expiry, or {@code null} to clear it. */
    public LinkPatch withExpiresAt(Instant newExpiry) {
        return new LinkPatch(url, title, Optional.of(Optional.ofNullable(newExpiry)), redirect, disabled);
    }

    /** A policy of the link's own, or {@code null} to use the deployment's again. */
    public LinkPatch withRedirect(RedirectPolicy policy) {
        return new LinkPatch(url, title, expiresAt, Optional.of(Optional.ofNullable(policy)), disabled);
    }

    public LinkPatch withDisabled(boolean newDisabled) {
        return new LinkPatch(url, title, expiresAt, redirect, Optional.of(newDisabled));
    }
}
