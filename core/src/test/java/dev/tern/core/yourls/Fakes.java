package dev.tern.core.yourls;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkListing;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Small in-memory stores for the YOURLS use cases (the testkit's cannot be used from core's tests). */
final class Fakes {
    private Fakes() {
    }

    static final class Links implements LinkStore {
        final Map<ShortCode, Link> links = new ConcurrentHashMap<>();

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
        public boolean replace(Link current, Link updated) {
            return links.replace(current.code(), current, updated);
        }

        @Override
        public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
            return LinkListing.page(links.values(), creator, cursor, limit);
        }

        @Override
        public List<Link> findByTarget(LongUrl target) {
            return links.values().stream().filter(l -> l.target().equals(target)).toList();
        }
    }

    /** Clicks set directly per link; the ranking holds registered links. */
    static class Clicks implements ClickCounterStore, LinkRanking {
        final Map<ShortCode, Long> totals = new HashMap<>();
        final TreeSet<ShortCode> registered = new TreeSet<>();

        void set(String code, long clicks) {
            totals.put(new ShortCode(code), clicks);
        }

        @Override
        public void add(String batchId, ClickTally tally) {
            totals.merge(tally.code(), tally.total(), Long::sum);
        }

        @Override
        public long total(ShortCode code) {
            return totals.getOrDefault(code, 0L);
        }

        @Override
        public SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
            return Collections.emptySortedMap();
        }

        @Override
        public void register(ShortCode code) {
            registered.add(code);
        }

        @Override
        public void registerImported(String batchId, Map<ShortCode, Long> undatedClicks) {
            undatedClicks.forEach((code, clicks) -> {
                totals.merge(code, clicks, Long::sum);
                registered.add(code);
            });
        }

        @Override
        public void unregister(ShortCode code) {
            registered.remove(code);
        }

        @Override
        public List<RankedLink> ranked(RankOrder order, int offset, int limit) {
            Comparator<RankedLink> least = Comparator.comparingLong(RankedLink::clicks).thenComparing(RankedLink::code);
            return registered.stream().map(c -> new RankedLink(c, total(c)))
                    .sorted(order == RankOrder.LEAST_CLICKED ? least : least.reversed())
                    .skip(offset).limit(limit).toList();
        }

        @Override
        public SiteTotals totals() {
            return new SiteTotals(registered.size(), totals.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    static final class Sites implements YourlsSiteStore {
        YourlsSite site = YourlsSite.defaults();
        long last;

        @Override
        public YourlsSite load() {
            return site;
        }

        @Override
        public void save(YourlsSite site) {
            this.site = site;
        }

        @Override
        public long claimNextId() {
            return ++last;
        }

        @Override
        public void raiseNextIdTo(long nextId) {
            last = Math.max(last, nextId - 1);
        }
    }
}
