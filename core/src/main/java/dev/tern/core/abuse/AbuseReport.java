package dev.tern.core.abuse;

import dev.tern.core.link.Creator;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A visitor's report that a link is abusive. Reports change nothing by themselves: an administrator
 * reads them ({@code GET /api/v1/abuse-reports}) and decides.
 *
 * @param id       unique, random (22 base64url characters)
 * @param code     the reported link
 * @param reason   the kind of abuse
 * @param comment  what the reporter wrote, normalised (possibly empty, at most {@value AbuseReportService#MAX_COMMENT} characters)
 * @param reporter who reported, as a keyed hash of the address ({@code anon:…}); never the address
 * @param at       when
 */
public record AbuseReport(String id, ShortCode code, AbuseReason reason, String comment, Creator reporter, Instant at) {
    public AbuseReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment;
    }
}
