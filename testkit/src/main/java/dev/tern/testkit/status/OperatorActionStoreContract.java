package dev.tern.testkit.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.OperatorActionStore;
import dev.tern.core.status.Region;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OperatorActionStore} does (see its Javadoc). Each test gets a fresh store from
 * {@link #newStore()}.
 */
public abstract class OperatorActionStoreContract {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private OperatorActionStore store;

    /** An empty store. */
    protected abstract OperatorActionStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void all_ofEmptyStore_isEmpty() {
        assertThat(store.all()).isEmpty();
    }

    @Test
    void all_returnsEveryFieldAsAdded() {
        OperatorAction.Maintenance window = new OperatorAction.Maintenance("mw-1", "Table migration",
                Set.of(Component.DATABASE, Component.API), Set.of(Region.of("eu-west-1")), T, T.plusSeconds(3600), T.minusSeconds(60));
        OperatorAction.Note note = new OperatorAction.Note("20261123-1000", T.plusSeconds(5), "We are looking into it.",
                Optional.of(IncidentStatus.IDENTIFIED));
        OperatorAction.Note plain = new OperatorAction.Note("20261123-1000", T.plusSeconds(6), "Still on it.", Optional.empty());
        OperatorAction.Maintenance everywhere = new OperatorAction.Maintenance("mw-2", "Everything", Set.of(), Set.of(),
                T.plusSeconds(7200), T.plusSeconds(9000), T);

        store.add(note);
        store.add(everywhere);
        store.add(plain);
        store.add(window);

        assertThat(store.all()).containsExactly(window, everywhere, note, plain);
    }

    @Test
    void add_maintenanceWithAnIdAlreadyStored_replacesIt() {
        store.add(new OperatorAction.Maintenance("mw", "First plan", Set.of(), Set.of(), T, T.plusSeconds(60), T));
        OperatorAction.Maintenance moved = new OperatorAction.Maintenance("mw", "Moved", Set.of(Component.WEB), Set.of(),
                T.plusSeconds(600), T.plusSeconds(900), T.plusSeconds(1));

        store.add(moved);

        assertThat(store.all()).containsExactly(moved);
    }

    @Test
    void notes_areKeptInTheOrderAdded_evenTwoOfTheSameText() {
        for (int i = 0; i < 5; i++) {
            store.add(new OperatorAction.Note("x", T.plusMillis(i), "Same words", Optional.empty()));
        }

        assertThat(store.all()).extracting(a -> ((OperatorAction.Note) a).at())
                .containsExactly(T, T.plusMillis(1), T.plusMillis(2), T.plusMillis(3), T.plusMillis(4));
    }
}
