package dev.tern.core.link;

/**
 * A link with its click total, for management views.
 *
 * @param link        the link
 * @param totalClicks every counted click (all regions, migrated history included)
 */
public record LinkDetails(Link link, long totalClicks) {
}
