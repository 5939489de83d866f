package dev.tern.core.audit;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The version bookkeeping of an in-memory {@link dev.tern.core.link.LinkStore} (the testkit's fake and
 * core's own test fake share it, as they share {@link dev.tern.core.link.LinkListing}): the current
 * version of every link and the archived earlier ones, with the same compare-and-set rules as the
 * DynamoDB store.
 */
public final class LinkVersionMap {
    private final ConcurrentMap<ShortCode, LinkVersion> current = new ConcurrentHashMap<>();
    private final ConcurrentMap<ShortCode, ConcurrentSkipListMap<Long, LinkVersion>> archive = new ConcurrentHashMap<>();

    public Optional<Link> find(ShortCode code) {
        return latest(code).map(LinkVersion::link);
    }

    public Optional<LinkVersion> latest(ShortCode code) {
        return Optional.ofNullable(current.get(code));
    }

    /** Stores a new link as its version 1 (its record derived from it). */
    public void insertNew(Link link) {
        if (current.putIfAbsent(link.code(), LinkVersion.firstOf(link)) != null) {
            throw CodeTakenException.forCode(link.code());
        }
    }

    /**
     * The plain compare-and-set of {@code LinkStore.replace(Link, Link)}: recorded as a change by
     * {@link Creator#UNKNOWN} now, since the caller did not say who made it.
     */
    public boolean replace(Link currentLink, Link updated) {
        if (!currentLink.code().equals(updated.code())) {
            throw new IllegalArgumentException("a link's code cannot change");
        }
        LinkVersion stored = current.get(currentLink.code());
        if (stored == null || !stored.link().equals(currentLink)) {
            return false;
        }
        return replace(stored, updated, Change.of(ChangeKinds.between(currentLink, updated), Creator.UNKNOWN, Instant.now()));
    }

    /** Archives {@code expected}, then replaces it by the next version if it is still the current one. */
    public boolean replace(LinkVersion expected, Link updated, Change change) {
        LinkVersion next = expected.next(updated, change);
        archive.computeIfAbsent(expected.link().code(), c -> new ConcurrentSkipListMap<>()).put(expected.version(), expected);
        return current.replace(expected.link().code(), expected, next);
    }

    /** Archived versions {@code from}..{@code to}, newest first. */
    public List<LinkVersion> archived(ShortCode code, long from, long to) {
        ConcurrentSkipListMap<Long, LinkVersion> versions = archive.get(code);
        if (versions == null || from > to) {
            return List.of();
        }
        return List.copyOf(versions.subMap(from, true, to, true).descendingMap().values());
    }

    /** Every current link. */
    public Collection<Link> links() {
        return current.values().stream().map(LinkVersion::link).toList();
    }

    public int size() {
        return current.size();
    }

    /** Every current link by code. */
    public Map<ShortCode, Link> all() {
        Map<ShortCode, Link> all = new java.util.HashMap<>();
        current.forEach((code, version) -> all.put(code, version.link()));
        return Map.copyOf(all);
    }
}
