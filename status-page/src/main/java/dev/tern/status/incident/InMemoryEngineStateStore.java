package dev.tern.status.incident;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** An {@link EngineStateStore} in memory: a long-lived process (the local platform) needs no more. */
public final class InMemoryEngineStateStore implements EngineStateStore {
    private final AtomicReference<EngineState> state = new AtomicReference<>();

    @Override
    public Optional<EngineState> load() {
        return Optional.ofNullable(state.get());
    }

    @Override
    public void save(EngineState newState) {
        state.set(newState);
    }
}
