package dev.tern.core.status;

import java.util.Optional;

/**
 * Where one region keeps the status page's incident engine checkpoint, as opaque bytes: the engine's
 * state is the status page's business (it serialises it), the store only keeps it. Each region keeps
 * its own, under its own key, so nothing conflicts across regions.
 *
 * <p>Every implementation guarantees: {@link #load()} returns the bytes of the last {@link #save}
 * (last write wins), or empty when none was saved. Losing a checkpoint costs one full replay of the
 * stored probe rounds, nothing else. A store that cannot answer throws
 * {@code dev.tern.core.error.StoreUnavailableException}; a checkpoint larger than
 * {@link #MAX_BYTES} is refused with an {@link IllegalArgumentException}.
 */
public interface EngineCheckpointStore {
    /** The largest checkpoint every store keeps: below DynamoDB's 400 KB item limit, with room for keys. */
    int MAX_BYTES = 350 * 1024;

    /** The last saved checkpoint, if any. */
    Optional<byte[]> load();

    /** Replaces the saved checkpoint. */
    void save(byte[] checkpoint);
}
