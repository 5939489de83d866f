package dev.tern.core.yourls;

import dev.tern.core.link.ShortCode;
import java.util.Objects;

/**
 * One entry of the click ranking.
 *
 * @param code   the link
 * @param clicks its click total when the ranking was last brought up to date (it may lag the newest
 *               batches by a moment)
 */
public record RankedLink(ShortCode code, long clicks) {
    public RankedLink {
        Objects.requireNonNull(code, "code");
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks cannot be negative: " + clicks);
        }
    }
}
