package dev.tern.core.status;

import java.util.Locale;

/** Where an incident stands, in Statuspage's words. The engine opens as investigating; operators may say more. */
public enum IncidentStatus {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED;

    /** {@code investigating}, {@code identified}, {@code monitoring} or {@code resolved}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
