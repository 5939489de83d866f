package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidCodeException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodePolicyTest {
    private final CodePolicy policy = CodePolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"api", "API", "Api", "status", "STATUS", "static", "assets", "health",
            "yourls-api.php", "YOURLS-API.PHP", "favicon.ico", "robots.txt", ".well-known"})
    void custom_reservedWordInAnyCase_isRefusedAsReserved(String word) {
        assertThatThrownBy(() -> policy.custom(word))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESERVED_CODE))
                .hasMessageContaining("reserved")
                .hasMessageContaining(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "", "x+", "café", "abc.php"})
    void custom_malformedCode_isRefusedAsInvalid(String raw) {
        assertThatThrownBy(() -> policy.custom(raw))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CODE));
    }

    @Test
    void custom_null_isRefusedAsInvalid() {
        assertThatThrownBy(() -> policy.custom(null))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CODE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"promo", "Promo", "apis", "api-v2", "status1", "my_static", "a"})
    void custom_ordinaryCode_isAcceptedExactly(String raw) {
        assertThat(policy.custom(raw)).isEqualTo(new ShortCode(raw));
    }

    @Test
    void withExtraReserved_refusesTheExtrasIgnoringCase_andKeepsTheDefaults() {
        CodePolicy extra = CodePolicy.withExtraReserved(Set.of("Promo", "wp-admin"));

        assertThatThrownBy(() -> extra.custom("promo")).hasFieldOrPropertyWithValue("code", ErrorCode.RESERVED_CODE);
        assertThatThrownBy(() -> extra.custom("PROMO")).hasFieldOrPropertyWithValue("code", ErrorCode.RESERVED_CODE);
        assertThatThrownBy(() -> extra.custom("wp-admin")).hasFieldOrPropertyWithValue("code", ErrorCode.RESERVED_CODE);
        assertThatThrownBy(() -> extra.custom("api")).hasFieldOrPropertyWithValue("code", ErrorCode.RESERVED_CODE);
        assertThat(extra.custom("promo2")).isEqualTo(new ShortCode("promo2"));
        assertThat(policy.custom("promo")).isEqualTo(new ShortCode("promo"));
    }

    @Test
    void reserved_isLowerCased_andContainsEveryDefault() {
        assertThat(CodePolicy.withExtraReserved(Set.of("Promo")).reserved())
                .contains("promo", "api", "yourls-api.php")
                .allSatisfy(word -> assertThat(word).isLowerCase());
        assertThat(policy.reserved()).hasSameSizeAs(CodePolicy.DEFAULT_RESERVED);
    }

    @Test
    void isReserved_answersIgnoringCase() {
        assertThat(policy.isReserved("Favicon.ICO")).isTrue();
        assertThat(policy.isReserved("favicon")).isFalse();
    }

    @Test
    void policies_withTheSameReservedWords_areEqual() {
        assertThat(CodePolicy.withExtraReserved(Set.of("Promo"))).isEqualTo(CodePolicy.withExtraReserved(Set.of("promo")))
                .hasSameHashCodeAs(CodePolicy.withExtraReserved(Set.of("PROMO")))
                .isNotEqualTo(CodePolicy.defaults());
        assertThat(CodePolicy.withExtraReserved(Set.of())).isEqualTo(CodePolicy.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "docs", "login", "stats", "preview", "new", "Status2"})
    void custom_commonYourlsKeywordsThatAreNotRoutes_areAccepted(String keyword) {
        assertThat(CodePolicy.defaults().custom(keyword).value()).isEqualTo(keyword);
    }
}
