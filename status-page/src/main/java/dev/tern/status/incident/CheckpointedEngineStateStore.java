package dev.tern.status.incident;

import dev.tern.core.status.EngineCheckpointStore;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EngineStateStore} over a storage port that keeps bytes (the DynamoDB adapter in
 * {@code store}), through {@link EngineStateCodec}. A checkpoint that cannot be read, or one too large
 * to keep, only costs a replay: it is never a reason to fail a regeneration.
 */
public final class CheckpointedEngineStateStore implements EngineStateStore {
    private final EngineCheckpointStore store;
    private final EngineStateCodec codec = new EngineStateCodec();

    public CheckpointedEngineStateStore(EngineCheckpointStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<EngineState> load() {
        return store.load().flatMap(codec::decode);
    }

    @Override
    public void save(EngineState state) {
        byte[] bytes = codec.encode(state);
        if (bytes.length <= EngineCheckpointStore.MAX_BYTES) {
            store.save(bytes);
        }
    }
}
