package dev.tern.migration.verify;

import dev.tern.core.link.LinkStatus;
import dev.tern.migration.source.RowChecksum;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code tern-migrate verify} found: the figures of both sides, the differences (all counted,
 * the first ones listed), Tern's links that the source does not have, and the redirect sample.
 *
 * @param source            the source, as {@link dev.tern.migration.source.YourlsSource#describe()} says
 * @param yourls            the source's figures: every row of {@code yourls_url}
 * @param tern              Tern's figures over the source's keywords that Tern has
 * @param ternStatuses      how many of those Tern links are active, disabled, deleted
 * @param ternOnlyLinks     how many of Tern's links have a keyword the source does not have (links made
 *                          in Tern since the migration, say): reported, not a difference
 * @param ternOnlyListed    the first of them (newest first)
 * @param differences       how many differences were found in all
 * @param differencesByKind the same, per kind (kinds without any are absent)
 * @param listed            the first differences, in the source's keyword order (redirects last)
 * @param redirects         the redirect sample
 * @param notes             anything else worth telling (a checksum that could not be computed …)
 */
public record VerificationReport(
        String source,
        Figures yourls,
        Figures tern,
        Map<LinkStatus, Long> ternStatuses,
        long ternOnlyLinks,
        List<String> ternOnlyListed,
        long differences,
        Map<DifferenceKind, Long> differencesByKind,
        List<Difference> listed,
        RedirectSample redirects,
        List<String> notes) {

    public VerificationReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yourls, "yourls");
        Objects.requireNonNull(tern, "tern");
        ternStatuses = Map.copyOf(ternStatuses);
        ternOnlyListed = List.copyOf(ternOnlyListed);
        differencesByKind = Map.copyOf(differencesByKind);
        listed = List.copyOf(listed);
        Objects.requireNonNull(redirects, "redirects");
        notes = List.copyOf(notes);
    }

    /**
     * Link count, click sum and checksum of one side.
     *
     * @param links    how many links
     * @param clicks   their clicks added up
     * @param checksum over their {@code keyword|url|title|timestamp|clicks} lines; empty when it could
     *                 not be computed (see the notes)
     */
    public record Figures(long links, long clicks, Optional<RowChecksum> checksum) {
        public Figures {
            Objects.requireNonNull(checksum, "checksum");
        }
    }

    /**
     * The redirects requested through a running Tern.
     *
     * @param requested how many were asked for (0: no sampling)
     * @param checked   how many were requested (fewer when fewer links were found in Tern)
     * @param expected  how many answered as expected (the others are differences of kind
     *                  {@link DifferenceKind#REDIRECT})
     */
    public record RedirectSample(int requested, int checked, int expected) {
        public static final RedirectSample NONE = new RedirectSample(0, 0, 0);
    }

    /**
     * Whether Tern holds exactly what the source holds: no difference of any kind, the same count,
     * click sum and checksum on both sides, every sampled redirect as expected. Links only in Tern do
     * not count against it. The CLI exits non-zero when this is false.
     */
    public boolean identical() {
        boolean checksumsAgree = yourls.checksum().isEmpty() || tern.checksum().isEmpty()
                || yourls.checksum().equals(tern.checksum());
        return differences == 0 && yourls.links() == tern.links() && yourls.clicks() == tern.clicks() && checksumsAgree
                && redirects.checked() == redirects.expected();
    }

    /** The report as plain text for a terminal (ends with a newline). */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Verification of ").append(Difference.Shown.escape(source)).append(" against Tern\n\n");
        out.append(String.format("  %-18s %20s %20s%n", "", "YOURLS", "Tern"));
        out.append(String.format("  %-18s %20d %20d%s%n", "links", yourls.links(), tern.links(),
                mark(yourls.links() == tern.links())));
        out.append(String.format("  %-18s %20d %20d%s%n", "clicks", yourls.clicks(), tern.clicks(),
                mark(yourls.clicks() == tern.clicks())));
        if (yourls.checksum().isPresent() && tern.checksum().isPresent()) {
            RowChecksum a = yourls.checksum().get();
            RowChecksum b = tern.checksum().get();
            out.append(String.format("  %-18s %s%n  %-18s %s%s%n", "checksum (sha256)", "YOURLS " + a.sha256(), "",
                    "Tern   " + b.sha256(), mark(a.equals(b))));
            out.append(String.format("  %-18s %s%n  %-18s %s%n", "checksum (md5)", "YOURLS " + a.md5(), "", "Tern   " + b.md5()));
        } else {
            out.append("  checksum           not computed (see the notes)\n");
        }
        Map<LinkStatus, Long> statuses = new EnumMap<>(LinkStatus.class);
        statuses.putAll(ternStatuses);
        out.append(String.format("%n  In Tern: %d active, %d disabled, %d deleted%n",
                statuses.getOrDefault(LinkStatus.ACTIVE, 0L), statuses.getOrDefault(LinkStatus.DISABLED, 0L),
                statuses.getOrDefault(LinkStatus.DELETED, 0L)));
        if (ternOnlyLinks > 0) {
            out.append(String.format("  Links only in Tern (not a difference: made in Tern since?): %d%s%n", ternOnlyLinks,
                    ternOnlyListed.isEmpty() ? "" : ", e.g. " + String.join(", ", ternOnlyListed.stream()
                            .map(k -> "\"" + Difference.Shown.escape(k) + "\"").toList())
                            + (ternOnlyListed.size() < ternOnlyLinks ? ", …" : "")));
        }
        if (redirects.requested() > 0) {
            out.append(String.format("  Redirects sampled: %d of %d asked, %d as expected%s%n", redirects.checked(),
                    redirects.requested(), redirects.expected(), mark(redirects.checked() == redirects.expected())));
        }
        for (String note : notes) {
            out.append("  Note: ").append(note).append('\n');
        }
        out.append('\n');
        if (differences > 0) {
            Map<DifferenceKind, Long> kinds = new EnumMap<>(DifferenceKind.class);
            kinds.putAll(differencesByKind);
            out.append("Differences: ").append(differences).append(" (");
            out.append(String.join(", ", kinds.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue()).toList()));
            out.append(")\n");
            for (Difference difference : listed) {
                out.append("  ").append(difference.describe()).append('\n');
            }
            if (listed.size() < differences) {
                out.append("  … and ").append(differences - listed.size()).append(" more\n");
            }
            out.append('\n');
        }
        out.append(identical() ? "IDENTICAL: Tern holds every link and click of the source.\n"
                : "NOT IDENTICAL: see above.\n");
        return out.toString();
    }

    private static String mark(boolean same) {
        return same ? "" : "   <- differs";
    }
}
