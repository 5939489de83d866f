package dev.tern.core.yourls;

/**
 * Where the {@link YourlsSite} settings and YOURLS's keyword counter ({@code next_id}) are kept.
 * Implementations: a DynamoDB adapter in {@code store/} and an in-memory one in the testkit, both
 * held to one contract test.
 *
 * <p>Every method may throw {@link dev.tern.core.error.StoreUnavailableException}.
 */
public interface YourlsSiteStore {

    /** The saved settings, or {@link YourlsSite#defaults()} when none were ever saved. */
    YourlsSite load();

    /** Replaces the saved settings. */
    void save(YourlsSite site);

    /**
     * Claims the next id of YOURLS's keyword generator and returns it: two concurrent callers never
     * get the same id. The first id ever claimed is 1 unless {@link #raiseNextIdTo} said otherwise.
     */
    long claimNextId();

    /**
     * Makes sure the next claimed id is at least {@code nextId} (the migration carries the old site's
     * {@code next_id}); never lowers the counter.
     */
    void raiseNextIdTo(long nextId);
}
