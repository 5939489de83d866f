package dev.tern.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import dev.tern.core.link.CodeAlphabet;
import dev.tern.core.link.CodeGenerator;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TernSettingsTest {

    @Test
    void fromEnv_nothingSet_givesTheDocumentedDefaults() {
        TernSettings settings = TernSettings.fromEnv(Map.of());

        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(settings.codeAlphabet()).isEqualTo(CodeAlphabet.BASE62);
        assertThat(settings.codeLength()).isEqualTo(7);
        assertThat(settings.codePolicy().reserved()).isEqualTo(CodePolicy.defaults().reserved());
        assertThat(settings.urlPolicy().extraSchemes()).isEqualTo(UrlPolicy.DEFAULT_EXTRA_SCHEMES);
        assertThat(settings.urlPolicy().maxLength()).isEqualTo(UrlPolicy.DEFAULT_MAX_LENGTH);
        assertThat(settings.urlPolicy().ownHosts()).containsExactly("127.0.0.1");
        assertThat(settings.redirectPolicy()).isEqualTo(RedirectPolicy.defaults());
        assertThat(settings.unknownCode()).isEqualTo(TernSettings.UnknownCodeAction.NOT_FOUND);
        assertThat(settings.countryHeader()).isEmpty();
        assertThat(settings.region()).isEqualTo("local");
    }

    @Test
    void fromEnv_blankValues_countAsUnset() {
        assertThat(TernSettings.fromEnv(Map.of("TERN_CODE_LENGTH", "  ", "TERN_REDIRECT_STATUS", "")))
                .isEqualTo(TernSettings.fromEnv(Map.of()));
    }

    @Test
    void fromEnv_everySettingGiven_isUsed() {
        TernSettings settings = TernSettings.fromEnv(Map.ofEntries(
                Map.entry("TERN_PUBLIC_BASE_URL", "https://Go.Example/"),
                Map.entry("TERN_EXTRA_OWN_HOSTS", "Short.Example, bücher.example"),
                Map.entry("TERN_CODE_ALPHABET", "base36"),
                Map.entry("TERN_CODE_LENGTH", " 10 "),
                Map.entry("TERN_EXTRA_RESERVED_CODES", "Promo, wp-admin,ads.txt"),
                Map.entry("TERN_URL_SCHEMES", "ftp, MAILTO,obsidian"),
                Map.entry("TERN_MAX_URL_LENGTH", "2048"),
                Map.entry("TERN_REDIRECT_STATUS", "302"),
                Map.entry("TERN_REDIRECT_CACHE_SECONDS", "0"),
                Map.entry("TERN_FORWARD_QUERY", "yes"),
                Map.entry("TERN_UNKNOWN_CODE", "Redirect-Home"),
                Map.entry("TERN_COUNTRY_HEADER", "CloudFront-Viewer-Country"),
                Map.entry("TERN_REGION", "eu-west-1")));

        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("https://Go.Example"));
        assertThat(settings.shortUrl(new ShortCode("abc"))).isEqualTo("https://Go.Example/abc");
        assertThat(settings.urlPolicy().ownHosts()).containsExactlyInAnyOrder("go.example", "short.example", "bücher.example");
        assertThat(settings.codeAlphabet()).isEqualTo(CodeAlphabet.BASE36_LOWER);
        assertThat(settings.codeLength()).isEqualTo(10);
        assertThat(settings.codePolicy().isReserved("promo")).isTrue();
        assertThat(settings.codePolicy().isReserved("ads.txt")).isTrue();
        assertThat(settings.codePolicy().isReserved("api")).isTrue();
        assertThat(settings.urlPolicy().extraSchemes()).containsExactlyInAnyOrder("ftp", "mailto", "obsidian");
        assertThat(settings.urlPolicy().maxLength()).isEqualTo(2048);
        assertThat(settings.redirectPolicy()).isEqualTo(new RedirectPolicy(302, Duration.ZERO, true));
        assertThat(settings.redirectPolicy().cacheControl()).isEqualTo("no-store");
        assertThat(settings.unknownCode()).isEqualTo(TernSettings.UnknownCodeAction.REDIRECT_HOME);
        assertThat(settings.countryHeader()).isEqualTo("cloudfront-viewer-country");
        assertThat(settings.region()).isEqualTo("eu-west-1");
    }

    @Test
    void ownHosts_fromSettings_refuseLoops() {
        TernSettings settings = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://go.example",
                "TERN_EXTRA_OWN_HOSTS", "Short.Example"));

        for (String url : new String[] {"https://go.example/abc", "https://short.example/abc"}) {
            assertThatThrownBy(() -> LongUrl.parse(url, settings.urlPolicy()))
                    .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REDIRECT_LOOP));
        }
    }

    @Test
    void publicBaseUrl_keepsItsPath_withoutTrailingSlashes() {
        TernSettings settings = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://go.example/s//"));
        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("https://go.example/s"));
        assertThat(settings.shortUrl(new ShortCode("abc"))).isEqualTo("https://go.example/s/abc");
    }

    @Test
    void region_defaultsToAwsRegion_thenLocal() {
        assertThat(TernSettings.fromEnv(Map.of("AWS_REGION", "us-east-1")).region()).isEqualTo("us-east-1");
        assertThat(TernSettings.fromEnv(Map.of("AWS_REGION", "us-east-1", "TERN_REGION", "eu-central-1")).region())
                .isEqualTo("eu-central-1");
        assertThat(TernSettings.fromEnv(Map.of("AWS_REGION", " ")).region()).isEqualTo("local");
    }

    @Test
    void newCodeGenerator_followsTheSettings() {
        CodeGenerator generator = TernSettings.fromEnv(Map.of("TERN_CODE_ALPHABET", "base36", "TERN_CODE_LENGTH", "5"))
                .newCodeGenerator();
        assertThat(generator.alphabet()).isEqualTo(CodeAlphabet.BASE36_LOWER);
        assertThat(generator.length()).isEqualTo(5);
        assertThat(generator.next().value()).matches("[0-9a-z]{5}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TERN_CODE_LENGTH            | abc                        | a whole number from 4 to 32",
            "TERN_CODE_LENGTH            | 3                          | a whole number from 4 to 32",
            "TERN_CODE_LENGTH            | 33                         | a whole number from 4 to 32",
            "TERN_CODE_LENGTH            | 7.5                        | a whole number",
            "TERN_CODE_ALPHABET          | base64                     | base62 or base36",
            "TERN_PUBLIC_BASE_URL        | ftp://go.example           | http",
            "TERN_PUBLIC_BASE_URL        | go.example                 | http",
            "TERN_PUBLIC_BASE_URL        | https://go.example/?x=1    | without query",
            "TERN_PUBLIC_BASE_URL        | https://go.example/#top    | without query",
            "TERN_PUBLIC_BASE_URL        | https://go example         | http",
            "TERN_EXTRA_OWN_HOSTS        | https://short.example      | host names only",
            "TERN_EXTRA_OWN_HOSTS        | short.example:8080         | host names only",
            "TERN_EXTRA_RESERVED_CODES   | a/b                        | [0-9A-Za-z._-]",
            "TERN_URL_SCHEMES            | ftp,javascript             | can never be allowed",
            "TERN_URL_SCHEMES            | data                       | can never be allowed",
            "TERN_URL_SCHEMES            | ft p                       | not a scheme name",
            "TERN_MAX_URL_LENGTH         | 10                         | a whole number from 64 to 65536",
            "TERN_MAX_URL_LENGTH         | big                        | a whole number from 64 to 65536",
            "TERN_REDIRECT_STATUS        | 200                        | 301, 302, 307 or 308",
            "TERN_REDIRECT_STATUS        | 303                        | 301, 302, 307 or 308",
            "TERN_REDIRECT_STATUS        | permanent                  | 301, 302, 307 or 308",
            "TERN_REDIRECT_CACHE_SECONDS | -1                         | a whole number from 0 to 31536000",
            "TERN_REDIRECT_CACHE_SECONDS | 5m                         | a whole number from 0 to 31536000",
            "TERN_REDIRECT_CACHE_SECONDS | 99999999999                | a whole number from 0 to 31536000",
            "TERN_FORWARD_QUERY          | Maybe                      | true or false",
            "TERN_UNKNOWN_CODE           | home                       | not-found, redirect-home",
    })
    void fromEnv_badValue_failsNamingTheVariableAndTheValue(String variable, String value, String expected) {
        assertThatThrownBy(() -> TernSettings.fromEnv(Map.of(variable, value)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(variable + "='")
                .hasMessageContaining(expected);
    }

    @Test
    void fromEnv_badCodeLength_messageIsExactlyAsDocumented() {
        assertThatThrownBy(() -> TernSettings.fromEnv(Map.of("TERN_CODE_LENGTH", "abc")))
                .hasMessage("TERN_CODE_LENGTH='abc' is not usable: a whole number from 4 to 32");
    }

    @Test
    void fromEnv_badBoolean_showsTheValueAsGiven() {
        assertThatThrownBy(() -> TernSettings.fromEnv(Map.of("TERN_FORWARD_QUERY", "Maybe")))
                .hasMessage("TERN_FORWARD_QUERY='Maybe' is not usable: true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "1", "on"})
    void forwardQuery_trueWords(String value) {
        assertThat(TernSettings.fromEnv(Map.of("TERN_FORWARD_QUERY", value)).redirectPolicy().forwardQuery()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "0", "off"})
    void forwardQuery_falseWords(String value) {
        assertThat(TernSettings.fromEnv(Map.of("TERN_FORWARD_QUERY", value)).redirectPolicy().forwardQuery()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"301", "302", "307", "308"})
    void redirectStatus_everyRedirectStatus_isAccepted(String status) {
        assertThat(TernSettings.fromEnv(Map.of("TERN_REDIRECT_STATUS", status)).redirectPolicy().status())
                .isEqualTo(Integer.parseInt(status));
    }

    @Test
    void redirectCacheSeconds_uptoAYear() {
        assertThat(TernSettings.fromEnv(Map.of("TERN_REDIRECT_CACHE_SECONDS", "31536000")).redirectPolicy().cacheControl())
                .isEqualTo("public, max-age=31536000");
    }

    @Test
    void everySetting_hasATernVariableAndADescription() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.variable()).startsWith("TERN_");
            assertThat(setting.description()).isNotBlank();
            assertThat(setting.defaultValue()).isNotNull();
        }
        assertThat(Set.of(Setting.values())).extracting(Setting::variable).doesNotHaveDuplicates();
    }
}
