package dev.tern.core.link;

import dev.tern.core.error.InvalidCodeException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which custom codes a creator may choose. Reserved words are compared ignoring case: a route
 * such as {@code /status} must not have a look-alike {@code /Status} link beside it.
 */
public final class CodePolicy {
    /**
     * Names of Tern's own routes and of files browsers and crawlers ask for. Deliberately short:
     * every word here is a YOURLS keyword that a migrated site could no longer serve, so only
     * paths Tern really routes are listed (names with a dot can never be codes anyway).
     */
    public static final Set<String> DEFAULT_RESERVED = Set.of(
            "api", "status", "static", "assets", "health",
            "yourls-api.php", "yourls-go.php", "yourls-infos.php", "index.php", "favicon.ico",
            "robots.txt", "sitemap.xml", "humans.txt", "security.txt", ".well-known", "apple-touch-icon.png",
            "manifest.json", "openapi.json");

    private final Set<String> reservedLowerCase;

    private CodePolicy(Set<String> reserved) {
        Set<String> lower = new TreeSet<>();
        for (String word : reserved) {
            lower.add(word.toLowerCase(Locale.ROOT));
        }
        this.reservedLowerCase = Set.copyOf(lower);
    }

    /** The default reserved words plus {@code extraReserved}. */
    public static CodePolicy withExtraReserved(Set<String> extraReserved) {
        Set<String> all = new TreeSet<>(DEFAULT_RESERVED);
        all.addAll(extraReserved);
        return new CodePolicy(all);
    }

    public static CodePolicy defaults() {
        return new CodePolicy(DEFAULT_RESERVED);
    }

    /**
     * Parses a custom code and refuses reserved words. A reserved word is refused as reserved
     * ({@code reserved-code}) even when it could not be a code anyway ({@code favicon.ico}), so the
     * creator learns the real reason.
     */
    public ShortCode custom(String raw) {
        if (raw != null && isReserved(raw)) {
            throw InvalidCodeException.reserved(raw);
        }
        return ShortCode.parse(raw);
    }

    public boolean isReserved(String code) {
        return reservedLowerCase.contains(code.toLowerCase(Locale.ROOT));
    }

    /** The reserved words, lower-cased. */
    public Set<String> reserved() {
        return reservedLowerCase;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodePolicy that && reservedLowerCase.equals(that.reservedLowerCase);
    }

    @Override
    public int hashCode() {
        return reservedLowerCase.hashCode();
    }

    @Override
    public String toString() {
        return "CodePolicy[reserved=" + new TreeSet<>(reservedLowerCase) + "]";
    }
}
