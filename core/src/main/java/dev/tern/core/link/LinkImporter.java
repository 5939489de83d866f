package dev.tern.core.link;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Bulk writes of links that were made elsewhere (the YOURLS migration): many links per call, each
 * still written only if its code is free, so an import never overwrites a link it did not mean to.
 * Implementations: {@code DynamoDbLinkImporter} (store) and an in-memory one in the testkit, held
 * to one contract test ({@code LinkImporterContract}).
 *
 * <p>Every method may throw {@link dev.tern.core.error.StoreUnavailableException} when the store
 * throttles or times out after its own retries; nothing is then half-written in a way a retry of
 * the same call would not finish.
 */
public interface LinkImporter {

    /** The most links one call takes. */
    int MAX_BATCH = 100;

    /**
     * The stored links (in any status) among {@code codes}, reflecting every acknowledged write.
     *
     * @throws IllegalArgumentException for more than {@link #MAX_BATCH} codes
     */
    Map<ShortCode, Link> findAll(Collection<ShortCode> codes);

    /**
     * Stores each link whose code no link has yet, atomically per link (of this call and a
     * concurrent create of the same code, exactly one wins).
     *
     * @param links at most {@link #MAX_BATCH} links with distinct codes
     * @return the links that were NOT written because a link already had their code, mapped to that
     *         stored link, which may be equal to the one given (imported before, e.g. by a run that
     *         was interrupted, or by an earlier attempt of this call whose answer was lost); empty
     *         when every link was written now
     */
    Map<ShortCode, Link> insertNew(List<Link> links);

    /**
     * Stores the links whatever is stored under their codes (an explicit overwrite, e.g. the
     * migration's {@code --on-conflict overwrite}).
     *
     * @param links at most {@link #MAX_BATCH} links with distinct codes
     */
    void overwrite(List<Link> links);
}
