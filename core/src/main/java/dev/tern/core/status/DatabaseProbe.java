package dev.tern.core.status;

/**
 * The database check of one region, implemented next to the DynamoDB adapters: read and write the
 * canary item in {@code target}'s replica and time them; where the probing region writes the canary,
 * also how long the write takes to appear in the other regions (replication lag, in the detail).
 * Must not throw for a failing database: report {@link Outcome#FAIL} with a reason.
 */
@FunctionalInterface
public interface DatabaseProbe {
    /** Checks the database as seen in {@code target}. */
    Measurement check(Region target);
}
