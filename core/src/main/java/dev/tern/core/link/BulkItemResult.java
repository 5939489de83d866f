package dev.tern.core.link;

import dev.tern.core.error.TernException;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one item of a bulk create: the link (created, or replayed for a repeated
 * Idempotency-Key), or the error that item alone met.
 *
 * @param index   the item's position in the request, from 0
 * @param created the link, when it was created or replayed
 * @param error   why not, otherwise
 */
public record BulkItemResult(int index, Optional<CreatedLink> created, Optional<TernException> error) {
    public BulkItemResult {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(error, "error");
        if (created.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("an item is either created or failed");
        }
    }

    public static BulkItemResult created(int index, CreatedLink link) {
        return new BulkItemResult(index, Optional.of(link), Optional.empty());
    }

    public static BulkItemResult failed(int index, TernException error) {
        return new BulkItemResult(index, Optional.empty(), Optional.of(error));
    }
}
