package dev.tern.core.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a fuzzer's bytes into the text a parser receives. Seeds stay readable files (UTF-8), and
 * a first byte {@code 0xFF} switches to UTF-16BE, so the fuzzer can also reach text that no UTF-8
 * decoder produces: lone surrogates, U+FFFF, any char at all.
 */
final class FuzzText {
    private FuzzText() {
    }

    static String decode(byte[] data) {
        if (data.length > 0 && data[0] == (byte) 0xFF) {
            ByteBuffer rest = ByteBuffer.wrap(data, 1, data.length - 1);
            StringBuilder text = new StringBuilder();
            while (rest.remaining() >= 2) {
                text.append(rest.getChar());
            }
            return text.toString();
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The text with everything outside printable ASCII escaped, for assertion messages. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.append((char) c);
            }
        });
        return b.toString();
    }
}
