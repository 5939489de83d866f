package dev.tern.core.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A short link. Its click counts are kept apart, in the click counters (see
 * {@code docs/adr/2026-11-23-click-counting.md}): a redirect never writes to the link.
 *
 * @param code           the short code, exact and case-sensitive
 * @param target         where the link leads
 * @param title          a human title, possibly empty
 * @param createdAt      when the link was created (for migrated links: when YOURLS created it)
 * @param creator        who created it
 * @param status         active, disabled or deleted
 * @param expiresAt      after this instant the link answers "gone"; {@code null} for never
 * @param redirectPolicy this link's own redirect policy; {@code null} to use the deployment's
 * @param idempotencyKey the Idempotency-Key of the request that created it, or {@code null}
 * @param deletedAt      when it was soft-deleted (status {@link LinkStatus#DELETED}), or {@code null}
 */
public record Link(
        ShortCode code,
        LongUrl target,
        String title,
        Instant createdAt,
        Creator creator,
        LinkStatus status,
        Instant expiresAt,
        RedirectPolicy redirectPolicy,
        String idempotencyKey,
        Instant deletedAt) {

    public Link {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(status, "status");
        title = title == null ? "" : title;
    }

    /** A link that was never deleted. */
    public Link(ShortCode code, LongUrl target, String title, Instant createdAt, Creator creator, LinkStatus status,
            Instant expiresAt, RedirectPolicy redirectPolicy, String idempotencyKey) {
        this(code, target, title, createdAt, creator, status, expiresAt, redirectPolicy, idempotencyKey, null);
    }

    /** A new active link with the deployment's redirect policy. */
    public static Link newActive(ShortCode code, LongUrl target, String title, Instant createdAt, Creator creator) {
        return new Link(code, target, title, createdAt, creator, LinkStatus.ACTIVE, null, null, null);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<RedirectPolicy> ownRedirectPolicy() {
        return Optional.ofNullable(redirectPolicy);
    }

    /** When it was soft-deleted, if it is. */
    public Optional<Instant> deletion() {
        return Optional.ofNullable(deletedAt);
    }

    public Optional<String> createdWithIdempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Whether the link has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Link withCode(ShortCode newCode) {
        return new Link(newCode, target, title, createdAt, creator, status, expiresAt, redirectPolicy, idempotencyKey, deletedAt);
    }

    public Link withExpiry(Instant newExpiry) {
        return new Link(code, target, title, createdAt, creator, status, newExpiry, redirectPolicy, idempotencyKey, deletedAt);
    }

    public Link withStatus(LinkStatus newStatus) {
        return new Link(code, target, title, createdAt, creator, newStatus, expiresAt, redirectPolicy, idempotencyKey, deletedAt);
    }

    public Link withRedirectPolicy(RedirectPolicy policy) {
        return new Link(code, target, title, createdAt, creator, status, expiresAt, policy, idempotencyKey, deletedAt);
    }

    /** This link soft-deleted at {@code at}. */
    public Link softDeleted(Instant at) {
        return new Link(code, target, title, createdAt, creator, LinkStatus.DELETED, expiresAt, redirectPolicy, idempotencyKey, at);
    }

    /** This link active again, no longer deleted. */
    public Link restored() {
        return new Link(code, target, title, createdAt, creator, LinkStatus.ACTIVE, expiresAt, redirectPolicy, idempotencyKey, null);
    }

    public Link withIdempotencyKey(String key) {
        return new Link(code, target, title, createdAt, creator, status, expiresAt, redirectPolicy, key, deletedAt);
    }
}
