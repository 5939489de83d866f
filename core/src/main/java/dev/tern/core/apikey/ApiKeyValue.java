package dev.tern.core.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of an API key as a client sends it: {@code tern_<id>_<secret>}, with a public id of
 * {@value #ID_LENGTH} and a secret of {@value #SECRET_LENGTH} base62 characters (about 256 bits).
 * Only its SHA-256 is stored: the secret is random and long, so a slow password hash adds nothing.
 */
public final class ApiKeyValue {
    public static final int ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 43;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern ID = Pattern.compile("^[0-9A-Za-z]{" + ID_LENGTH + "}$");
    private static final Pattern VALUE = Pattern.compile("^tern_([0-9A-Za-z]{" + ID_LENGTH + "})_[0-9A-Za-z]{" + SECRET_LENGTH + "}$");

    private final String value;
    private final String id;

    private ApiKeyValue(String value, String id) {
        this.value = value;
        this.id = id;
    }

    /** The key value in {@code raw}, if it has the key's shape. */
    public static Optional<ApiKeyValue> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = VALUE.matcher(raw);
        return m.matches() ? Optional.of(new ApiKeyValue(raw, m.group(1))) : Optional.empty();
    }

    /** A fresh random key value from {@code random}. */
    public static ApiKeyValue generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        String id = randomBase62(random, ID_LENGTH);
        String value = "tern_" + id + "_" + randomBase62(random, SECRET_LENGTH);
        return new ApiKeyValue(value, id);
    }

    /**
     * A fresh value whose id is fixed by {@code idSeed} (the same seed, the same id) and whose secret
     * is random: how a create with an {@code Idempotency-Key} finds the key an earlier attempt made.
     */
    public static ApiKeyValue generateWithIdFrom(String idSeed, SecureRandom random) {
        Objects.requireNonNull(idSeed, "idSeed");
        Objects.requireNonNull(random, "random");
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(idSeed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            // 12 of the digest's 32 bytes, each reduced to base62: ~71 bits, plenty against accidental collisions.
            id.append(BASE62.charAt(Byte.toUnsignedInt(digest[i]) % BASE62.length()));
        }
        String value = "tern_" + id + "_" + randomBase62(random, SECRET_LENGTH);
        return new ApiKeyValue(value, id.toString());
    }

    /** Whether {@code id} has the shape of a key id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The public key id. */
    public String id() {
        return id;
    }

    /** The whole value, to show once to whoever asked for the key. */
    public String value() {
        return value;
    }

    /** Lower-case hex SHA-256 of the whole value: what is stored. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Whether this value's hash is {@code storedHash}, compared in constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomBase62(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return out.toString();
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "tern_" + id + "_…";
    }
}
