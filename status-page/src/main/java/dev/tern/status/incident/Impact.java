package dev.tern.status.incident;

import java.util.Locale;

/** How bad an incident is, in Statuspage's words (its {@code impact} and page {@code indicator}). */
public enum Impact {
    /** Nothing is affected. */
    NONE,
    /** Some component is degraded. */
    MINOR,
    /** Some component is down in some region. */
    MAJOR,
    /** Some component is down in every region. */
    CRITICAL;

    /** {@code none}, {@code minor}, {@code major} or {@code critical}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
