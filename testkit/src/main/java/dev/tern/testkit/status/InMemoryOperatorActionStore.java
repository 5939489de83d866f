package dev.tern.testkit.status;

import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.OperatorActionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An {@link OperatorActionStore} in memory, for tests and a platform without a database. */
public final class InMemoryOperatorActionStore implements OperatorActionStore {
    private final List<OperatorAction.Maintenance> windows = new ArrayList<>();
    private final List<OperatorAction.Note> notes = new ArrayList<>();

    @Override
    public synchronized void add(OperatorAction action) {
        switch (action) {
            case OperatorAction.Maintenance window -> {
                windows.removeIf(w -> w.id().equals(window.id()));
                windows.add(window);
                windows.sort(Comparator.comparing(OperatorAction.Maintenance::from));
            }
            case OperatorAction.Note note -> notes.add(note);
        }
    }

    @Override
    public synchronized List<OperatorAction> all() {
        List<OperatorAction> all = new ArrayList<>(windows);
        all.addAll(notes);
        return List.copyOf(all);
    }
}
