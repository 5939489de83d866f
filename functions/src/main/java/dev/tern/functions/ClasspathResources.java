package dev.tern.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Text files shipped in the jar (documents, static assets), and the short content hashes that version their URLs. */
public final class ClasspathResources {
    private ClasspathResources() {
    }

    /**
     * The UTF-8 text of {@code resource} on the class path.
     *
     * @throws IllegalStateException if it is missing (a packaging mistake)
     */
    public static String readUtf8(String resource) {
        try (InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code body}, in hex. */
    public static String shortHash(String body, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
