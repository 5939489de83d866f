package dev.tern.core.click;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.ShortCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickTest {
    private static final ShortCode CODE = new ShortCode("abc");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void of_keepsOnlyWhatIsCounted() {
        Click click = Click.of(CODE, AT, "https://News.Example.com/story?id=1", "DE",
                "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0");

        assertThat(click).isEqualTo(new Click(CODE, AT, "news.example.com", "DE", VisitorClass.BROWSER));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void referrer_missing_isDirect(String referer) {
        assertThat(Click.referrerHostOf(referer)).isEqualTo(Click.DIRECT).isEqualTo("direct");
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.Example.COM/page, www.example.com",
            "http://example.com, example.com",
            "https://example.com:8443/x?y=1#z, example.com",
            "https://user@example.com/, example.com",
            "android-app://com.Slack/, com.slack",
            "'  https://example.com/  ', example.com",
            "http://192.0.2.1/x, 192.0.2.1",
            "'http://[2001:DB8::1]/', '[2001:db8::1]'",
    })
    void referrer_url_givesItsLowerCaseHost(String referer, String host) {
        assertThat(Click.referrerHostOf(referer)).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "example.com", "/relative/path", "https://", "::::", "https://exa mple.com/",
            "<script>alert(1)</script>", "https://%zz/", "mailto:someone@example.com", "javascript:alert(1)"})
    void referrer_garbage_isUnknown(String referer) {
        assertThat(Click.referrerHostOf(referer)).isEqualTo("unknown");
    }

    @Test
    void referrer_overlongHost_isUnknown() {
        String host = ("a".repeat(60) + ".").repeat(5) + "com"; // 308 characters
        assertThat(Click.referrerHostOf("https://" + host + "/")).isEqualTo("unknown");
    }

    @ParameterizedTest
    @CsvSource({"US, US", "DE, DE", "' GB ', GB", "XX, XX"})
    void country_twoUpperCaseLetters_isKept(String header, String country) {
        assertThat(Click.countryOf(header)).isEqualTo(country);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"us", "Us", "USA", "U", "U1", "12", "ÄB", "US,DE", "U S", "<script>"})
    void country_anythingElse_isEmpty(String header) {
        assertThat(Click.countryOf(header)).isEmpty();
    }

    @Test
    void of_withoutAnyHeaders_isDirectWithoutCountryAndOther() {
        assertThat(Click.of(CODE, AT, null, null, null)).isEqualTo(new Click(CODE, AT, "direct", "", VisitorClass.OTHER));
    }
}
