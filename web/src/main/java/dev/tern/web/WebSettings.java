package dev.tern.web;

import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.SettingsReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The web's own settings, read once per container.
 *
 * @param secret               the decoded {@code TERN_SECRET} (at least {@value #MIN_SECRET_BYTES} bytes):
 *                             signs the form tokens and keys the hashes of client addresses
 * @param anonymousCreate      whether the form may create links for anyone ({@code TERN_ANONYMOUS_CREATE})
 * @param anonymousCreateLimit how fast one client address may create links through the form
 *                             ({@code TERN_ANONYMOUS_CREATE_BURST} at once, then
 *                             {@code TERN_ANONYMOUS_CREATES_PER_HOUR} per hour)
 */
public record WebSettings(byte[] secret, boolean anonymousCreate, RateLimit anonymousCreateLimit) {
    public static final int MIN_SECRET_BYTES = 32;
    private static final String SECRET_EXPECTED =
            "a random secret of at least " + MIN_SECRET_BYTES + " bytes, base64-encoded (e.g. the output of: openssl rand -base64 32)";

    public WebSettings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(anonymousCreateLimit, "anonymousCreateLimit");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret must have at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        secret = secret.clone();
    }

    /**
     * Reads {@code TERN_SECRET}, {@code TERN_ANONYMOUS_CREATE}, {@code TERN_ANONYMOUS_CREATE_BURST} and
     * {@code TERN_ANONYMOUS_CREATES_PER_HOUR}.
     *
     * @throws SettingsException naming the variable when one is missing or unusable; the secret's value
     *                           is never repeated in the message
     */
    public static WebSettings fromEnv(Map<String, String> env) {
        SettingsReader read = new SettingsReader(env);
        byte[] secret = secret(read.string(Setting.SECRET));
        boolean anonymous = read.bool(Setting.ANONYMOUS_CREATE);
        int burst = read.integer(Setting.ANONYMOUS_CREATE_BURST, 1, 10_000);
        int perHour = read.integer(Setting.ANONYMOUS_CREATES_PER_HOUR, 1, 1_000_000);
        return new WebSettings(secret, anonymous, new RateLimit(burst, perHour, Duration.ofHours(1)));
    }

    private static byte[] secret(String encoded) {
        if (encoded.isEmpty()) {
            throw new SettingsException(Setting.SECRET, "", "required: " + SECRET_EXPECTED);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notStandard) {
            try {
                decoded = Base64.getUrlDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(Setting.SECRET, "(hidden, not base64)", SECRET_EXPECTED);
            }
        }
        if (decoded.length < MIN_SECRET_BYTES) {
            throw new SettingsException(Setting.SECRET, "(hidden, " + decoded.length + " bytes)", SECRET_EXPECTED);
        }
        return decoded;
    }

    /** A copy: the settings stay immutable. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebSettings that && Arrays.equals(secret, that.secret)
                && anonymousCreate == that.anonymousCreate && anonymousCreateLimit.equals(that.anonymousCreateLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(secret), anonymousCreate, anonymousCreateLimit);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WebSettings[secret=(" + secret.length + " bytes), anonymousCreate=" + anonymousCreate
                + ", anonymousCreateLimit=" + anonymousCreateLimit + "]";
    }
}
