package dev.tern.core.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.CodePolicy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YourlsKeywordsTest {
    private static YourlsKeywords keywords(int base, boolean hyphens, Set<String> reserved) {
        return YourlsKeywords.of(new YourlsSite(Map.of(), "", false, base, hyphens, reserved, true), CodePolicy.defaults());
    }

    @Test
    void sanitise_base36_deletesEverythingOutsideLowerCaseAndDigits() {
        YourlsKeywords base36 = keywords(36, false, Set.of());

        assertThat(base36.sanitise("MyMixedCase")).isEqualTo("yixedase");
        assertThat(base36.sanitise("my-hyphen-key")).isEqualTo("myhyphenkey");
        assertThat(base36.sanitise("café")).isEqualTo("caf");
        assertThat(base36.sanitise("a/b")).isEqualTo("ab");
        assertThat(base36.sanitise("abc+")).isEqualTo("abc");
        assertThat(base36.sanitise("ABCDEF")).isEmpty();
        assertThat(base36.sanitise("🚀🚀")).isEmpty();
    }

    @Test
    void sanitise_base62WithHyphens_keepsCaseAndHyphens() {
        assertThat(keywords(62, true, Set.of()).sanitise("My-Key_1!")).isEqualTo("My-Key1");
    }

    @Test
    void fromId_isYourlsInt2string() {
        YourlsKeywords base36 = keywords(36, false, Set.of());
        assertThat(base36.fromId(0)).isEqualTo("0");
        assertThat(base36.fromId(35)).isEqualTo("z");
        assertThat(base36.fromId(36)).isEqualTo("10");
        assertThat(base36.fromId(4236)).as("the recorded site's first fixture keyword").isEqualTo("39o");
        assertThat(base36.fromId(4256)).isEqualTo("3a8");
        YourlsKeywords base62 = keywords(62, false, Set.of());
        assertThat(base62.fromId(36)).as("lower case before upper case, as YOURLS orders its charset").isEqualTo("A");
        assertThat(base62.fromId(62)).isEqualTo("10");
        assertThat(keywords(36, true, Set.of()).fromId(36)).as("the hyphens plugin makes the base 37").isEqualTo("-");
    }

    @Test
    void isReserved_siteWordsAndInstallDirectories_exactlyAsYourlsComparesThem() {
        YourlsKeywords base62 = keywords(62, false, Set.of("porn"));

        assertThat(base62.isReserved("porn")).isTrue();
        assertThat(base62.isReserved("PORN")).isFalse();
        assertThat(base62.isReserved("admin")).isTrue();
        assertThat(base62.isReserved("Admin")).isFalse();
        assertThat(base62.isReserved("ozh")).isFalse();
    }

    @Test
    void isReserved_ternsOwnRoutes_inAnyCase_andTheEmptyKeyword() {
        YourlsKeywords base62 = keywords(62, false, Set.of());

        assertThat(base62.isReserved("api")).isTrue();
        assertThat(base62.isReserved("Status")).isTrue();
        assertThat(base62.isReserved("")).isTrue();
    }
}
