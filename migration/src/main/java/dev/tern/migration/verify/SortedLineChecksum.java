package dev.tern.migration.verify;

import dev.tern.migration.source.KeywordOrder;
import dev.tern.migration.source.RowChecksum;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Computes the same {@link RowChecksum} as {@link RowChecksum#of} (lines sorted bytewise, as
 * {@code LC_ALL=C sort} does), but in one pass and constant memory instead of sorting every line in
 * memory, from lines that arrive in the order of their keywords: the order
 * {@link dev.tern.migration.source.YourlsSource#urls} promises (binary order of keywords).
 *
 * <p>Why this works: a line is {@code keyword|…}, so the line of keyword {@code k} sorts after the
 * string {@code k} itself, and every keyword still to come is greater than {@code k}; therefore every
 * line held back that sorts before {@code k} can be hashed now. What stays held back is at most
 * the lines of keywords that are prefixes of {@code k} (at most one per character of {@code k}),
 * whose place depends on the characters that follow.
 *
 * <p>If a keyword arrives that is not greater than the one before (a source that does not keep its
 * promised order), the checksum cannot be computed this way: {@link #finish} is then empty and
 * {@link #problem} says why (the verifier then computes it in memory, in a second pass).
 */
final class SortedLineChecksum {
    /** Unicode code point order, which is the byte order of the UTF-8 encodings. */
    static final Comparator<String> BYTE_ORDER = KeywordOrder.CODE_POINT;

    private final PriorityQueue<String> pending = new PriorityQueue<>(BYTE_ORDER);
    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha256 = digest("SHA-256");
    private String lastKeyword;
    private long lines;
    private String problem;

    /** Adds the line of {@code keyword}, which must be greater than every keyword added before. */
    void add(String keyword, String line) {
        if (problem != null) {
            return;
        }
        if (lastKeyword != null && KeywordOrder.compare(keyword, lastKeyword) <= 0) {
            problem = "the source listed keyword \"" + keyword + "\" after \"" + lastKeyword
                    + "\" (not in binary order), so the checksums could not be computed in the first pass";
            pending.clear();
            return;
        }
        lastKeyword = keyword;
        pending.add(line);
        while (!pending.isEmpty() && KeywordOrder.compare(pending.peek(), keyword) < 0) {
            hash(pending.poll());
        }
    }

    /** The checksum of every line added, or empty when the lines came out of order. */
    Optional<RowChecksum> finish() {
        if (problem != null) {
            return Optional.empty();
        }
        while (!pending.isEmpty()) {
            hash(pending.poll());
        }
        HexFormat hex = HexFormat.of();
        return Optional.of(new RowChecksum(lines, hex.formatHex(md5.digest()), hex.formatHex(sha256.digest())));
    }

    /** Why there is no checksum, if there is none. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void hash(String line) {
        byte[] bytes = (line + '\n').getBytes(StandardCharsets.UTF_8);
        md5.update(bytes);
        sha256.update(bytes);
        lines++;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
