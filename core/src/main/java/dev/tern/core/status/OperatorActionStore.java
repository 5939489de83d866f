package dev.tern.core.status;

import java.util.List;

/**
 * Where operators' notes and maintenance windows are kept (written by the admin command, read by
 * every region's generator).
 *
 * <p>Every implementation guarantees: an action added is returned by every later {@link #all()} (in
 * the region it was added in at once, elsewhere once replicated) and is never expired (a maintenance
 * window explains old downtime for as long as the page shows it); a maintenance window added again
 * with the same id replaces the earlier one (moving or cancelling a window); notes are kept in the
 * order they were added.
 */
public interface OperatorActionStore {
    /** Adds {@code action}; a maintenance window with an id already stored replaces it. */
    void add(OperatorAction action);

    /** Every action: maintenance windows first (by start), then notes (in the order added). */
    List<OperatorAction> all();
}
