package dev.tern.web;

import dev.tern.core.LazySecureRandom;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CSRF protection without server sessions (a signed double-submit token).
 *
 * <p>The browser holds a random <em>cookie nonce</em> ({@code SameSite=Strict; HttpOnly}); each
 * rendered form carries a token {@code v1.<form nonce>.<expiry epoch seconds>.<HMAC>} whose HMAC
 * (under {@code TERN_SECRET}) covers the cookie nonce, the form nonce and the expiry. A post is
 * accepted only with a token that verifies, has not expired and was made for the cookie that came
 * with it: another site can neither read the token nor make the browser send the cookie.
 *
 * <p>The form nonce is fresh for every rendered form and becomes the create's Idempotency-Key, so
 * the same form submitted twice creates one link, while two forms (two tabs) create two.
 */
final class FormTokens {
    static final Duration LIFETIME = Duration.ofHours(4);
    private static final String PURPOSE = "tern-form-token-v1";
    private static final int NONCE_BYTES = 16;
    /** 16 random bytes, base64url without padding. */
    private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    private static final Pattern EPOCH = Pattern.compile("^[0-9]{1,12}$");
    private static final Pattern MAC = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final SiteKeys keys;
    private final LazySecureRandom random = new LazySecureRandom();

    FormTokens(SiteKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Why a token was accepted or refused. */
    enum Verdict {
        VALID,
        /** No token in the form, or no cookie (cookies blocked, or a cross-site post that dropped it). */
        MISSING,
        /** A genuine token that is too old. */
        EXPIRED,
        /** Altered, made with another secret, or made for another cookie. */
        INVALID
    }

    /** A verified (or refused) token and, when valid, its form nonce. */
    record Check(Verdict verdict, String formNonce) {
        boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    /** A new cookie nonce. */
    String newCookieNonce() {
        return newNonce();
    }

    /** Whether {@code value} has the shape of a cookie nonce (a cookie the browser may have kept). */
    static boolean isCookieNonce(String value) {
        return value != null && NONCE.matcher(value).matches();
    }

    /** A token for one form, bound to {@code cookieNonce}, valid until {@code now + LIFETIME}. */
    String issue(String cookieNonce, Instant now) {
        return issue(cookieNonce, newNonce(), now);
    }

    /**
     * A new token for a form nonce already in use: the form answered "busy" and its resubmission must
     * keep the Idempotency-Key, in case the link was created after all.
     */
    String issue(String cookieNonce, String formNonce, Instant now) {
        long expires = now.plus(LIFETIME).getEpochSecond();
        return "v1." + formNonce + "." + expires + "." + sign(cookieNonce, formNonce, expires);
    }

    /** Checks a posted token against the cookie that came with it. */
    Check verify(String token, String cookieNonce, Instant now) {
        if (token == null || token.isBlank() || cookieNonce == null || cookieNonce.isBlank()) {
            return new Check(Verdict.MISSING, null);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("v1") || !NONCE.matcher(parts[1]).matches()
                || !EPOCH.matcher(parts[2]).matches() || !MAC.matcher(parts[3]).matches() || !isCookieNonce(cookieNonce)) {
            return new Check(Verdict.INVALID, null);
        }
        long expires = Long.parseLong(parts[2]);
        byte[] expected = sign(cookieNonce, parts[1], expires).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = parts[3].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Check(Verdict.INVALID, null);
        }
        if (now.getEpochSecond() >= expires) {
            return new Check(Verdict.EXPIRED, null);
        }
        return new Check(Verdict.VALID, parts[1]);
    }

    private String sign(String cookieNonce, String formNonce, long expires) {
        byte[] mac = keys.mac(PURPOSE, cookieNonce + "\n" + formNonce + "\n" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
