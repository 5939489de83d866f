package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidUrlException;
import dev.tern.core.error.TernException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LongUrlTest {
    private static final UrlPolicy POLICY = UrlPolicy.defaults(Set.of("own.example", "go.own.example"));
    private static final UrlPolicy HTTP_ONLY = new UrlPolicy(Set.of(), UrlPolicy.DEFAULT_MAX_LENGTH, Set.of());

    private static LongUrl parse(String raw) {
        return LongUrl.parse(raw, POLICY);
    }

    private static void assertRefused(String raw, ErrorCode code, String... messageParts) {
        assertThatThrownBy(() -> parse(raw))
                .as("parse(%s)", raw)
                .isInstanceOfSatisfying(TernException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    for (String part : messageParts) {
                        assertThat(e.detail()).contains(part);
                    }
                });
    }

    @Nested
    class Normalisation {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "https://example.com/x                | https://example.com/x",
                "HTTPS://Example.COM/Path/To?Q=A#Frag | https://example.com/Path/To?Q=A#Frag",
                "Http://EXAMPLE.com                   | http://example.com",
                "https://example.com:443/             | https://example.com:443/",
                "https://example.com:65535/           | https://example.com:65535/",
                "https://user:pw@Example.com/         | https://user:pw@example.com/",
                "http://192.0.2.1/x                   | http://192.0.2.1/x",
                "HTTP://[2001:DB8::1]:8080/A          | http://[2001:db8::1]:8080/A",
                "https://xn--bcher-kva.example/       | https://xn--bcher-kva.example/",
                "https://example.com./x               | https://example.com./x",
        })
        void parse_httpUrl_lowerCasesSchemeAndHostAndKeepsTheRest(String raw, String expected) {
            LongUrl url = parse(raw);
            assertThat(url.value()).isEqualTo(expected);
            assertThat(url.location()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "example.com/x            | http://example.com/x",
                "Example.COM/Path         | http://example.com/Path",
                "sub.example.co.uk        | http://sub.example.co.uk",
                "www.example.com          | http://www.example.com",
                "example.com:8080/x       | http://example.com:8080/x",
                "example.com?q=1          | http://example.com?q=1",
                "192.0.2.1/x              | http://192.0.2.1/x",
                "192.0.2.1:8080           | http://192.0.2.1:8080",
                "[2001:db8::1]:8080/      | http://[2001:db8::1]:8080/",
                "bücher.example/straße    | http://bücher.example/straße",
                "example.рф/              | http://example.рф/",
        })
        void parse_withoutSchemeButLooksLikeAHost_getsHttp(String raw, String expectedValue) {
            LongUrl url = parse(raw);
            assertThat(url.value()).isEqualTo(expectedValue);
            assertThat(url.scheme()).isEqualTo("http");
        }

        @Test
        void parse_unicodeHostAndPath_keepsUnicodeInValue_andLocationIsPunycodeAndPercentEncoded() {
            LongUrl url = parse("http://bücher.example/straße");
            assertThat(url.value()).isEqualTo("http://bücher.example/straße");
            assertThat(url.location()).isEqualTo("http://xn--bcher-kva.example/stra%C3%9Fe");
            assertThat(url.host()).isEqualTo("bücher.example");
        }

        @Test
        void parse_upperCaseUnicodeHost_isLowerCased() {
            LongUrl url = parse("https://BÜCHER.Example/Straße");
            assertThat(url.value()).isEqualTo("https://bücher.example/Straße");
            assertThat(url.location()).isEqualTo("https://xn--bcher-kva.example/Stra%C3%9Fe");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "https://example.com/a b               | https://example.com/a%20b",
                "https://example.com/\"q\"<x>          | https://example.com/%22q%22%3Cx%3E",
                "https://example.com/{a}b^c`d\\e       | https://example.com/%7Ba%7Db%5Ec%60d%5Ce",
                "https://example.com/a[1]?b[]=2        | https://example.com/a%5B1%5D?b%5B%5D=2",
                "https://example.com/é?q=ü#ß           | https://example.com/%C3%A9?q=%C3%BC#%C3%9F",
                "https://example.com/😀                | https://example.com/%F0%9F%98%80",
                "https://example.com/👨‍👩‍👧           | https://example.com/%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7",
                "https://example.com/%7Euser/%2F%e2%82 | https://example.com/%7Euser/%2F%e2%82",
                "https://example.com/100%              | https://example.com/100%25",
                "https://example.com/%zz%4             | https://example.com/%25zz%254",
                "https://example.com/a#b#c             | https://example.com/a#b%23c",
                "https://us er@example.com/            | https://us%20er@example.com/",
                "https://a@b@example.com/              | https://a%40b@example.com/",
                "https://example.com/a\u00A0b          | https://example.com/a%C2%A0b",
        })
        void location_encodesWhatCannotAppearInAUri_andKeepsExistingEscapes(String raw, String location) {
            LongUrl url = parse(raw);
            assertThat(url.location()).isEqualTo(location);
            assertThat(url.value()).isEqualTo(raw);
        }

        @Test
        void location_encodesAVerticalBar() {
            assertThat(parse("https://example.com/a|b").location()).isEqualTo("https://example.com/a%7Cb");
        }

        @Test
        void parse_surroundingWhitespace_isTrimmed() {
            assertThat(parse("  https://example.com/x \n").value()).isEqualTo("https://example.com/x");
            assertThat(parse("\thttps://example.com/x").value()).isEqualTo("https://example.com/x");
        }

        @Test
        void equality_followsTheNormalisedValue() {
            assertThat(parse("HTTPS://EXAMPLE.COM/a")).isEqualTo(parse("https://example.com/a"))
                    .hasSameHashCodeAs(parse("https://example.com/a"));
            assertThat(parse("https://example.com/A")).isNotEqualTo(parse("https://example.com/a"));
            assertThat(parse("https://example.com/a")).hasToString("https://example.com/a");
        }

        @Test
        void host_isNullForSchemesWithoutOne() {
            assertThat(parse("mailto:someone@example.com").host()).isNull();
            assertThat(parse("https://Example.com/").host()).isEqualTo("example.com");
        }
    }

    @Nested
    class Schemes {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "mailto:someone@example.com              | mailto:someone@example.com",
                "MAILTO:Someone@Example.com              | mailto:Someone@Example.com",
                "tel:+1-555-0100                         | tel:+1-555-0100",
                "tel:5550100                             | tel:5550100",
                "magnet:?xt=urn:btih:c12fe1&dn=x         | magnet:?xt=urn:btih:c12fe1&dn=x",
                "ssh://git@example.com/repo.git          | ssh://git@example.com/repo.git",
                "ftp://ftp.example.com/pub/file.txt      | ftp://ftp.example.com/pub/file.txt",
                "sftp://Files.Example.com:2222/x         | sftp://files.example.com:2222/x",
                "spotify:track:4uLU6hMCjMI75M1A2tKUQC    | spotify:track:4uLU6hMCjMI75M1A2tKUQC",
                "bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT | bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        })
        void parse_allowedExtraScheme_isAccepted(String raw, String expected) {
            assertThat(parse(raw).value()).isEqualTo(expected);
        }

        @Test
        void parse_extraScheme_isRefusedWhenNotConfigured() {
            assertThatThrownBy(() -> LongUrl.parse("ftp://ftp.example.com/x", HTTP_ONLY))
                    .isInstanceOf(InvalidUrlException.class)
                    .hasMessageContaining("\"ftp:\"");
            assertThat(LongUrl.parse("https://example.com/", HTTP_ONLY).scheme()).isEqualTo("https");
        }

        @Test
        void parse_configuredScheme_isAccepted() {
            UrlPolicy withNotes = new UrlPolicy(Set.of("Obsidian"), UrlPolicy.DEFAULT_MAX_LENGTH, Set.of());
            assertThat(LongUrl.parse("obsidian://open?vault=x", withNotes).scheme()).isEqualTo("obsidian");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "  javascript:alert(1)",
                "\tjavascript:alert(1)", "\n javascript:alert(1)", "javascript://example.com/%0Aalert(1)", "javascript:8080",
                "javascript:1/x", "data:text/html,<script>alert(1)</script>", "DATA:text/plain;base64,SGVsbG8=",
                "vbscript:msgbox(1)", "file:///etc/passwd", "FILE://server/share", "about:blank", "blob:https://example.com/x",
                "view-source:https://example.com/", "jar:file:x.jar!/", "chrome://settings"})
        void parse_dangerousScheme_isAlwaysRefused(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL);
            assertThatThrownBy(() -> LongUrl.parse(raw, new UrlPolicy(Set.of("ftp"), 8192, Set.of())))
                    .isInstanceOf(InvalidUrlException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript", "JavaScript", "data", "vbscript", "file", "FILE", "about", "javascript:"})
        void urlPolicy_allowingADangerousScheme_cannotBeBuilt(String scheme) {
            assertThatThrownBy(() -> new UrlPolicy(Set.of("ftp", scheme), 8192, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("can never be allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ft p", "1ftp", "", "ftp/x", "ftp://"})
        void urlPolicy_malformedSchemeName_cannotBeBuilt(String scheme) {
            assertThatThrownBy(() -> new UrlPolicy(Set.of(scheme), 8192, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo:bar", "itms-services://?action=download", "intent://scan/#Intent;end",
                "steam2://run/1", "x-unknown:thing", "git+ssh://example.com/x"})
        void parse_unknownScheme_isRefusedNamingIt(String raw) {
            String scheme = raw.substring(0, raw.indexOf(':'));
            assertRefused(raw, ErrorCode.INVALID_URL, "\"" + scheme + ":\"");
        }

        @Test
        void urlPolicy_defaults() {
            UrlPolicy policy = UrlPolicy.defaults(Set.of("Own.Example"));
            assertThat(policy.maxLength()).isEqualTo(8 * 1024);
            assertThat(policy.ownHosts()).containsExactly("own.example");
            assertThat(policy.extraSchemes()).isEqualTo(UrlPolicy.DEFAULT_EXTRA_SCHEMES)
                    .contains("ftp", "mailto", "tel", "magnet", "ssh")
                    .doesNotContainAnyElementsOf(UrlPolicy.ALWAYS_REFUSED_SCHEMES);
            assertThat(policy.allowsScheme("http")).isTrue();
            assertThat(policy.allowsScheme("https")).isTrue();
            assertThat(policy.allowsScheme("javascript")).isFalse();
        }

        @Test
        void urlPolicy_tooSmallLimit_cannotBeBuilt() {
            assertThatThrownBy(() -> new UrlPolicy(Set.of(), 63, Set.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t\n"})
        void parse_missingUrl_isRefusedAsRequired(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL, "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://", "https://", "http:///x", "https:", "http:", "https:example.com", "http:/example.com",
                "//example.com/x", "http://:8080/", "http://@/", "http://user@/x"})
        void parse_urlWithoutHost_isRefused(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"hello", "localhost", "localhost/x", "localhost:3000", "localhost:3000/x", "intranet:80",
                "example", "example.c", "example.123", "hello world", "1234"})
        void parse_bareWord_isRefusedAsNotAWebAddress(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL);
        }

        @Test
        void parse_bareWord_saysWhatToEnterInstead() {
            assertRefused("hello", ErrorCode.INVALID_URL, "not a web address", "https://");
        }

        @ParameterizedTest
        @ValueSource(strings = {"someone@example.com", "first.last@sub.example.co.uk", "me@localhost", "a:b@example.com"})
        void parse_emailLikeInput_isRefused(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL);
        }

        @Test
        void parse_emailLikeInput_suggestsMailto() {
            assertRefused("someone@example.com", ErrorCode.INVALID_URL, "e-mail", "mailto:someone@example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://example.com:0/", "http://example.com:65536/", "http://example.com:99999/",
                "http://example.com:123456/", "http://example.com:-1/", "http://example.com:80a/", "http://example.com:8 0/",
                "example.com:0/x", "http://[::1]:0/", "http://[::1]:65536/"})
        void parse_badPort_isRefused(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL);
        }

        @Test
        void parse_badPort_namesIt() {
            assertRefused("http://example.com:70000/", ErrorCode.INVALID_URL, "\"70000\"", "port");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://exa mple.com/", "http://-example.com/", "http://example-.com/", "http://example..com/",
                "http://.example.com/", "http://ex<ample.com/", "http://ex%41mple.com/", "http://exa\"mple.com/",
                "http://example.com\\x/", "http://999.1.1.1/", "http://1234/", "http://1.2.3/", "http://[::::]/",
                "http://[2001:db8::1/", "http://[1.2.3.4]/", "http://[::1]x/", "http://[]/", "http://[v1.x]/", "http://😀.example/",
                "http://straße.de/", "http://ς.example/"})
        void parse_badHost_isRefused(String raw) {
            assertRefused(raw, ErrorCode.INVALID_URL);
        }

        @Test
        void parse_hostWithAmbiguousCharacter_asksForPunycode() {
            // java.net.IDN (IDNA 2003) turns straße.de into strasse.de, browsers into xn--strae-oqa.de.
            assertRefused("https://straße.de/", ErrorCode.INVALID_URL, "xn--");
            assertThat(parse("https://xn--strae-oqa.de/").location()).isEqualTo("https://xn--strae-oqa.de/");
        }

        @Test
        void parse_tooLongHostLabel_isRefused() {
            assertRefused("http://" + "a".repeat(64) + ".example/", ErrorCode.INVALID_URL);
            assertThat(parse("http://" + "a".repeat(63) + ".example/").host()).startsWith("aaa");
        }

        @Test
        void parse_hugeHost_isRefusedCleanly() {
            assertRefused("http://" + "a.".repeat(60_000) + "com/", ErrorCode.INVALID_URL, "too long");
            assertRefused("http://" + "a".repeat(200_000) + ".com/", ErrorCode.INVALID_URL, "too long");
            assertRefused("http://[" + "1:".repeat(50_000) + "]/", ErrorCode.INVALID_URL);
        }

        static Stream<Arguments> controlCharacters() {
            return Stream.of(
                    Arguments.of("https://example.com/a\tb", "U+0009 at position 22"),
                    Arguments.of("https://example.com/a\nb", "U+000A at position 22"),
                    Arguments.of("https://example.com/a\rb", "U+000D at position 22"),
                    Arguments.of("https://example.com/\u0000x", "U+0000 at position 21"),
                    Arguments.of("https://exa\u007Fmple.com/", "U+007F at position 12"),
                    Arguments.of("https://example.com/\u0085", "U+0085 at position 21"),
                    Arguments.of("https://example.com/?q=\u009B", "U+009B at position 24"),
                    Arguments.of("https://example.com/\u2028x", "U+2028 at position 21"),
                    Arguments.of("java\tscript:alert(1)", "U+0009 at position 5"),
                    Arguments.of("https://example.com/😀\u0001x", "U+0001 at position 22"));
        }

        @ParameterizedTest
        @MethodSource("controlCharacters")
        void parse_controlCharacter_isRefusedWithItsPosition(String raw, String expected) {
            assertRefused(raw, ErrorCode.INVALID_URL, "control character", expected);
        }

        @Test
        void parse_controlCharacter_positionCountsLeadingWhitespace() {
            assertRefused("  https://example.com/a\u0007", ErrorCode.INVALID_URL, "U+0007 at position 24");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "https://example.com/\uD83D     | U+D83D at position 21",
                "https://example.com/\uDE00x    | U+DE00 at position 21",
                "https://example.com/a\uDE00\uD83D | U+DE00 at position 22",
        })
        void parse_loneSurrogate_isRefusedWithItsPosition(String raw, String expected) {
            assertRefused(raw, ErrorCode.INVALID_URL, expected);
        }
    }

    @Nested
    class Length {

        @Test
        void parse_atTheDefaultLimit_isAccepted_andOneMoreIsRefused() {
            String prefix = "https://example.com/";
            String atLimit = prefix + "a".repeat(8192 - prefix.length());
            assertThat(parse(atLimit).location()).hasSize(8192);
            assertRefused(atLimit + "a", ErrorCode.INVALID_URL, "too long", "8193", "8192");
        }

        @Test
        void parse_limitIsMeasuredOnTheAsciiForm() {
            String unicode = "https://example.com/" + "é".repeat(1000); // 1,020 chars, 6,020 bytes encoded
            assertThat(parse(unicode).location()).hasSize(20 + 1000 * 6);
            String tooMany = "https://example.com/" + "é".repeat(1400); // 1,420 chars, 8,420 bytes encoded
            assertThat(tooMany).hasSizeLessThan(8192);
            assertRefused(tooMany, ErrorCode.INVALID_URL, "too long");
        }

        @Test
        void parse_limitIsConfigurable() {
            UrlPolicy small = new UrlPolicy(Set.of(), 100, Set.of());
            String prefix = "https://example.com/";
            assertThat(LongUrl.parse(prefix + "a".repeat(80), small).location()).hasSize(100);
            assertThatThrownBy(() -> LongUrl.parse(prefix + "a".repeat(81), small))
                    .isInstanceOf(InvalidUrlException.class)
                    .hasMessageContaining("limit is 100");
        }

        @Test
        void parse_enormousInput_isRefusedWithoutWork() {
            assertRefused("https://example.com/" + "a".repeat(300_000), ErrorCode.INVALID_URL, "too long");
        }
    }

    @Nested
    class RedirectLoops {

        @ParameterizedTest
        @ValueSource(strings = {"https://own.example/abc", "https://own.example/abc/", "https://own.example/abc?x=1",
                "https://own.example/abc/?x=1", "https://own.example/abc#top", "http://own.example/abc", "http://OWN.Example/Abc",
                "https://own.example./abc", "https://own.example:443/abc", "https://someone@own.example/abc", "own.example/abc",
                "https://go.own.example/x-y_z", "https://ｏｗｎ.example/abc"})
        void parse_linkToOwnShortLink_isRefusedAsLoop(String raw) {
            assertRefused(raw, ErrorCode.REDIRECT_LOOP, "short link");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://own.example", "https://own.example/", "https://own.example/?x=1",
                "https://own.example/abc+", "https://own.example/abc+/", "https://own.example/api/v1/links", "https://own.example/a/b",
                "https://own.example/abc//", "https://own.example/%61bc", "https://own.example/status", "https://own.example/api",
                "https://own.example/favicon.ico", "https://other.example/abc", "https://own.example.evil.example/abc",
                "https://not-own.example/abc", "mailto:abc@own.example"})
        void parse_ownHostPathThatCannotBeAShortLink_isAccepted(String raw) {
            assertThatCode(() -> parse(raw)).doesNotThrowAnyException();
        }

        @Test
        void parse_ownHostInEitherIdnForm_isRefusedAsLoop() {
            UrlPolicy unicodeOwn = UrlPolicy.defaults(Set.of("bücher.example"));
            UrlPolicy asciiOwn = UrlPolicy.defaults(Set.of("xn--bcher-kva.example"));
            for (UrlPolicy policy : new UrlPolicy[] {unicodeOwn, asciiOwn}) {
                for (String raw : new String[] {"https://bücher.example/abc", "https://xn--bcher-kva.example/abc"}) {
                    assertThatThrownBy(() -> LongUrl.parse(raw, policy))
                            .as("%s with own hosts %s", raw, policy.ownHosts())
                            .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REDIRECT_LOOP));
                }
            }
        }
    }

    @Nested
    class Stored {

        @Test
        void fromStored_rebuildsBothForms() {
            LongUrl url = LongUrl.fromStored("http://bücher.example/straße");
            assertThat(url.value()).isEqualTo("http://bücher.example/straße");
            assertThat(url.location()).isEqualTo("http://xn--bcher-kva.example/stra%C3%9Fe");
            assertThat(url.scheme()).isEqualTo("http");
            assertThat(url.host()).isEqualTo("bücher.example");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "hello", "https://own.example/abc", "http://localhost:3000/",
                "https://example.com/" + "x"})
        void fromStored_doesNotJudge(String stored) {
            assertThat(LongUrl.fromStored(stored).value()).isEqualTo(stored);
        }

        @Test
        void fromStored_bareWord_hasNoScheme_andAnAsciiLocation() {
            LongUrl url = LongUrl.fromStored("héllo wörld");
            assertThat(url.scheme()).isEmpty();
            assertThat(url.host()).isNull();
            assertThat(url.location()).isEqualTo("h%C3%A9llo%20w%C3%B6rld");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTPS://Example.COM/A", "Http://WWW.example.org", "MAILTO:Someone@Example.com"})
        void fromStored_keepsTheStoredStringVerbatim_butLowerCasesTheLocationHost(String stored) {
            LongUrl url = LongUrl.fromStored(stored);
            assertThat(url.value()).isEqualTo(stored);
            assertThat(url.scheme()).isEqualTo(stored.substring(0, stored.indexOf(':')).toLowerCase(java.util.Locale.ROOT));
        }

        @Test
        void fromStored_upperCaseHost_locationIsLowerCase() {
            assertThat(LongUrl.fromStored("HTTPS://Example.COM/A").location()).isEqualTo("https://example.com/A");
        }

        @ParameterizedTest
        @ValueSource(strings = {"example.com/x?y=1", "www.example.org", "example.com:8080/path"})
        void fromStored_schemelessHost_keepsTheValue_andRedirectsAbsolutely(String stored) {
            LongUrl url = LongUrl.fromStored(stored);
            assertThat(url.value()).isEqualTo(stored);
            assertThat(url.location()).isEqualTo("http://" + stored);
            assertThat(url.scheme()).isEqualTo("http");
        }

        @Test
        void fromStored_telNumber_isATelLink_notAHostAndPort() {
            LongUrl url = LongUrl.fromStored("tel:5551234");
            assertThat(url.scheme()).isEqualTo("tel");
            assertThat(url.location()).isEqualTo("tel:5551234");
        }

        @Test
        void fromStored_loneSurrogate_isReplacedInTheLocation() {
            assertThat(LongUrl.fromStored("https://example.com/\uD800x").location()).isEqualTo("https://example.com/%EF%BF%BDx");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://example.com/a b?q=é#f", "http://bücher.example/straße", "mailto:a@example.com",
                "https://[2001:db8::1]:8080/x", "example.com/x", "HTTPS://Example.COM/A", "https://user:pw@example.com/"})
        void fromStored_ofAParsedValue_equalsTheParsedUrl(String raw) {
            LongUrl parsed = parse(raw);
            LongUrl stored = LongUrl.fromStored(parsed.value());
            assertThat(stored).isEqualTo(parsed);
            assertThat(stored.location()).isEqualTo(parsed.location());
            assertThat(stored.host()).isEqualTo(parsed.host());
            assertThat(stored.scheme()).isEqualTo(parsed.scheme());
        }
    }

    @Nested
    class QueryForwarding {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "https://example.com/a            | x=1 | https://example.com/a?x=1",
                "https://example.com/a?b=2        | x=1 | https://example.com/a?b=2&x=1",
                "https://example.com/a#frag       | x=1 | https://example.com/a?x=1#frag",
                "https://example.com/a?b=2#frag   | x=1 | https://example.com/a?b=2&x=1#frag",
                "https://example.com/a?           | x=1 | https://example.com/a?x=1",
                "https://example.com/a?b=2&       | x=1 | https://example.com/a?b=2&x=1",
                "https://example.com              | x=1 | https://example.com?x=1",
                "https://example.com/a?b=2        | x=1&y=2 | https://example.com/a?b=2&x=1&y=2",
        })
        void withQueryAppended_putsTheQueryBeforeAnyFragment(String target, String query, String expected) {
            assertThat(parse(target).withQueryAppended(query).value()).isEqualTo(expected);
        }

        @Test
        void withQueryAppended_encodesTheQueryInTheLocation() {
            LongUrl url = parse("https://bücher.example/a").withQueryAppended("q=é ü");
            assertThat(url.value()).isEqualTo("https://bücher.example/a?q=é ü");
            assertThat(url.location()).isEqualTo("https://xn--bcher-kva.example/a?q=%C3%A9%20%C3%BC");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void withQueryAppended_nothing_isTheSameUrl(String query) {
            LongUrl url = parse("https://example.com/a");
            assertThat(url.withQueryAppended(query)).isSameAs(url);
        }
    }
}
