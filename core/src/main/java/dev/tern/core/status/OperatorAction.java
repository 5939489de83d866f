package dev.tern.core.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What an operator adds by the admin command: a note on an incident, or a planned maintenance window. */
public sealed interface OperatorAction {

    /**
     * A note on an incident, optionally moving its status (e.g. to identified).
     *
     * @param incidentId the incident's id (as the status page's feeds show it); a note for an incident the engine does not
     *     know yet is held and attached once it exists
     * @param at when it was written
     * @param body what to tell people (plain text)
     * @param status the status from this note on, or empty to keep the current one
     */
    record Note(String incidentId, Instant at, String body, Optional<IncidentStatus> status) implements OperatorAction {
        public Note {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("A note needs some text");
            }
            if (status.equals(Optional.of(IncidentStatus.RESOLVED))) {
                throw new IllegalArgumentException(
                        "Incidents resolve when the probes see the components healthy again; a note cannot resolve one");
            }
        }
    }

    /**
     * A planned maintenance window: failures of the covered cells inside it are shown as maintenance,
     * open no incident and are left out of the uptime.
     *
     * @param id a stable identifier chosen by the admin command
     * @param title what is being done
     * @param components the components covered (empty: all)
     * @param regions the regions covered (empty: all)
     * @param from the start, inclusive
     * @param until the end, exclusive
     * @param announcedAt when it was announced
     */
    record Maintenance(String id, String title, Set<Component> components, Set<Region> regions, Instant from,
            Instant until, Instant announcedAt) implements OperatorAction {
        public Maintenance {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(announcedAt, "announcedAt");
            components = Set.copyOf(components);
            regions = Set.copyOf(regions);
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("A maintenance window must end after it starts: " + from + " .. " + until);
            }
        }

        /** Whether this window covers {@code cell} at {@code minute}. */
        public boolean covers(Cell cell, Instant minute) {
            return !minute.isBefore(from) && minute.isBefore(until)
                    && (components.isEmpty() || components.contains(cell.component()))
                    && (regions.isEmpty() || regions.contains(cell.region()));
        }
    }
}
