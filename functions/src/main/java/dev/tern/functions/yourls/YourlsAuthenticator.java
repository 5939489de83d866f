package dev.tern.functions.yourls;

import dev.tern.core.yourls.YourlsSite;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides who is calling {@code yourls-api.php}, exactly as YOURLS's {@code yourls_is_valid_user}
 * does for API calls, against the users of a {@link YourlsSite}:
 * <ol>
 *   <li>{@code timestamp} and {@code signature} both non-empty: a time-limited signature only —
 *       {@code signature} must be {@code hash(timestamp . token)} or {@code hash(token . timestamp)},
 *       {@code hash} md5 unless the {@code hash} parameter names another algorithm
 *       ({@link SignatureHashes}), and the timestamp within {@link #SIGNATURE_LIFETIME} of now, either way;</li>
 *   <li>else, no {@code timestamp} at all and a non-empty {@code signature}: the user's static token;</li>
 *   <li>else {@code username} and {@code password} both non-empty: the stored password ({@link PasswordHashes});</li>
 *   <li>else nothing: refused.</li>
 * </ol>
 * ("Empty" is PHP's: {@code ""} and {@code "0"}.) A user's token is the first 10 hex digits of
 * HMAC-SHA256(user name) keyed by the site's cookie key ({@code yourls_auth_signature}); a site without
 * a cookie key accepts no signature. A refusal says {@code Invalid username or password} when a
 * {@code username} or {@code password} was sent, even empty, and {@code Please log in} otherwise.
 * A site whose API is public ({@link YourlsSite#privateApi()} off) checks nothing, like YOURLS.
 *
 * <p>Unlike YOURLS, every comparison takes the same time whatever the values, and an unknown user
 * name costs the same bcrypt check as a known one.
 */
public final class YourlsAuthenticator {
    /** {@code YOURLS_NONCE_LIFE}: how far a signed timestamp may be from now, in the past or the future. */
    public static final Duration SIGNATURE_LIFETIME = Duration.ofSeconds(43_200);

    static final String INVALID_CREDENTIALS = "Invalid username or password";
    static final String PLEASE_LOG_IN = "Please log in";

    // PHP's (int) cast of a string: leading whitespace, then the longest numeric prefix.
    private static final Pattern PHP_NUMBER = Pattern.compile("^[ \\t\\n\\r\\x0B\\f]*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private final YourlsSite site;
    private final Clock clock;
    /** user → static token, by user name; empty when the site has no cookie key. */
    private final Map<String, String> tokens;

    public YourlsAuthenticator(YourlsSite site, Clock clock) {
        this.site = Objects.requireNonNull(site, "site");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, String> byUser = new TreeMap<>();
        if (!site.cookieKey().isEmpty()) {
            site.users().keySet().forEach(user -> byUser.put(user, signatureToken(site.cookieKey(), user)));
        }
        this.tokens = Collections.unmodifiableMap(byUser);
    }

    /**
     * The static signature token of {@code user} on a site with cookie key {@code cookieKey}, as
     * YOURLS shows it on its Tools page: the first 10 hex digits of HMAC-SHA256(user) keyed by it.
     */
    public static String signatureToken(String cookieKey, String user) {
        if (cookieKey.isEmpty()) {
            throw new IllegalArgumentException("without a cookie key there is no signature token");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cookieKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(user.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Who is calling, or the reply that refuses the call. */
    public YourlsAuthentication authenticate(YourlsParams params) {
        if (!site.privateApi()) {
            return new YourlsAuthentication.Anonymous();
        }
        Optional<YourlsAuthentication.Authenticated> user;
        if (params.isFilled("timestamp") && params.isFilled("signature")) {
            user = timedSignature(params).map(name -> authenticated(name, YourlsAuthentication.Method.TIMED_SIGNATURE));
        } else if (!params.has("timestamp") && params.isFilled("signature")) {
            user = staticSignature(params.getOrEmpty("signature"))
                    .map(name -> authenticated(name, YourlsAuthentication.Method.SIGNATURE));
        } else if (params.isFilled("username") && params.isFilled("password")) {
            user = password(params.getOrEmpty("username"), params.getOrEmpty("password"))
                    .map(name -> authenticated(name, YourlsAuthentication.Method.PASSWORD));
        } else {
            user = Optional.empty();
        }
        if (user.isPresent()) {
            return user.get();
        }
        String message = params.has("username") || params.has("password") ? INVALID_CREDENTIALS : PLEASE_LOG_IN;
        return new YourlsAuthentication.Rejected(message,
                YourlsReplies.authenticationFailed(message, params.getOrEmpty("callback")));
    }

    private static YourlsAuthentication.Authenticated authenticated(String user, YourlsAuthentication.Method method) {
        return new YourlsAuthentication.Authenticated(user, method);
    }

    private Optional<String> password(String user, String submitted) {
        String stored = site.users().get(user);
        if (stored == null) {
            PasswordHashes.matchesNothing(submitted);
            return Optional.empty();
        }
        return PasswordHashes.matches(stored, submitted) ? Optional.of(user) : Optional.empty();
    }

    private Optional<String> staticSignature(String signature) {
        return firstUserWhose(token -> PasswordHashes.equal(token, signature));
    }

    private Optional<String> timedSignature(YourlsParams params) {
        String timestamp = params.getOrEmpty("timestamp");
        String signature = params.getOrEmpty("signature");
        if (!isFresh(timestamp)) {
            return Optional.empty();
        }
        String algorithm = params.get("hash").orElse("md5");
        if (SignatureHashes.hex(algorithm, "").isEmpty()) {
            return Optional.empty(); // not one of the algorithms PHP's hash() knows (and we implement)
        }
        return firstUserWhose(token -> {
            boolean timestampFirst = PasswordHashes.equal(SignatureHashes.hex(algorithm, timestamp + token).orElseThrow(), signature);
            boolean tokenFirst = PasswordHashes.equal(SignatureHashes.hex(algorithm, token + timestamp).orElseThrow(), signature);
            return timestampFirst | tokenFirst;
        });
    }

    /** The first user (by name) whose token passes {@code check}; every token is checked, so the time does not tell which. */
    private Optional<String> firstUserWhose(Predicate<String> check) {
        String found = null;
        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            boolean matches = check.test(entry.getValue());
            if (matches && found == null) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code abs(now - (int) timestamp) < YOURLS_NONCE_LIFE}, PHP's integer cast included. */
    private boolean isFresh(String timestamp) {
        long now = clock.instant().getEpochSecond();
        long life = SIGNATURE_LIFETIME.toSeconds();
        long time = phpInt(timestamp);
        return time > now - life && time < now + life;
    }

    /** PHP's {@code (int)} of a string: its leading number (0 when there is none), saturating. */
    static long phpInt(String value) {
        Matcher number = PHP_NUMBER.matcher(value);
        if (!number.find()) {
            return 0;
        }
        String digits = number.group(1);
        if (digits.matches("[+-]?\\d+")) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        double parsed = Double.parseDouble(digits);
        return Double.isFinite(parsed) && Math.abs(parsed) < 9.2e18 ? (long) parsed : 0;
    }
}
