package dev.tern.migration.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The checksum definition done the plain way (sort every line's bytes, hash): what the streaming one must equal. */
final class ReferenceChecksum {
    private ReferenceChecksum() {
    }

    /** md5 of text as given (already sorted lines, each ending in a newline). */
    static String md5(String text) {
        return hex("MD5", text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) {
        return hex("SHA-256", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sorts the lines by their UTF-8 bytes (as LC_ALL=C sort) and joins them, each ending in a newline. */
    static String sortedText(List<String> lines) {
        byte[][] encoded = lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        Arrays.sort(encoded, Arrays::compareUnsigned);
        StringBuilder out = new StringBuilder();
        for (byte[] line : encoded) {
            out.append(new String(line, StandardCharsets.UTF_8)).append('\n');
        }
        return out.toString();
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
