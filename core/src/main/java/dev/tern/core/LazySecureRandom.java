package dev.tern.core;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link SecureRandom} created on first use, never during class or object initialisation: a
 * Lambda SnapStart snapshot must not carry a seeded generator that every restored instance would
 * share. {@link #reset()} drops it (after a snapshot restore), so the next use seeds a new one.
 */
public final class LazySecureRandom {
    private final Supplier<SecureRandom> factory;
    private volatile SecureRandom random;

    public LazySecureRandom() {
        this(SecureRandom::new);
    }

    /** With the generator {@code factory} makes (tests script the randomness this way). */
    public LazySecureRandom(Supplier<SecureRandom> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
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
