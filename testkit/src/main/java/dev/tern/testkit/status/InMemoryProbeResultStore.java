package dev.tern.testkit.status;

import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link ProbeResultStore} in memory, honouring the same contract as the DynamoDB one except that
 * it never expires anything. For tests, previews and a platform without a database.
 */
public final class InMemoryProbeResultStore implements ProbeResultStore {
    /** Same order as reads: minute, then probing region. */
    private record RoundKey(Instant minute, Region probingRegion) {}

    private static final Comparator<RoundKey> ROUND_ORDER =
            Comparator.comparing(RoundKey::minute).thenComparing(RoundKey::probingRegion);

    private final ConcurrentSkipListMap<RoundKey, List<ProbeResult>> rounds = new ConcurrentSkipListMap<>(ROUND_ORDER);

    @Override
    public void save(ProbeRound round) {
        List<ProbeResult> sorted = new ArrayList<>(round.results());
        sorted.sort(ProbeResult.ORDER);
        rounds.put(new RoundKey(round.minute(), round.probingRegion()), List.copyOf(sorted));
    }

    @Override
    public List<ProbeResult> results(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<ProbeResult> out = new ArrayList<>();
        for (Map.Entry<RoundKey, List<ProbeResult>> e : rounds
                .subMap(new RoundKey(from, new Region("a")), true, new RoundKey(to, new Region("a")), false)
                .entrySet()) {
            out.addAll(e.getValue());
        }
        return out;
    }
}
