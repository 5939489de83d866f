package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidCodeException;
import dev.tern.core.error.TernException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShortCodeTest {

    @Test
    void codes_areCaseSensitive() {
        assertThat(new ShortCode("Promo")).isNotEqualTo(new ShortCode("promo"));
        assertThat(new ShortCode("promo")).isEqualTo(ShortCode.parse("promo"));
        assertThat(new ShortCode("Promo").hashCode()).isEqualTo(new ShortCode("Promo").hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "-", "_", "abc", "a-b_C9", "yourls", "OZH", "under_score-and-hyphen"})
    void parse_validCode_keepsItExactly(String raw) {
        assertThat(ShortCode.parse(raw).value()).isEqualTo(raw);
        assertThat(ShortCode.isValid(raw)).isTrue();
    }

    @Test
    void parse_hundredCharacters_isAccepted() {
        String longest = "a".repeat(100);
        assertThat(ShortCode.parse(longest).value()).isEqualTo(longest);
    }

    @Test
    void parse_hundredAndOneCharacters_isRefusedSayingTheLimit() {
        assertThatThrownBy(() -> ShortCode.parse("a".repeat(101)))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("at most 100")
                .hasMessageContaining("101");
    }

    @Test
    void parse_empty_isRefused() {
        assertThatThrownBy(() -> ShortCode.parse(""))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void parse_null_isRefusedAsRequired() {
        assertThatThrownBy(() -> ShortCode.parse(null))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a b     | U+0020 at position 2",
            "ab/c    | '/' at position 3",
            "café    | 'é' at position 4",
            "abc+    | '+' at position 4",
            "%61bc   | '%' at position 1",
            "a.b     | '.' at position 2",
            "😀x     | '😀' at position 1",
            "x😀y!   | '😀' at position 2",
    })
    void parse_badCharacter_isRefusedNamingCharacterAndPosition(String raw, String expected) {
        assertThatThrownBy(() -> ShortCode.parse(raw))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CODE))
                .hasMessageContaining(expected);
    }

    @Test
    void parse_controlCharacter_isShownAsCodePoint() {
        assertThatThrownBy(() -> ShortCode.parse("ab\tc"))
                .isInstanceOf(TernException.class)
                .hasMessageContaining("U+0009 at position 3");
    }

    @ParameterizedTest
    @CsvSource({"/abc,abc", "/abc/,abc", "/Promo,Promo", "/a,a", "/a-b_c/,a-b_c"})
    void fromPath_codePath_givesTheCode(String path, String code) {
        assertThat(ShortCode.fromPath(path)).contains(new ShortCode(code));
    }

    @Test
    void fromPath_keepsCase() {
        assertThat(ShortCode.fromPath("/Promo")).isNotEqualTo(ShortCode.fromPath("/promo"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/", "//", "///", "/a/b", "/a/b/", "/abc//", "/x+", "/x+/", "/x+all", "/%61bc", "/ab%2F",
            "abc", "abc/", "/a b", "/café", "/abc?x=1", "/abc#x", "/.", "/..", "\\abc"})
    void fromPath_pathThatCannotHoldACode_isEmpty(String path) {
        assertThat(ShortCode.fromPath(path)).isEqualTo(Optional.empty());
    }

    @Test
    void fromPath_tooLongCode_isEmpty() {
        assertThat(ShortCode.fromPath("/" + "a".repeat(101))).isEmpty();
        assertThat(ShortCode.fromPath("/" + "a".repeat(100) + "/")).isPresent();
    }

    @Test
    void constructor_badValue_throwsTheSameDomainError() {
        assertThatThrownBy(() -> new ShortCode("a/b")).isInstanceOf(InvalidCodeException.class);
        assertThatThrownBy(() -> new ShortCode(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isValid_null_isFalse() {
        assertThat(ShortCode.isValid(null)).isFalse();
    }

    @Test
    void compareTo_ordersByValue_andToStringIsTheValue() {
        assertThat(new ShortCode("B").compareTo(new ShortCode("a"))).isNegative();
        assertThat(new ShortCode("abc")).hasToString("abc");
    }
}
