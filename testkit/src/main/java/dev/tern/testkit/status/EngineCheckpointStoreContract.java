package dev.tern.testkit.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.status.EngineCheckpointStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What every {@link EngineCheckpointStore} does (see its Javadoc). Each test gets a fresh store. */
public abstract class EngineCheckpointStoreContract {

    /** An empty store. */
    protected abstract EngineCheckpointStore newStore();

    @Test
    void load_beforeAnySave_isEmpty() {
        assertThat(newStore().load()).isEmpty();
    }

    @Test
    void load_returnsTheLastSave() {
        EngineCheckpointStore store = newStore();
        store.save(new byte[] {1, 2, 3});
        store.save(new byte[] {4, 5});

        assertThat(store.load()).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
    }

    @Test
    void save_ofTheLargestCheckpoint_keepsIt_andLargerIsRefused() {
        EngineCheckpointStore store = newStore();
        byte[] largest = new byte[EngineCheckpointStore.MAX_BYTES];
        Arrays.fill(largest, (byte) 7);

        store.save(largest);

        assertThat(store.load()).hasValueSatisfying(b -> assertThat(b).hasSize(EngineCheckpointStore.MAX_BYTES));
        assertThatThrownBy(() -> store.save(new byte[EngineCheckpointStore.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
