package dev.tern.functions.yourls;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Checks a submitted password against a password as YOURLS's {@code config.php} keeps it
 * ({@code yourls_check_password_hash}), in every form a YOURLS site may hold:
 * <ul>
 *   <li>{@code phpass:!2y!10!…}: what YOURLS writes when it encrypts config.php — PHP
 *       {@code password_hash()} bcrypt with {@code !} for {@code $} (so PHP does not expand it);</li>
 *   <li>{@code $2y$…}, {@code $2a$…}, {@code $2b$…}: bcrypt written as it is (also inside {@code phpass:});</li>
 *   <li>{@code $P$…}, {@code $H$…}: the phpass "portable" MD5 hashes of YOURLS 1.7 (also inside {@code phpass:});</li>
 *   <li>{@code md5:<salt>:<md5(salt . password)>} (42 bytes): YOURLS 1.6's salted md5;</li>
 *   <li>anything else: a plain password, on a site whose config.php was never encrypted.</li>
 * </ul>
 * Comparisons take the same time whatever the content. bcrypt truncates passwords to 72 bytes as PHP does.
 */
public final class PasswordHashes {
    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final Pattern PORTABLE = Pattern.compile("\\$[PH]\\$[./A-Za-z0-9]{31}");
    private static final int PORTABLE_MAX_PASSWORD_BYTES = 4096;
    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // Passwords of 72 bytes and more: bcrypt uses the first 72 whatever the strategy says, as PHP does.
    private static final BCrypt.Verifyer BCRYPT_VERIFIER =
            BCrypt.verifyer(BCrypt.Version.VERSION_2Y, LongPasswordStrategies.none());
    /**
     * A bcrypt hash (cost 10, like YOURLS's) of a password nobody knows, checked when the user name is
     * unknown so that a wrong name costs the same time as a wrong password.
     */
    static final String UNKNOWN_USER_HASH = "$2y$10$TernDummySaltForUnknounb2syG2IfXy.viBSwE1GWNJqp8y65ui";

    private PasswordHashes() {
    }

    /** Whether {@code submitted} is the password that {@code stored} keeps. */
    public static boolean matches(String stored, String submitted) {
        if (stored == null || submitted == null) {
            return false;
        }
        if (stored.startsWith("phpass:")) {
            // explode(':') then the second piece, with YOURLS's "!" back to "$".
            String[] pieces = stored.split(":", -1);
            return matchesHash(pieces[1].replace('!', '$'), submitted);
        }
        if (stored.startsWith("md5:") && stored.getBytes(StandardCharsets.UTF_8).length == 42) {
            String[] pieces = stored.split(":", -1);
            String salt = pieces[1];
            return equal(stored, "md5:" + salt + ":" + hex("MD5", salt + submitted));
        }
        if (BCRYPT.matcher(stored).matches() || PORTABLE.matcher(stored).matches()) {
            return matchesHash(stored, submitted);
        }
        // A plain password: compare digests, so that not even the length shows in the time taken.
        return MessageDigest.isEqual(sha256(stored), sha256(submitted));
    }

    /**
     * A new password hashed as YOURLS 1.10 writes it into config.php ({@code phpass:} + bcrypt cost 10
     * with {@code !} for {@code $}), so that YOURLS itself could check it too.
     */
    public static String hash(String password, java.security.SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = BCrypt.with(BCrypt.Version.VERSION_2Y, random, LongPasswordStrategies.none())
                .hash(10, salt, password.getBytes(StandardCharsets.UTF_8));
        return "phpass:" + new String(hash, StandardCharsets.US_ASCII).replace('$', '!');
    }

    /** Whether {@code stored} is one of the hash forms above (not a plain password). */
    public static boolean isHash(String stored) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith("phpass:")) {
            String[] pieces = stored.split(":", -1);
            return pieces.length == 2 && (BCRYPT.matcher(pieces[1].replace('!', '$')).matches()
                    || PORTABLE.matcher(pieces[1].replace('!', '$')).matches());
        }
        return (stored.startsWith("md5:") && stored.getBytes(StandardCharsets.UTF_8).length == 42)
                || BCRYPT.matcher(stored).matches() || PORTABLE.matcher(stored).matches();
    }

    /** Spends the time of a bcrypt check and answers {@code false}: for a user name that does not exist. */
    static boolean matchesNothing(String submitted) {
        matchesHash(UNKNOWN_USER_HASH, submitted);
        return false;
    }

    /** PHP's {@code password_verify} for the hashes YOURLS made, plus phpass portable hashes. */
    private static boolean matchesHash(String hash, String submitted) {
        if (BCRYPT.matcher(hash).matches()) {
            try {
                return BCRYPT_VERIFIER.verify(submitted.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.US_ASCII)).verified;
            } catch (IllegalArgumentException e) {
                return false; // a cost the library refuses (over 31 or under 4)
            }
        }
        if (PORTABLE.matcher(hash).matches()) {
            // phpass refuses longer passwords: each of its thousands of rounds hashes the whole password.
            if (submitted.getBytes(StandardCharsets.UTF_8).length > PORTABLE_MAX_PASSWORD_BYTES) {
                return false;
            }
            return equal(hash, portableHash(submitted, hash));
        }
        return false; // argon2, crypt(3) DES/MD5/SHA: YOURLS never writes them
    }

    /** phpass's portable hash of {@code password} with the setting (count and salt) of {@code setting}. */
    static String portableHash(String password, String setting) {
        int log2 = ITOA64.indexOf(setting.charAt(3));
        if (log2 < 7 || log2 > 30) {
            return "*0";
        }
        byte[] salt = setting.substring(4, 12).getBytes(StandardCharsets.US_ASCII);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        MessageDigest md5 = digest("MD5");
        md5.update(salt);
        byte[] hash = md5.digest(secret);
        for (long count = 1L << log2; count > 0; count--) {
            md5.update(hash);
            hash = md5.digest(secret);
        }
        return setting.substring(0, 12) + encode64(hash);
    }

    /** phpass's {@code encode64}: little-endian groups of 3 bytes as 4 characters. */
    private static String encode64(byte[] input) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length) {
            int value = input[i++] & 0xFF;
            out.append(ITOA64.charAt(value & 0x3F));
            if (i < input.length) {
                value |= (input[i] & 0xFF) << 8;
            }
            out.append(ITOA64.charAt((value >> 6) & 0x3F));
            if (i++ >= input.length) {
                break;
            }
            if (i < input.length) {
                value |= (input[i] & 0xFF) << 16;
            }
            out.append(ITOA64.charAt((value >> 12) & 0x3F));
            if (i++ >= input.length) {
                break;
            }
            out.append(ITOA64.charAt((value >> 18) & 0x3F));
        }
        return out.toString();
    }

    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(String algorithm, String input) {
        return HexFormat.of().formatHex(digest(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(String value) {
        return digest("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
