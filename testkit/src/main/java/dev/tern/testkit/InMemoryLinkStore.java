package dev.tern.testkit;

import dev.tern.core.error.CodeTakenException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link LinkStore} in a map, honouring the same contract as the DynamoDB store ({@code LinkStoreContract}). */
public final class InMemoryLinkStore implements LinkStore {
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

    /** Every link with exactly this target, oldest first. */
    @Override
    public List<Link> findByTarget(LongUrl target) {
        return links.values().stream()
                .filter(link -> link.target().equals(target))
                .sorted(Comparator.comparing(Link::createdAt).thenComparing(Link::code))
                .toList();
    }

    /** How many links are stored. */
    public int size() {
        return links.size();
    }
}
