package dev.tern.core.yourls;

import java.util.List;
import java.util.Objects;

/**
 * The answer to YOURLS's {@code stats}: the links asked for (none when the limit was 0) and the totals.
 */
public record SiteStats(List<YourlsLink> links, SiteTotals totals) {
    public SiteStats {
        links = List.copyOf(links);
        Objects.requireNonNull(totals, "totals");
    }
}
