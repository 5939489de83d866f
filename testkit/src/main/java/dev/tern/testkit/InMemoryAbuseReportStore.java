package dev.tern.testkit;

import dev.tern.core.abuse.AbuseReport;
import dev.tern.core.abuse.AbuseReportPage;
import dev.tern.core.abuse.AbuseReportStore;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.ShortCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AbuseReportStore} in a map, honouring {@code AbuseReportStoreContract}; cursors are report ids. */
public final class InMemoryAbuseReportStore implements AbuseReportStore {
    private static final Comparator<AbuseReport> NEWEST_FIRST =
            Comparator.comparing(AbuseReport::at).thenComparing(AbuseReport::id).reversed();
    private final Map<String, AbuseReport> reports = new ConcurrentHashMap<>();

    @Override
    public void add(AbuseReport report) {
        reports.putIfAbsent(report.id(), report);
    }

    @Override
    public AbuseReportPage list(Optional<ShortCode> code, Optional<String> cursor, int limit) {
        List<AbuseReport> all = reports.values().stream()
                .filter(r -> code.isEmpty() || r.code().equals(code.get()))
                .sorted(NEWEST_FIRST)
                .toList();
        int start = 0;
        if (cursor.isPresent()) {
            AbuseReport after = reports.get(cursor.get());
            if (after == null) {
                throw InvalidRequestException.of("The cursor is not one this listing gave out");
            }
            start = (int) all.stream().filter(r -> NEWEST_FIRST.compare(r, after) <= 0).count();
        }
        List<AbuseReport> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        boolean more = start + limit < all.size();
        return new AbuseReportPage(page, more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty());
    }

    public int size() {
        return reports.size();
    }
}
