package dev.tern.functions.yourls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * PHP's {@code hash($algo, $data)} (lower-case hex) for the algorithms a time-limited signature may
 * name with {@code hash=} — every one of PHP's {@code hash_algos()} that the JDK implements, under
 * PHP's names, which are case-sensitive as YOURLS compares them. PHP's other algorithms (ripemd,
 * whirlpool, tiger, haval, fnv, xxh, murmur, md4, snefru, gost, joaat, crc32 and crc32c) are
 * refused like an unknown one: nobody signs YOURLS calls with them, and each would be a
 * hand-written hash to get wrong.
 */
final class SignatureHashes {
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("md2", "MD2"),
            Map.entry("md5", "MD5"),
            Map.entry("sha1", "SHA-1"),
            Map.entry("sha224", "SHA-224"),
            Map.entry("sha256", "SHA-256"),
            Map.entry("sha384", "SHA-384"),
            Map.entry("sha512/224", "SHA-512/224"),
            Map.entry("sha512/256", "SHA-512/256"),
            Map.entry("sha512", "SHA-512"),
            Map.entry("sha3-224", "SHA3-224"),
            Map.entry("sha3-256", "SHA3-256"),
            Map.entry("sha3-384", "SHA3-384"),
            Map.entry("sha3-512", "SHA3-512"));
    /** Checksums PHP also lists; "crc32b" is the common CRC-32 (zlib's), big-endian hex like adler32. */
    private static final Set<String> CHECKSUMS = Set.of("crc32b", "adler32");

    private SignatureHashes() {
    }

    /** The algorithms accepted in {@code hash=}. */
    static Set<String> names() {
        TreeSet<String> names = new TreeSet<>(DIGESTS.keySet());
        names.addAll(CHECKSUMS);
        return names;
    }

    /** {@code hash(algorithm, input)} as PHP prints it, or empty for an algorithm not accepted. */
    static Optional<String> hex(String algorithm, String input) {
        byte[] data = input.getBytes(StandardCharsets.UTF_8);
        String jdkName = DIGESTS.get(algorithm);
        if (jdkName != null) {
            try {
                return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(data)));
            } catch (NoSuchAlgorithmException e) {
                return Optional.empty();
            }
        }
        Checksum checksum = switch (algorithm) {
            case "crc32b" -> new CRC32();
            case "adler32" -> new Adler32();
            default -> null;
        };
        if (checksum == null) {
            return Optional.empty();
        }
        checksum.update(data, 0, data.length);
        return Optional.of(String.format("%08x", checksum.getValue()));
    }
}
