package dev.tern.status.incident;

import java.util.Optional;

/**
 * Where a region keeps its {@link IncidentEngine#checkpoint()}, so that each regeneration reads only
 * the results since the last one instead of 90 days of them. Each region keeps its own (the state is
 * derived from the shared results, so nothing needs to replicate). Losing it costs one full replay,
 * nothing else: implementations may be plain "last write wins".
 */
public interface EngineStateStore {
    /** The last saved state, if any. */
    Optional<EngineState> load();

    /** Replaces the saved state. */
    void save(EngineState state);
}
