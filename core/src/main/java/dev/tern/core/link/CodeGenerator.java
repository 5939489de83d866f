package dev.tern.core.link;

import dev.tern.core.LazySecureRandom;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Draws random short codes. Randomness comes from a {@link SecureRandom} created lazily, on the
 * first code asked for, never in static initialisation: a Lambda SnapStart snapshot must not
 * carry a seeded generator that every restored instance would share. {@link #reseed()} drops the
 * generator (called after a snapshot restore).
 */
public final class CodeGenerator {
    private final CodeAlphabet alphabet;
    private final int length;
    private final LazySecureRandom random;

    public CodeGenerator(CodeAlphabet alphabet, int length) {
        this(alphabet, length, SecureRandom::new);
    }

    CodeGenerator(CodeAlphabet alphabet, int length, Supplier<SecureRandom> randomFactory) {
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        if (length < 4 || length > 32) {
            throw new IllegalArgumentException("generated code length must be between 4 and 32, got " + length);
        }
        this.length = length;
        this.random = new LazySecureRandom(randomFactory);
    }

    /** A fresh random code of the configured length and alphabet. */
    public ShortCode next() {
        SecureRandom rnd = random.get();
        String symbols = alphabet.symbols();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = symbols.charAt(rnd.nextInt(symbols.length()));
        }
        return new ShortCode(new String(chars));
    }

    /** Forgets the current random generator; the next code creates a new one. */
    public void reseed() {
        random.reset();
    }

    public CodeAlphabet alphabet() {
        return alphabet;
    }

    public int length() {
        return length;
    }
}
