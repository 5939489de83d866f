package dev.tern.testkit.status;

import dev.tern.core.status.EngineCheckpointStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** An {@link EngineCheckpointStore} in memory, honouring the same contract as the DynamoDB one. */
public final class InMemoryEngineCheckpointStore implements EngineCheckpointStore {
    private final AtomicReference<byte[]> saved = new AtomicReference<>();

    @Override
    public Optional<byte[]> load() {
        return Optional.ofNullable(saved.get()).map(byte[]::clone);
    }

    @Override
    public void save(byte[] checkpoint) {
        if (checkpoint.length > MAX_BYTES) {
            throw new IllegalArgumentException("A checkpoint of " + checkpoint.length + " bytes exceeds " + MAX_BYTES);
        }
        saved.set(checkpoint.clone());
    }
}
