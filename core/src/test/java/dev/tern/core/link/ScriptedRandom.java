package dev.tern.core.link;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A {@link SecureRandom} that answers {@link #nextInt(int)} from a script, so a {@link CodeGenerator}
 * produces exactly the codes a test asks for.
 */
final class ScriptedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final transient Deque<Integer> script = new ArrayDeque<>();
    private final transient boolean repeatLast;
    private int last;

    private ScriptedRandom(boolean repeatLast) {
        this.repeatLast = repeatLast;
    }

    /** A generator factory whose generator yields {@code codes}, in order, then fails. */
    static Supplier<SecureRandom> yielding(CodeAlphabet alphabet, String... codes) {
        return () -> script(alphabet, false, codes);
    }

    /** Like {@link #yielding}, but repeats the last code forever. */
    static Supplier<SecureRandom> yieldingThenRepeating(CodeAlphabet alphabet, String... codes) {
        return () -> script(alphabet, true, codes);
    }

    static ScriptedRandom script(CodeAlphabet alphabet, boolean repeatLast, String... codes) {
        ScriptedRandom random = new ScriptedRandom(repeatLast);
        for (String code : codes) {
            for (char c : code.toCharArray()) {
                int index = alphabet.symbols().indexOf(c);
                if (index < 0) {
                    throw new IllegalArgumentException("'" + c + "' is not in " + alphabet);
                }
                random.script.add(index);
            }
        }
        return random;
    }

    @Override
    public synchronized int nextInt(int bound) {
        Integer next = script.poll();
        if (next == null) {
            if (!repeatLast) {
                throw new IllegalStateException("the scripted random numbers are used up");
            }
            next = last;
        }
        last = next;
        if (next >= bound) {
            throw new IllegalStateException(next + " is out of bound " + bound);
        }
        return next;
    }
}
