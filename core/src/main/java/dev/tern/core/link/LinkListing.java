package dev.tern.core.link;

import dev.tern.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Listing of links held in memory, in the order and with the cursors {@link LinkStore#list} promises:
 * for in-memory stores (tests, fakes). The cursor is the base64url of {@code <createdAt>|<code>} of
 * the last link of the page.
 */
public final class LinkListing {
    /** Newest first, then by code. */
    public static final Comparator<Link> NEWEST_FIRST =
            Comparator.comparing(Link::createdAt).reversed().thenComparing(link -> link.code().value());

    private LinkListing() {
    }

    /** The page of {@code all} after {@code cursor}. */
    public static LinkPage page(Collection<Link> all, Optional<Creator> creator, Optional<String> cursor, int limit) {
        requireLimit(limit);
        Optional<Link> after = cursor.map(LinkListing::decode);
        List<Link> matching = all.stream()
                .filter(link -> creator.map(c -> c.equals(link.creator())).orElse(true))
                .filter(link -> after.map(a -> NEWEST_FIRST.compare(link, a) > 0).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit + 1L)
                .toList();
        if (matching.size() <= limit) {
            return new LinkPage(matching, Optional.empty());
        }
        List<Link> page = matching.subList(0, limit);
        return new LinkPage(page, Optional.of(encode(page.get(limit - 1))));
    }

    /** @throws IllegalArgumentException unless 1 to 1000 */
    public static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 links, not " + limit);
        }
    }

    private static String encode(Link last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (last.createdAt() + "|" + last.code().value()).getBytes(StandardCharsets.UTF_8));
    }

    private static Link decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            Instant createdAt = Instant.parse(text.substring(0, bar));
            ShortCode code = new ShortCode(text.substring(bar + 1));
            return Link.newActive(code, LongUrl.fromStored("https://cursor.invalid/"), "", createdAt, Creator.UNKNOWN);
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw InvalidRequestException.of("The cursor is not one this listing gave out");
        }
    }
}
