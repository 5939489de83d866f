package dev.tern.status.incident;

/**
 * The state shown for a cell, a component or a region, worst last. The first five are Statuspage's
 * component statuses; {@link #NO_DATA} is Tern's own: a state nothing is known about is never shown
 * as operational.
 */
public enum ComponentStatus {
    OPERATIONAL("operational", "Operational"),
    UNDER_MAINTENANCE("under_maintenance", "Under maintenance"),
    NO_DATA("no_data", "No data"),
    DEGRADED_PERFORMANCE("degraded_performance", "Degraded performance"),
    PARTIAL_OUTAGE("partial_outage", "Partial outage"),
    MAJOR_OUTAGE("major_outage", "Major outage");

    private final String id;
    private final String label;

    ComponentStatus(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The Statuspage value ({@code major_outage}), or {@code no_data} for {@link #NO_DATA}. */
    public String id() {
        return id;
    }

    /** The words shown to people. */
    public String label() {
        return label;
    }

    /** The worse of the two. */
    public ComponentStatus worse(ComponentStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
