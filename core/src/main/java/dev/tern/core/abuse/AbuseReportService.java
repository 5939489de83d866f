package dev.tern.core.abuse;

import dev.tern.core.LazySecureRandom;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Reporting abuse and reading the reports. A report disables nothing: it is stored for an
 * administrator, who may then disable the link or block its host.
 */
public final class AbuseReportService {
    /** The longest comment kept, in characters. */
    public static final int MAX_COMMENT = 1000;
    /** The most reports one page holds. */
    public static final int MAX_PAGE = 100;

    private final AbuseReportStore reports;
    private final LinkStore links;
    private final Clock clock;
    private final LazySecureRandom random = new LazySecureRandom();

    public AbuseReportService(AbuseReportStore reports, LinkStore links, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a report of the link {@code code}.
     *
     * @throws LinkNotFoundException if no link has the code (deleted links can be reported: they may come back)
     * @throws InvalidRequestException for an unknown reason or a comment longer than {@value #MAX_COMMENT} characters
     */
    public AbuseReport report(ShortCode code, String reason, String comment, Creator reporter) {
        AbuseReason why = AbuseReason.fromSlug(reason).orElseThrow(() -> InvalidRequestException.of(
                "The reason must be one of spam, phishing, malware, illegal, other"));
        String text = normalise(comment);
        if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
            throw InvalidRequestException.of("A comment can have at most " + MAX_COMMENT + " characters");
        }
        links.find(code).orElseThrow(() -> LinkNotFoundException.forCode(code));
        byte[] id = new byte[16];
        random.get().nextBytes(id);
        AbuseReport report = new AbuseReport(Base64.getUrlEncoder().withoutPadding().encodeToString(id), code, why, text,
                reporter, clock.instant());
        reports.add(report);
        return report;
    }

    /**
     * A page of reports, newest first, all or one link's.
     *
     * @throws InvalidRequestException for a limit outside 1 to {@value #MAX_PAGE} or a foreign cursor
     */
    public AbuseReportPage list(Optional<ShortCode> code, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidRequestException.of("A page holds 1 to " + MAX_PAGE + " reports, not " + limit);
        }
        return reports.list(code, cursor, limit);
    }

    /** Control characters dropped (line breaks kept as spaces), blanks collapsed, trimmed. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), 4 * MAX_COMMENT + 16));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() <= 4 * MAX_COMMENT + 8; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
