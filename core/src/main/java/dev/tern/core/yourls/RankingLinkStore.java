package dev.tern.core.yourls;

import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LinkStore} that keeps a {@link LinkRanking} in step with the links: a link inserted is
 * registered, a link deleted unregistered, a link restored registered again. Every entry point that
 * creates or deletes links (web form, REST API, YOURLS API) goes through it, because the composition
 * roots get their link store from {@code DynamoDbStores} already wrapped.
 *
 * <p>The ranking is derived data, written after the link: if that second write fails
 * ({@link StoreUnavailableException}) the link's own write still stands and the caller is told it
 * succeeded; the link then shows in the ranking from its first counted click on, when the click
 * counter registers it (see {@code docs/adr/2026-11-23-yourls-api.md}).
 */
public final class RankingLinkStore implements LinkStore {
    private final LinkStore links;
    private final LinkRanking ranking;

    public RankingLinkStore(LinkStore links, LinkRanking ranking) {
        this.links = Objects.requireNonNull(links, "links");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
    }

    @Override
    public Optional<Link> find(ShortCode code) {
        return links.find(code);
    }

    @Override
    public Optional<Link> findLatest(ShortCode code) {
        return links.findLatest(code);
    }

    @Override
    public void insertNew(Link link) {
        links.insertNew(link);
        if (link.status() != LinkStatus.DELETED) {
            registerQuietly(link.code());
        }
    }

    @Override
    public boolean replace(Link current, Link updated) {
        if (!links.replace(current, updated)) {
            return false;
        }
        updateRanking(current, updated);
        return true;
    }

    @Override
    public Optional<dev.tern.core.audit.LinkVersion> findLatestVersion(ShortCode code) {
        return links.findLatestVersion(code);
    }

    @Override
    public boolean replace(dev.tern.core.audit.LinkVersion current, Link updated, dev.tern.core.audit.Change change) {
        if (!links.replace(current, updated, change)) {
            return false;
        }
        updateRanking(current.link(), updated);
        return true;
    }

    @Override
    public List<dev.tern.core.audit.LinkVersion> archivedVersions(ShortCode code, long from, long to) {
        return links.archivedVersions(code, from, to);
    }

    private void updateRanking(Link current, Link updated) {
        boolean wasDeleted = current.status() == LinkStatus.DELETED;
        boolean isDeleted = updated.status() == LinkStatus.DELETED;
        try {
            if (!wasDeleted && isDeleted) {
                ranking.unregister(updated.code());
            } else if (wasDeleted && !isDeleted) {
                ranking.register(updated.code());
            }
        } catch (StoreUnavailableException derivedDataOnly) {
            // The change itself is stored; the ranking skips deleted links when it reads them anyway.
        }
    }

    @Override
    public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
        return links.list(creator, cursor, limit);
    }

    @Override
    public List<Link> findByTarget(LongUrl target) {
        return links.findByTarget(target);
    }

    /** The store this one wraps. */
    public LinkStore delegate() {
        return links;
    }

    private void registerQuietly(ShortCode code) {
        try {
            ranking.register(code);
        } catch (StoreUnavailableException derivedDataOnly) {
            // The link is stored: failing its creation now would make a retry create a second link.
            // Its first counted click registers it (ClickCounterStore#add brings its rank up to date).
        }
    }
}
