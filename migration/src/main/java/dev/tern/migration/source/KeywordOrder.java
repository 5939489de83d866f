package dev.tern.migration.source;

import java.util.Comparator;

/**
 * The order of YOURLS keywords in the database: binary, i.e. by Unicode code point, which is the
 * order of their UTF-8 bytes ({@code utf8mb4_bin}, {@code LC_ALL=C sort}). {@link String#compareTo}
 * differs from it for characters above U+FFFF against U+E000–U+FFFF, so resuming uses this instead.
 */
public final class KeywordOrder {

    /** Compares by code point (= UTF-8 byte order). */
    public static final Comparator<String> CODE_POINT = KeywordOrder::compare;

    private KeywordOrder() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b} in code-point order. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // Move surrogates (D800–DFFF) above E000–FFFF: UTF-16 order → code-point order.
                if (ca >= 0xD800 && cb >= 0xD800) {
                    ca = (char) (ca >= 0xE000 ? ca - 0x800 : ca + 0x2000);
                    cb = (char) (cb >= 0xE000 ? cb - 0x800 : cb + 0x2000);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }
}
