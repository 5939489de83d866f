package dev.tern.migration.source;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RowChecksumTest {

    @Test
    void line_nullField_isEmpty() {
        assertThat(RowChecksum.urlLine("k", "u", null, "2026-01-01 00:00:00", 3)).isEqualTo("k|u||2026-01-01 00:00:00|3");
    }

    @Test
    void of_sortsLinesByUtf8BytesNotUtf16() {
        // U+FF21 (3 UTF-8 bytes, EF BC A1) sorts before U+1F680 (F0 9F 9A 80) bytewise, after it in UTF-16.
        RowChecksum forward = RowChecksum.of(Stream.of("\uFF21", "🚀"));
        RowChecksum backward = RowChecksum.of(Stream.of("🚀", "\uFF21"));

        assertThat(forward).isEqualTo(backward);
        // printf '\xef\xbc\xa1\n\xf0\x9f\x9a\x80\n' | md5sum
        assertThat(forward.md5()).isEqualTo(md5Hex("\uFF21\n🚀\n"));
        assertThat(forward.lines()).isEqualTo(2);
    }

    @Test
    void of_nothing_isTheHashOfNothing() {
        RowChecksum empty = RowChecksum.of(Stream.empty());

        assertThat(empty).isEqualTo(new RowChecksum(0, "d41d8cd98f00b204e9800998ecf8427e",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void keywordOrder_isCodePointOrder() {
        assertThat(KeywordOrder.compare("\uFF21", "🚀")).isNegative();
        assertThat("\uFF21".compareTo("🚀")).isPositive();
        assertThat(KeywordOrder.compare("Abc", "abc")).isNegative();
        assertThat(KeywordOrder.compare("ab", "abc")).isNegative();
        assertThat(KeywordOrder.compare("é", "z")).isPositive();
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
