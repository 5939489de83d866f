package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final FormTokens tokens = new FormTokens(new SiteKeys(new byte[32]));

    @Test
    void verify_ownToken_isValid_andCarriesItsFormNonce() {
        String cookie = tokens.newCookieNonce();
        String token = tokens.issue(cookie, NOW);

        FormTokens.Check check = tokens.verify(token, cookie, NOW);

        assertThat(check.verdict()).isEqualTo(FormTokens.Verdict.VALID);
        assertThat(check.formNonce()).isEqualTo(token.split("\\.")[1]).hasSize(22);
    }

    @Test
    void everyFormGetsItsOwnNonce_forOneCookie() {
        String cookie = tokens.newCookieNonce();

        assertThat(tokens.verify(tokens.issue(cookie, NOW), cookie, NOW).formNonce())
                .isNotEqualTo(tokens.verify(tokens.issue(cookie, NOW), cookie, NOW).formNonce());
    }

    @Test
    void verdicts() {
        String cookie = tokens.newCookieNonce();
        String token = tokens.issue(cookie, NOW);

        assertThat(tokens.verify(null, cookie, NOW).verdict()).isEqualTo(FormTokens.Verdict.MISSING);
        assertThat(tokens.verify(token, null, NOW).verdict()).isEqualTo(FormTokens.Verdict.MISSING);
        assertThat(tokens.verify(token, tokens.newCookieNonce(), NOW).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
        assertThat(tokens.verify(token, "not a nonce", NOW).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
        assertThat(tokens.verify(token, cookie, NOW.plus(FormTokens.LIFETIME)).verdict()).isEqualTo(FormTokens.Verdict.EXPIRED);
        assertThat(new FormTokens(new SiteKeys(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})).verify(token, cookie, NOW).verdict())
                .as("another secret").isEqualTo(FormTokens.Verdict.INVALID);
    }

    @Test
    void expiredButForged_isInvalidNotExpired() {
        String cookie = tokens.newCookieNonce();
        String[] parts = tokens.issue(cookie, NOW).split("\\.");
        String forged = parts[0] + "." + parts[1] + ".1." + parts[3];

        assertThat(tokens.verify(forged, cookie, NOW).verdict()).isEqualTo(FormTokens.Verdict.INVALID);
    }

    @Test
    void clientHash_isKeyedStableAndNeverTheAddress() {
        SiteKeys keys = new SiteKeys(new byte[32]);
        String hash = keys.clientHash("203.0.113.9");

        assertThat(hash).hasSize(SiteKeys.CLIENT_HASH_HEX).matches("[0-9a-f]+").isEqualTo(keys.clientHash(" 203.0.113.9 "))
                .isNotEqualTo(keys.clientHash("203.0.113.10")).doesNotContain("203");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new SiteKeys(other).clientHash("203.0.113.9")).isNotEqualTo(hash);
    }
}
