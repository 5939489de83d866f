package dev.tern.core.link;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A per-container cache in front of a {@link LinkStore}, for the redirect path: a hot link costs no
 * store read per redirect. Only {@link #find} (the redirect's eventually consistent read) is cached;
 * every other method goes to the store, and this container's own writes ({@link #insertNew},
 * {@link #replace}) drop the code's entry.
 *
 * <p>An entry lives no longer than its link's cache lifetime (its own redirect policy, else the
 * deployment's) and never longer than {@code maxLifetime}: an edit or deletion made through another
 * container takes effect within the time browsers and CDNs may keep the redirect anyway. A link
 * whose policy says "do not cache" is never cached; neither is "no such link", so a link created
 * elsewhere resolves on its first request. At most {@code maxEntries} links are kept: past that, a
 * tenth of them (whichever come first) make room.
 */
public final class CachedLinkStore implements LinkStore {
    private record Entry(Optional<Link> link, long expiresAtNanos) {
    }

    private final LinkStore store;
    private final int maxEntries;
    private final long maxLifetimeNanos;
    private final long defaultLifetimeNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<ShortCode, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param store           the store behind the cache
     * @param maxEntries      how many links to keep at most (1 or more)
     * @param maxLifetime     the longest an entry lives, whatever its link's policy
     * @param defaultLifetime the deployment's redirect cache lifetime, for links without their own policy
     */
    public CachedLinkStore(LinkStore store, int maxEntries, Duration maxLifetime, Duration defaultLifetime) {
        this(store, maxEntries, maxLifetime, defaultLifetime, System::nanoTime);
    }

    /** As above, with the clock entries expire by (tests). */
    public CachedLinkStore(LinkStore store, int maxEntries, Duration maxLifetime, Duration defaultLifetime, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a link cache holds at least one link, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.maxLifetimeNanos = Objects.requireNonNull(maxLifetime, "maxLifetime").toNanos();
        this.defaultLifetimeNanos = Objects.requireNonNull(defaultLifetime, "defaultLifetime").toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Optional<Link> find(ShortCode code) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(code);
        if (entry != null && now - entry.expiresAtNanos < 0) {
            return entry.link;
        }
        Optional<Link> link = store.find(code);
        long lifetime = link.map(this::lifetimeNanos).orElse(0L);
        if (lifetime > 0) {
            makeRoom();
            entries.put(code, new Entry(link, now + lifetime));
        } else if (entry != null) {
            entries.remove(code, entry);
        }
        return link;
    }

    private long lifetimeNanos(Link link) {
        long own = link.ownRedirectPolicy().map(policy -> policy.cacheFor().toNanos()).orElse(defaultLifetimeNanos);
        return Math.min(own, maxLifetimeNanos);
    }

    private void makeRoom() {
        if (entries.size() < maxEntries) {
            return;
        }
        int drop = Math.max(1, maxEntries / 10);
        for (Iterator<ShortCode> it = entries.keySet().iterator(); it.hasNext() && drop > 0; drop--) {
            it.next();
            it.remove();
        }
    }

    /** How many links are cached now (tests and metrics). */
    public int size() {
        return entries.size();
    }

    @Override
    public Optional<Link> findLatest(ShortCode code) {
        return store.findLatest(code);
    }

    @Override
    public void insertNew(Link link) {
        try {
            store.insertNew(link);
        } finally {
            entries.remove(link.code());
        }
    }

    @Override
    public boolean replace(Link current, Link updated) {
        try {
            return store.replace(current, updated);
        } finally {
            entries.remove(updated.code());
        }
    }

    @Override
    public Optional<dev.tern.core.audit.LinkVersion> findLatestVersion(ShortCode code) {
        return store.findLatestVersion(code);
    }

    @Override
    public boolean replace(dev.tern.core.audit.LinkVersion current, Link updated, dev.tern.core.audit.Change change) {
        try {
            return store.replace(current, updated, change);
        } finally {
            entries.remove(updated.code());
        }
    }

    @Override
    public List<dev.tern.core.audit.LinkVersion> archivedVersions(ShortCode code, long from, long to) {
        return store.archivedVersions(code, from, to);
    }

    @Override
    public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
        return store.list(creator, cursor, limit);
    }

    @Override
    public List<Link> findByTarget(LongUrl target) {
        return store.findByTarget(target);
    }
}
