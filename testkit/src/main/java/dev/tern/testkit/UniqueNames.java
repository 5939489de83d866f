package dev.tern.testkit;

import java.util.concurrent.atomic.AtomicLong;

/** Suffixes that keep the tests of one class apart when they share a table. */
final class UniqueNames {
    private static final AtomicLong NEXT = new AtomicLong();

    private UniqueNames() {
    }

    /** A suffix never returned before in this JVM, made of short-code characters: {@code -u17}. */
    static String suffix() {
        return "-u" + NEXT.incrementAndGet();
    }
}
