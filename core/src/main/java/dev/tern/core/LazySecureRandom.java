package dev.tern.core;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * A {@link SecureRandom} created on first use, never during class or object initialisation: a
 * Lambda SnapStart snapshot must not carry a seeded generator that every restored instance would
 * share. {@link #reset()} drops it (after a snapshot restore), so the next use seeds a new one.
 */
public final class LazySecureRandom {
    /** Every instance, weakly: {@link #resetAll()} drops each one's generator after a restore. */
    private static final Set<LazySecureRandom> ALL = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Supplier<SecureRandom> factory;
    private volatile SecureRandom random;

    public LazySecureRandom() {
        this(SecureRandom::new);
    }

    /** With the generator {@code factory} makes (tests script the randomness this way). */
    public LazySecureRandom(Supplier<SecureRandom> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        ALL.add(this);
    }

    /**
     * Forgets the generator of every instance in this JVM: what a SnapStart restore hook calls, so that
     * no two restored containers draw from one generator state taken into the snapshot (for example
     * by priming, which may create codes or tokens before the checkpoint).
     */
    public static void resetAll() {
        synchronized (ALL) {
            for (LazySecureRandom instance : ALL) {
                instance.reset();
            }
        }
    }

    /** The generator, created on the first call. */
    public SecureRandom get() {
        SecureRandom current = random;
        if (current == null) {
            synchronized (this) {
                current = random;
                if (current == null) {
                    current = factory.get();
                    random = current;
                }
            }
        }
        return current;
    }

    /** Forgets the generator; the next {@link #get()} creates a new one. */
    public void reset() {
        random = null;
    }
}
