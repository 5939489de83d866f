package dev.tern.core.yourls;

import dev.tern.core.link.ShortCode;
import java.util.List;

/**
 * The links ordered by their click totals, and the site's totals: what YOURLS's {@code stats}
 * ({@code top}, {@code bottom}) and {@code db-stats} answer, kept up to date as links are created
 * and deleted and as click batches are counted, so that no request has to read every link.
 *
 * <p>Implemented by the click counter stores (the DynamoDB one and the in-memory one of the testkit),
 * which bring a link's rank up to date whenever they count clicks for it
 * ({@link dev.tern.core.click.ClickCounterStore#add}, {@link dev.tern.core.click.ClickCounterStore#addUndated}).
 * {@link RankingLinkStore} registers and unregisters links as they are created and deleted; a bulk
 * importer that writes links by other means calls {@link #register} for each.
 *
 * <p>Every method may throw {@link dev.tern.core.error.StoreUnavailableException}.
 */
public interface LinkRanking {

    /**
     * Makes the link count: it appears in {@link #ranked} (with its clicks so far, 0 for a new link)
     * and in {@link #totals()}'s links. Idempotent: registering a registered link changes nothing.
     */
    void register(ShortCode code);

    /**
     * For bulk importers (the migration): for each link, counts its undated clicks exactly once under
     * {@code batchId} (as {@link dev.tern.core.click.ClickCounterStore#addUndated} does) and registers
     * it with them. The same outcome as those two calls per link, in a few requests per hundred links.
     *
     * @param undatedClicks link → undated clicks (0 or more) of this import
     */
    void registerImported(String batchId, java.util.Map<ShortCode, Long> undatedClicks);

    /** Makes the link no longer count (it was deleted). Idempotent. Its clicks stay in the click total. */
    void unregister(ShortCode code);

    /**
     * Registered links in {@code order}, skipping the first {@code offset}. Read from an index that may
     * lag the latest writes by a moment; costs grow with {@code offset + limit}.
     *
     * @param limit at most this many (1-1000)
     */
    List<RankedLink> ranked(RankOrder order, int offset, int limit);

    /**
     * The number of registered links, and every click counted so far: clicks of links deleted since
     * stay counted (YOURLS forgets them with the link; Tern's counters are append-only).
     */
    SiteTotals totals();
}
