package dev.tern.core.apikey;

import java.util.Optional;

/** What an API key may do. {@link #ADMIN} implies every other scope. */
public enum Scope {
    /** Read links. */
    LINKS_READ("links:read"),
    /** Create, change and delete links. */
    LINKS_WRITE("links:write"),
    /** Read click statistics. */
    STATS_READ("stats:read"),
    /** Everything, and managing API keys. */
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as clients write it, e.g. {@code links:read}. */
    public String value() {
        return value;
    }

    /** The scope written as {@code value}, if there is one. */
    public static Optional<Scope> parse(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
