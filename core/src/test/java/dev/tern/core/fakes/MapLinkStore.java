package dev.tern.core.fakes;

import dev.tern.core.audit.Change;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.audit.LinkVersionMap;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkListing;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link LinkStore} in a map, for core's own unit tests. (The shared in-memory fakes live in the
 * testkit, which depends on core, so core's tests cannot use them.)
 */
public final class MapLinkStore implements LinkStore {
    private final LinkVersionMap links = new LinkVersionMap();

    @Override
    public Optional<Link> find(ShortCode code) {
        return links.find(code);
    }

    @Override
    public Optional<Link> findLatest(ShortCode code) {
        return find(code);
    }

    @Override
    public void insertNew(Link link) {
        links.insertNew(link);
    }

    @Override
    public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
        return LinkListing.page(links.links(), creator, cursor, limit);
    }

    @Override
    public boolean replace(Link current, Link updated) {
        return links.replace(current, updated);
    }

    @Override
    public Optional<LinkVersion> findLatestVersion(ShortCode code) {
        return links.latest(code);
    }

    @Override
    public boolean replace(LinkVersion current, Link updated, Change change) {
        return links.replace(current, updated, change);
    }

    @Override
    public List<LinkVersion> archivedVersions(ShortCode code, long from, long to) {
        return links.archived(code, from, to);
    }

    public int size() {
        return links.size();
    }

    public Map<ShortCode, Link> all() {
        return links.all();
    }
}
