package dev.tern.core.link;

/**
 * The outcome of a create.
 *
 * @param link     the link
 * @param replayed {@code true} when an earlier request with the same Idempotency-Key created it
 */
public record CreatedLink(Link link, boolean replayed) {
}
