package dev.tern.core.abuse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of abuse reports, newest first, and the cursor of the next page (empty on the last). */
public record AbuseReportPage(List<AbuseReport> reports, Optional<String> next) {
    public AbuseReportPage {
        reports = List.copyOf(reports);
        Objects.requireNonNull(next, "next");
    }
}
