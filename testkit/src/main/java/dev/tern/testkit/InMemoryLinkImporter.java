package dev.tern.testkit;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link LinkImporter} over any {@link LinkStore} (usually an {@link InMemoryLinkStore}), one link
 * at a time through the store's own conditional insert: what the DynamoDB importer does in bulk.
 */
public final class InMemoryLinkImporter implements LinkImporter {
    private final LinkStore store;

    public InMemoryLinkImporter(LinkStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Map<ShortCode, Link> findAll(Collection<ShortCode> codes) {
        requireSize(codes.size());
        Map<ShortCode, Link> found = new LinkedHashMap<>();
        for (ShortCode code : codes) {
            store.findLatest(code).ifPresent(link -> found.put(code, link));
        }
        return found;
    }

    @Override
    public Map<ShortCode, Link> insertNew(List<Link> links) {
        requireBatch(links);
        Map<ShortCode, Link> taken = new LinkedHashMap<>();
        for (Link link : links) {
            try {
                store.insertNew(link);
            } catch (CodeTakenException e) {
                taken.put(link.code(), store.findLatest(link.code()).orElseThrow());
            }
        }
        return taken;
    }

    @Override
    public void overwrite(List<Link> links) {
        requireBatch(links);
        for (Link link : links) {
            while (true) {
                Optional<Link> stored = store.findLatest(link.code());
                if (stored.isEmpty()) {
                    try {
                        store.insertNew(link);
                        break;
                    } catch (CodeTakenException raced) {
                        continue;
                    }
                }
                if (store.replace(stored.get(), link)) {
                    break;
                }
            }
        }
    }

    private static void requireBatch(List<Link> links) {
        requireSize(links.size());
        Set<ShortCode> codes = new HashSet<>();
        for (Link link : links) {
            if (!codes.add(link.code())) {
                throw new IllegalArgumentException("the code " + link.code().value() + " appears twice in one batch");
            }
        }
    }

    private static void requireSize(int size) {
        if (size > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " links per call, got " + size);
        }
    }
}
