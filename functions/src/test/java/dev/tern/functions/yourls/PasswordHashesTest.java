package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every form of stored password a YOURLS config.php may hold. The bcrypt answers were computed with
 * libxcrypt's crypt(3), which is Openwall's crypt_blowfish — the code PHP's password_hash() uses; the
 * phpass portable answers are phpass's own test vectors (as passlib's tests list them).
 */
class PasswordHashesTest {

    @Test
    void matches_referenceAdminPassword_againstTheReferenceHash() {
        String stored = YourlsFixture.referenceSite().users().get("admin");

        assertThat(stored).startsWith("phpass:!2y!10!");
        assertThat(PasswordHashes.matches(stored, "RefAdmin-Pass-2024")).isTrue();
        assertThat(PasswordHashes.matches(stored, "RefAdmin-Pass-2025")).isFalse();
        assertThat(PasswordHashes.matches(stored, "")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$2y$04$abcdefghijklmnopqrstuuADQr5iunmmIBWMDe267svYbi1kvC5.m|RefAdmin-Pass-2024",
        "$2b$04$abcdefghijklmnopqrstuujydOTSfIH/d5oUHpsygqV5X9xJLQc6e|correct horse",
        "$2a$04$abcdefghijklmnopqrstuujydOTSfIH/d5oUHpsygqV5X9xJLQc6e|correct horse",
        "$2y$05$abcdefghijklmnopqrstuuZVEMa1pjhlynBQ1qXmSvGBJpN9h1w8G|pässwörd",
        "phpass:!2y!05!abcdefghijklmnopqrstuuZVEMa1pjhlynBQ1qXmSvGBJpN9h1w8G|pässwörd",
        "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0|test12345",
        "phpass:!P!9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0|test12345",
        "$H$9aaaaaSXBjgypwqm.JsMssPLiS8YQ00|test1",
        "$P$912345678LIjjb6PhecupozNBmDndU0|thisisalongertestPW",
        "$P$612345678si5M0DDyPpmRCmcltU/YW/|JohnRipper",
        "md5:12345:5c24f45fbcaec2177cd4012b050aca85|pässwörd",
        "plain-Text-p4ss|plain-Text-p4ss",
    })
    void matches_eachStoredForm_acceptsItsPasswordOnly(String stored, String password) {
        assertThat(PasswordHashes.matches(stored, password)).isTrue();
        assertThat(PasswordHashes.matches(stored, password + "x")).isFalse();
        assertThat(PasswordHashes.matches(stored, password.substring(1))).isFalse();
    }

    @Test
    void bcrypt_usesTheFirst72BytesLikePhp() {
        // crypt_blowfish gives the same hash for 72 and 80 bytes, another one for 71.
        String hash = "$2y$04$abcdefghijklmnopqrstuubzadhGtS2zEF.gu0yd0opP6cVzb.e0i";

        assertThat(PasswordHashes.matches(hash, "x".repeat(72))).isTrue();
        assertThat(PasswordHashes.matches(hash, "x".repeat(80))).isTrue();
        assertThat(PasswordHashes.matches(hash, "x".repeat(71))).isFalse();
        assertThat(PasswordHashes.matches("$2y$04$abcdefghijklmnopqrstuu.gc7UY/21CSNJGJg21jJzx9QiOpJ9bO", "x".repeat(71))).isTrue();
    }

    @Test
    void portableHash_refusesPasswordsOver4096BytesLikePhpass() {
        String setting = "$P$9IQRaTwmf";
        String longPassword = "p".repeat(4097);

        assertThat(PasswordHashes.matches(PasswordHashes.portableHash(longPassword, setting), longPassword)).isFalse();
        assertThat(PasswordHashes.matches(PasswordHashes.portableHash(longPassword.substring(1), setting), longPassword.substring(1))).isTrue();
    }

    @Test
    void md5WithTheWrongLength_isAPlainPasswordAsInYourls() {
        // yourls_has_md5_password() wants exactly 42 bytes; anything else is compared as it is.
        assertThat(PasswordHashes.matches("md5:short", "md5:short")).isTrue();
        assertThat(PasswordHashes.matches("md5:short", "short")).isFalse();
    }

    @Test
    void plainPassword_isComparedExactly() {
        assertThat(PasswordHashes.matches("Secret", "secret")).isFalse();
        assertThat(PasswordHashes.matches("Secret", "Secret ")).isFalse();
        assertThat(PasswordHashes.matches("", "")).isTrue();
    }

    @Test
    void malformedHashes_matchNothing() {
        assertThat(PasswordHashes.matches("phpass:!2y!10!tooShort", "tooShort")).isFalse();
        assertThat(PasswordHashes.matches("phpass:", "")).isFalse();
        assertThat(PasswordHashes.matches("phpass:!argon2id!v=19!m=65536,t=4,p=1!c2FsdA!aGFzaA", "x")).isFalse();
        assertThat(PasswordHashes.matches("$2y$99$abcdefghijklmnopqrstuuADQr5iunmmIBWMDe267svYbi1kvC5.m", "RefAdmin-Pass-2024")).isFalse();
        assertThat(PasswordHashes.matches(null, "x")).isFalse();
    }

    @Test
    void unknownUserCheck_neverMatches() {
        assertThat(PasswordHashes.matchesNothing("not a real password: equalises the time of an unknown user")).isFalse();
    }

    @Test
    void portableHash_withAnOutOfRangeCount_isPhpassFailureMarker() {
        assertThat(PasswordHashes.portableHash("x", "$P$.12345678")).isEqualTo("*0");
    }
}
