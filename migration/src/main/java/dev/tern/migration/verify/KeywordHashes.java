package dev.tern.migration.verify;

import java.util.Arrays;

/**
 * The keywords of the source as 64-bit hashes (8 bytes each, instead of ~100 for a set of strings),
 * to tell which of Tern's links are not in the source. A hash collision (odds about n²/2⁶⁵: below
 * one in ten million for a million links) could only hide one Tern-only link from the report; it
 * can never hide a difference.
 */
final class KeywordHashes {
    private long[] hashes = new long[1024];
    private int size;
    private boolean sealed;

    void add(String keyword) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        hashes[size++] = hash(keyword);
    }

    /** Ends the adding; lookups may start. */
    void seal() {
        hashes = Arrays.copyOf(hashes, size);
        Arrays.sort(hashes);
        sealed = true;
    }

    boolean contains(String keyword) {
        if (!sealed) {
            throw new IllegalStateException("not sealed yet");
        }
        return Arrays.binarySearch(hashes, hash(keyword)) >= 0;
    }

    /** FNV-1a over the UTF-16 units, then the SplitMix64 finaliser to spread the bits. */
    static long hash(String keyword) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < keyword.length(); i++) {
            h ^= keyword.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= keyword.length();
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
