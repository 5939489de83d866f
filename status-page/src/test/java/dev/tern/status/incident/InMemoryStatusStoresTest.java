package dev.tern.status.incident;

import dev.tern.core.status.EngineCheckpointStore;
import dev.tern.core.status.OperatorActionStore;
import dev.tern.testkit.status.EngineCheckpointStoreContract;
import dev.tern.testkit.status.InMemoryEngineCheckpointStore;
import dev.tern.testkit.status.InMemoryOperatorActionStore;
import dev.tern.testkit.status.OperatorActionStoreContract;
import org.junit.jupiter.api.Nested;

/** The in-memory operator action and checkpoint stores pass the contracts the DynamoDB ones pass. */
class InMemoryStatusStoresTest {
    @Nested
    class OperatorActions extends OperatorActionStoreContract {
        @Override
        protected OperatorActionStore newStore() {
            return new InMemoryOperatorActionStore();
        }
    }

    @Nested
    class Checkpoints extends EngineCheckpointStoreContract {
        @Override
        protected EngineCheckpointStore newStore() {
            return new InMemoryEngineCheckpointStore();
        }
    }
}
