package dev.tern.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under {@code TERN_SECRET}, with a distinct purpose label per use so that a value made
 * for one purpose (a form token) can never stand for another (a client-address hash).
 */
final class SiteKeys {
    private static final String ALGORITHM = "HmacSHA256";
    /** Hex digits kept of a client-address hash: 128 bits, plenty to keep addresses apart. */
    static final int CLIENT_HASH_HEX = 32;

    private final SecretKeySpec key;

    SiteKeys(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** HMAC of {@code purpose}, a line feed, then {@code message}. */
    byte[] mac(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac instances are not thread-safe; one per call is cheap
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /**
     * A keyed hash of a client address: stable for one address under one secret, unlinkable to the
     * address without the secret. Used for rate-limit buckets and the anonymous creator id; the raw
     * address is never stored or logged.
     */
    String clientHash(String sourceIp) {
        String address = sourceIp == null || sourceIp.isBlank() ? "unknown" : sourceIp.strip();
        return HexFormat.of().formatHex(mac("tern-client-address-v1", address)).substring(0, CLIENT_HASH_HEX);
    }
}
