package dev.tern.functions.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.yourls.YourlsAuthentication.Authenticated;
import dev.tern.functions.yourls.YourlsAuthentication.Method;
import dev.tern.functions.yourls.YourlsAuthentication.Rejected;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** YOURLS's three ways to authenticate an API call, and its two refusals. */
class YourlsAuthenticatorTest {
    private static final YourlsSite SITE = YourlsFixture.referenceSite();
    private static final String TOKEN = "5169c8066b";
    private static final long NOW = 1_795_412_181L;
    private static final String TS = Long.toString(NOW);

    private final YourlsAuthenticator authenticator =
            new YourlsAuthenticator(SITE, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private static YourlsParams params(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return YourlsParams.of(values);
    }

    private static String md5(String input) {
        return PasswordHashes.hex("MD5", input);
    }

    private void assertAuthenticated(YourlsParams params, Method method) {
        assertThat(authenticator.authenticate(params)).isEqualTo(new Authenticated("admin", method));
    }

    private void assertRejected(YourlsParams params, String message) {
        assertThat(authenticator.authenticate(params)).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.message()).isEqualTo(message));
    }

    @Test
    void signatureToken_derivesTheReferenceTokenFromTheCookieKey() {
        assertThat(YourlsAuthenticator.signatureToken(SITE.cookieKey(), "admin")).isEqualTo(TOKEN);
    }

    @Test
    void password_reference_isAuthenticated() {
        assertAuthenticated(params("username", "admin", "password", "RefAdmin-Pass-2024"), Method.PASSWORD);
    }

    @Test
    void password_wrong_isInvalidUsernameOrPassword() {
        assertRejected(params("username", "admin", "password", "wrong"), "Invalid username or password");
    }

    @Test
    void password_unknownUser_isInvalidUsernameOrPassword() {
        assertRejected(params("username", "nobody", "password", "RefAdmin-Pass-2024"), "Invalid username or password");
        assertRejected(params("username", "Admin", "password", "RefAdmin-Pass-2024"), "Invalid username or password");
    }

    @Test
    void password_emptyOrMissingHalf_isInvalidUsernameOrPassword() {
        assertRejected(params("username", "admin"), "Invalid username or password");
        assertRejected(params("password", "RefAdmin-Pass-2024"), "Invalid username or password");
        assertRejected(params("username", "", "password", ""), "Invalid username or password");
    }

    @Test
    void plainTextPassword_onASiteThatNeverEncryptedIt_isAuthenticated() {
        YourlsSite plain = new YourlsSite(Map.of("joe", "s3cret!"), "", false, 36, false, Set.of(), true);
        YourlsAuthenticator auth = new YourlsAuthenticator(plain, Clock.systemUTC());

        assertThat(auth.authenticate(params("username", "joe", "password", "s3cret!")))
                .isEqualTo(new Authenticated("joe", Method.PASSWORD));
        assertThat(auth.authenticate(params("username", "joe", "password", "s3cret"))).isInstanceOf(Rejected.class);
    }

    @Test
    void staticSignature_isAuthenticated() {
        assertAuthenticated(params("signature", TOKEN), Method.SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789", "5169C8066B", "5169c8066", "5169c8066b0"})
    void staticSignature_wrong_isPleaseLogIn(String signature) {
        assertRejected(params("signature", signature), "Please log in");
    }

    @Test
    void staticSignature_withAnEmptyTimestampPresent_isNotTried() {
        // YOURLS tries the static signature only when no timestamp is sent at all.
        assertRejected(params("timestamp", "", "signature", TOKEN), "Please log in");
    }

    @Test
    void signatures_onASiteWithoutCookieKey_areRefused() {
        YourlsSite noKey = new YourlsSite(SITE.users(), "", false, 36, false, Set.of(), true);
        YourlsAuthenticator auth = new YourlsAuthenticator(noKey, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

        assertThat(auth.authenticate(params("signature", TOKEN))).isInstanceOf(Rejected.class);
        assertThat(auth.authenticate(params("timestamp", TS, "signature", md5(TS + TOKEN)))).isInstanceOf(Rejected.class);
    }

    @Test
    void timedSignature_md5OfTimestampThenToken_isAuthenticated() {
        assertThat(md5(TS + TOKEN)).isEqualTo("c580fa18bdafa9f387fddd8b7423ebbd"); // fixture 192
        assertAuthenticated(params("timestamp", TS, "signature", md5(TS + TOKEN)), Method.TIMED_SIGNATURE);
    }

    @Test
    void timedSignature_md5OfTokenThenTimestamp_isAuthenticated() {
        assertThat(md5(TOKEN + TS)).isEqualTo("d9a8d54d1f45ca88f98c44d838e03f50"); // fixture 195
        assertAuthenticated(params("timestamp", TS, "signature", md5(TOKEN + TS)), Method.TIMED_SIGNATURE);
    }

    @ParameterizedTest
    @CsvSource({
        "sha256, aab0ea0b8653747ec709782fbbb64e312eeb12720e89042767e06b46bd11a8d4",
        "sha1, cec961b5bb2de312e9978ac949e89bb912e99692",
        "sha384, fcd00643cfc4ca736fc630110731e67dbc6a6c64c2c27f52c17b41b31bda81c347c4e9149e4901b8d46b1951a393ea68",
        "sha512, 85f25993576e13c403df0576017f31ac3c1ba47e4c0122cb590c4fbb61b7b74cc490379191ea92c5dab44765584395a08747886ca7bd6dc613e2d9c6c2d857f5",
        "sha512/256, 1d9ed876d6c7cd6947d5f4af14fd2ff386370c3c6b08e0ced3f7c7e65b31a83c",
        "sha3-256, 3068796349609272947a65502c30fcc4ec482bece9667a05fdbe3fb2e1c0623f",
        "crc32b, bebc6c11",
    })
    void timedSignature_otherAlgorithms_areAuthenticated(String algorithm, String signature) {
        // Known answers computed with Python's hashlib and zlib over timestamp . token.
        assertAuthenticated(params("timestamp", TS, "hash", algorithm, "signature", signature), Method.TIMED_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuchalgo", "SHA256", "sha-256", "", "ripemd160"})
    void timedSignature_algorithmNotAccepted_isPleaseLogIn(String algorithm) {
        // The md5 signature would be right; the named algorithm is what fails (fixture 136).
        assertRejected(params("timestamp", TS, "hash", algorithm, "signature", md5(TS + TOKEN)), "Please log in");
    }

    @Test
    void timedSignature_justInsideTheWindow_isAuthenticated() {
        for (long time : new long[] {NOW - 43_199, NOW + 43_199}) {
            String ts = Long.toString(time);
            assertAuthenticated(params("timestamp", ts, "signature", md5(ts + TOKEN)), Method.TIMED_SIGNATURE);
        }
    }

    @Test
    void timedSignature_expiredOrTooFarInTheFuture_isPleaseLogIn() {
        for (long time : new long[] {NOW - 43_200, NOW + 43_200, NOW - 43_266, 0}) {
            String ts = Long.toString(time);
            assertRejected(params("timestamp", ts, "signature", md5(ts + TOKEN)), "Please log in");
        }
    }

    @Test
    void timedSignature_hashesTheTimestampAsSent_andReadsItAsPhpDoes() {
        String ts = TS + "abc"; // (int) "1795412181abc" is 1795412181: fresh; the hash covers the whole string
        assertAuthenticated(params("timestamp", ts, "signature", md5(ts + TOKEN)), Method.TIMED_SIGNATURE);
        assertRejected(params("timestamp", ts, "signature", md5(TS + TOKEN)), "Please log in");
    }

    @Test
    void timedSignature_wrongSignature_isPleaseLogIn_evenWithAValidStaticToken() {
        assertRejected(params("timestamp", TS, "signature", TOKEN), "Please log in");
        assertRejected(params("timestamp", TS, "signature", md5(TS + "0123456789")), "Please log in");
    }

    @Test
    void timedSignature_winsOverAPasswordSentAlongside() {
        // Only the first method that applies is tried, as in YOURLS; the refusal then names the password.
        assertRejected(params("timestamp", TS, "signature", "bad", "username", "admin", "password", "RefAdmin-Pass-2024"),
                "Invalid username or password");
    }

    @Test
    void missingParts_arePleaseLogIn() {
        assertRejected(params(), "Please log in");
        assertRejected(params("timestamp", TS), "Please log in");
        assertRejected(params("signature", ""), "Please log in");
        assertRejected(params("signature", "0"), "Please log in");
    }

    @Test
    void rejection_carriesTheReplyWithTheCallbackParameterOnly() {
        Rejected rejected = (Rejected) authenticator.authenticate(params("jsonp", "j", "callback", "cb", "format", "json"));

        assertThat(rejected.reply().httpStatus()).isEqualTo(403);
        assertThat(YourlsFormats.render(rejected.reply(), params("format", "json", "callback", "cb", "jsonp", "j")).body())
                .isEqualTo("{\"message\":\"Please log in\",\"errorCode\":\"403\",\"callback\":\"cb\"}");
    }

    @Test
    void publicSite_authenticatesNobodyAndRefusesNobody() {
        YourlsSite open = new YourlsSite(SITE.users(), SITE.cookieKey(), false, 36, false, Set.of(), false);

        assertThat(new YourlsAuthenticator(open, Clock.systemUTC()).authenticate(params("username", "admin", "password", "wrong")))
                .isInstanceOf(YourlsAuthentication.Anonymous.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1795412181|1795412181", "  42|42", "42abc|42", "abc|0", "1e3|1000", "+7|7", "-7|-7",
        "99999999999999999999|9223372036854775807", "0x1A|0", "4.9|4", "''|0",
    })
    void phpInt_readsTheLeadingNumberLikePhp(String value, long expected) {
        assertThat(YourlsAuthenticator.phpInt(value)).isEqualTo(expected);
    }

    @Test
    void signatureHashes_listsWhatIsAccepted() {
        assertThat(SignatureHashes.names()).contains("md5", "sha256", "sha384", "sha512", "crc32b").doesNotContain("crc32");
    }
}
