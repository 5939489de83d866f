package dev.tern.core.fakes;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkListing;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link LinkStore} in a map, for core's own unit tests. (The shared in-memory fakes live in the
 * testkit, which depends on core, so core's tests cannot use them.)
 */
public final class MapLinkStore implements LinkStore {
    private final ConcurrentMap<ShortCode, Link> links = new ConcurrentHashMap<>();

    @Override
    public Optional<Link> find(ShortCode code) {
        return Optional.ofNullable(links.get(code));
    }

    @Override
    public Optional<Link> findLatest(ShortCode code) {
        return find(code);
    }

    @Override
    public void insertNew(Link link) {
        if (links.putIfAbsent(link.code(), link) != null) {
            throw CodeTakenException.forCode(link.code());
        }
    }

    @Override
    public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
        return LinkListing.page(links.values(), creator, cursor, limit);
    }

    @Override
    public boolean replace(Link current, Link updated) {
        if (!current.code().equals(updated.code())) {
            throw new IllegalArgumentException("a link's code cannot change");
        }
        return links.replace(current.code(), current, updated);
    }

    public int size() {
        return links.size();
    }

    public Map<ShortCode, Link> all() {
        return Map.copyOf(links);
    }
}
