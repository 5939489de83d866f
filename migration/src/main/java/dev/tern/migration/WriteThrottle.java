package dev.tern.migration;

/**
 * Spaces writes so that at most {@code perSecond} items are written per second on average
 * ({@code --max-writes-per-second}), so a migration into a live table does not throttle it.
 * Shared by the writer threads.
 */
final class WriteThrottle {
    private final long nanosPerItem;
    private long nextFree = System.nanoTime();

    /** @param perSecond items per second; 0 for no limit */
    WriteThrottle(int perSecond) {
        this.nanosPerItem = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
    }

    /** Waits until {@code items} more may be written. */
    void acquire(int items) {
        if (nanosPerItem == 0 || items <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            // No credit for idle time beyond one second: a pause must not allow a burst afterwards.
            nextFree = Math.max(nextFree, now - 1_000_000_000L);
            wait = nextFree - now;
            nextFree += nanosPerItem * items;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("interrupted while waiting to write", e);
            }
        }
    }
}
