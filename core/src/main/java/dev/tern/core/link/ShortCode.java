package dev.tern.core.link;

import dev.tern.core.error.InvalidCodeException;
import java.util.Objects;
import java.util.Optional;

/**
 * The code after the slash of a short URL. Matching is exact and case-sensitive: {@code Promo} and
 * {@code promo} are different links, as they were in YOURLS ({@code utf8mb4_bin}).
 *
 * <p>Syntax: 1 to {@value #MAX_LENGTH} characters of {@code [0-9A-Za-z_-]}. Whether a code is
 * reserved is a policy question answered by {@link CodePolicy}, not by this type.
 */
public record ShortCode(String value) implements Comparable<ShortCode> {
    public static final int MAX_LENGTH = 100;

    public ShortCode {
        Objects.requireNonNull(value, "value");
        String problem = syntaxProblem(value);
        if (problem != null) {
            throw InvalidCodeException.malformed(problem);
        }
    }

    /** Parses a code typed by a user, explaining exactly what is wrong with a bad one. */
    public static ShortCode parse(String raw) {
        if (raw == null) {
            throw InvalidCodeException.malformed("A short code is required");
        }
        return new ShortCode(raw);
    }

    /**
     * Reads the code from a request path such as {@code /abc} or {@code /abc/} (a trailing slash is
     * tolerated). A path that cannot hold a code is simply not a link: empty, not an exception.
     */
    public static Optional<ShortCode> fromPath(String rawPath) {
        if (rawPath == null || rawPath.length() < 2 || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        int end = rawPath.length();
        if (rawPath.charAt(end - 1) == '/') {
            end--;
        }
        String candidate = rawPath.substring(1, end);
        return isValid(candidate) ? Optional.of(new ShortCode(candidate)) : Optional.empty();
    }

    /** Whether {@code candidate} has the syntax of a short code. */
    public static boolean isValid(String candidate) {
        return candidate != null && syntaxProblem(candidate) == null;
    }

    private static String syntaxProblem(String value) {
        if (value.isEmpty()) {
            return "A short code cannot be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "A short code can have at most " + MAX_LENGTH + " characters (this one has " + value.length() + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isCodeChar(c)) {
                return "A short code can only contain letters A-Z and a-z, digits, '-' and '_' (found "
                        + describe(value.codePointAt(i)) + " at position " + (value.codePointCount(0, i) + 1) + ")";
            }
        }
        return null;
    }

    static boolean isCodeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String describe(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    @Override
    public int compareTo(ShortCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
