package dev.tern.core.click;

import java.util.List;
import java.util.Objects;

/**
 * Clicks counted together. The id must be the same every time the same batch is delivered again
 * (a retry), because it is what makes counting exactly-once: the store applies a batch to a link
 * at most once per id.
 *
 * @param id     a stable identifier of this batch (at most 128 characters)
 * @param clicks the clicks
 */
public record ClickBatch(String id, List<Click> clicks) {
    public ClickBatch {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("batch id must be 1-128 characters");
        }
        clicks = List.copyOf(clicks);
    }
}
