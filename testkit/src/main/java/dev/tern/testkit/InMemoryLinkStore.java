package dev.tern.testkit;

import dev.tern.core.audit.Change;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.audit.LinkVersionMap;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkListing;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LinkStore} in a map, honouring the same contract as the DynamoDB store
 * ({@code LinkStoreContract}, {@code LinkHistoryContract}).
 */
public final class InMemoryLinkStore implements LinkStore {
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

    /** Every link with exactly this target, oldest first. */
    @Override
    public List<Link> findByTarget(LongUrl target) {
        return links.links().stream()
                .filter(link -> link.target().equals(target))
                .sorted(Comparator.comparing(Link::createdAt).thenComparing(Link::code))
                .toList();
    }

    /** How many links are stored. */
    public int size() {
        return links.size();
    }
}
