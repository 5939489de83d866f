package dev.tern.core.link;

import dev.tern.core.audit.Change;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.StoreUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Where links live. Implementations: {@code DynamoDbLinkStore} (store module) and an in-memory
 * store in the testkit that honours the same contract ({@code LinkStoreContract}).
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the store throttles or times out.
 */
public interface LinkStore {

    /**
     * The link with exactly this code, read the cheapest way the store allows (it may lag a write
     * by a moment). This is the redirect path's only store call.
     */
    Optional<Link> find(ShortCode code);

    /** The link with exactly this code, reflecting every acknowledged write (a strongly consistent read). */
    Optional<Link> findLatest(ShortCode code);

    /**
     * Stores a link whose code no other link has, atomically: of two concurrent inserts of one code,
     * exactly one succeeds.
     *
     * @throws CodeTakenException if a link (in any status) already has the code
     */
    void insertNew(Link link);

    /**
     * Replaces the stored link {@code current} by {@code updated} (same code) if, and only if, the
     * stored link is still exactly {@code current}: a compare-and-set, so two concurrent changes of
     * one link cannot silently undo each other (the loser re-reads and tries again, see
     * {@code LinkService#update}).
     *
     * @return {@code false} (and nothing changed) if no link has the code or it is no longer {@code current}
     * @throws IllegalArgumentException if the two links have different codes
     */
    boolean replace(Link current, Link updated);

    /**
     * Links newest first (by creation time; links created at the same instant in an order of the
     * store's choosing, the same on every page), all of them or those of one creator, whatever their
     * status. Reads an index that may lag writes by a moment.
     *
     * @param creator only this creator's links, if given
     * @param cursor  where to go on: the {@link LinkPage#next()} of the previous page of the same listing
     * @param limit   at most this many links (1-1000)
     * @throws dev.tern.core.error.InvalidRequestException if {@code cursor} is not one this store made
     */
    LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit);

    /**
     * Every link whose target is exactly {@code target} ({@link LongUrl#value()} equal), whatever its
     * status, in an order of the store's choosing: what YOURLS's unique-URL mode needs. Reads an index
     * that may lag writes by a moment.
     *
     * <p>A default for stores that cannot answer (test doubles): it throws
     * {@link UnsupportedOperationException}. Every real store overrides it.
     */
    default List<Link> findByTarget(LongUrl target) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot look links up by their target");
    }

    /**
     * The link with exactly this code, its version and the record of its last change, reflecting
     * every acknowledged write. A link stored without a record (created before the audit trail,
     * imported, or inserted by {@link #insertNew}) is its own version 1 ({@link LinkVersion#firstOf}).
     */
    default Optional<LinkVersion> findLatestVersion(ShortCode code) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no link versions");
    }

    /**
     * Replaces the stored link by {@code updated} as version {@code current.version() + 1} with the
     * record {@code change}, if, and only if, the stored link is still exactly {@code current} (a
     * compare-and-set on the version). Before writing, the store archives {@code current} (link and
     * record) where {@link #archivedVersions} finds it, so no version's record is ever overwritten
     * without a copy: a failure between the two writes leaves an archived copy of the current
     * version, never a change without its record.
     *
     * @return {@code false} (and the link unchanged) if the stored link is no longer {@code current}
     */
    default boolean replace(LinkVersion current, Link updated, Change change) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no link versions");
    }

    /**
     * The archived versions {@code from} to {@code to} (both included, at most 101) of a link, newest
     * first; versions never archived are missing (the current one usually is).
     */
    default List<LinkVersion> archivedVersions(ShortCode code, long from, long to) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no link versions");
    }
}
