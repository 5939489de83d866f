package dev.tern.migration.verify;

import static dev.tern.migration.verify.ListYourlsSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.migration.source.RowChecksum;
import dev.tern.migration.source.UrlRow;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationVerifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    private static final URI TERN = URI.create("https://s.example.com");

    private final TernFake tern = new TernFake();
    private final FakeProbe probe = new FakeProbe();

    private static final List<UrlRow> ROWS = List.of(
            row("1", "file:///etc/passwd", "file url", "2026-11-23 05:21:19", 2),
            row("10", "https://example.com/emoji-%F0%9F%8E%89", "Emoji 😀 👍🏽", "2026-11-23 05:22:25", 0),
            row("Abc", "https://münchen.example/seite", null, "2026-11-23 05:23:00", 7),
            row("abc", "https://example.org/a?b=c|d", "pipe | in title", "2026-11-23 05:24:00", 1));

    private void migrateAll() {
        tern.put("1", "file:///etc/passwd", "file url", "2026-11-23 05:21:19", 2, LinkStatus.DISABLED);
        tern.put("10", "https://example.com/emoji-%F0%9F%8E%89", "Emoji 😀 👍🏽", "2026-11-23 05:22:25", 0);
        tern.put("Abc", "https://münchen.example/seite", "", "2026-11-23 05:23:00", 7);
        tern.put("abc", "https://example.org/a?b=c|d", "pipe | in title", "2026-11-23 05:24:00", 1);
    }

    private VerificationReport verify(List<UrlRow> rows, VerifyOptions options) {
        return new MigrationVerifier(new ListYourlsSource(rows), tern.stores, options, base -> probe, CLOCK).verify();
    }

    private static VerifyOptions options() {
        return VerifyOptions.defaults().withSampleSeed(42);
    }

    @Test
    void verify_identicalSets_areIdentical() {
        migrateAll();

        VerificationReport report = verify(ROWS, options());

        assertThat(report.identical()).isTrue();
        assertThat(report.differences()).isZero();
        assertThat(report.yourls().links()).isEqualTo(4);
        assertThat(report.tern().links()).isEqualTo(4);
        assertThat(report.yourls().clicks()).isEqualTo(10);
        assertThat(report.tern().clicks()).isEqualTo(10);
        assertThat(report.yourls().checksum()).isPresent().isEqualTo(report.tern().checksum());
        assertThat(report.ternStatuses()).containsEntry(LinkStatus.ACTIVE, 3L).containsEntry(LinkStatus.DISABLED, 1L);
        assertThat(report.render()).contains("IDENTICAL").doesNotContain("NOT IDENTICAL");
    }

    @Test
    void verify_checksum_followsTheReferenceDefinition() {
        migrateAll();

        VerificationReport report = verify(ROWS, options());

        // Lines sorted bytewise: "10|" < "1|" because '0' < '|', "Abc" < "abc".
        String lines = """
                10|https://example.com/emoji-%F0%9F%8E%89|Emoji 😀 👍🏽|2026-11-23 05:22:25|0
                1|file:///etc/passwd|file url|2026-11-23 05:21:19|2
                Abc|https://münchen.example/seite||2026-11-23 05:23:00|7
                abc|https://example.org/a?b=c|d|pipe | in title|2026-11-23 05:24:00|1
                """;
        assertThat(report.yourls().checksum().orElseThrow())
                .isEqualTo(new RowChecksum(4, ReferenceChecksum.md5(lines), ReferenceChecksum.sha256(lines)));
    }

    @Test
    void verify_everyKindOfDifference_isFoundAndDescribedWithBothValues() {
        tern.put("1", "file:///etc/passwd", "file url", "2026-11-23 05:21:19", 2, LinkStatus.DISABLED);
        tern.put("10", "https://example.com/emoji-%F0%9F%8E%89", "Emoji 😀", "2026-11-23 05:22:25", 0);
        tern.put("Abc", "https://münchen.example/seite", "", "2026-11-23 06:23:00", 8);
        // "abc" is missing; "zz" has another URL
        tern.put("zz", "https://example.com/B", "t", "2026-11-23 05:30:00", 0);
        List<UrlRow> rows = new ArrayList<>(ROWS);
        rows.add(row("zz", "https://example.com/b", "t", "2026-11-23 05:30:00", 0));

        VerificationReport report = verify(rows, options());

        assertThat(report.identical()).isFalse();
        assertThat(report.differences()).isEqualTo(5);
        assertThat(report.listed()).containsExactly(
                new Difference(DifferenceKind.TITLE, "10", "Emoji 😀 👍🏽", "Emoji 😀"),
                new Difference(DifferenceKind.TIMESTAMP, "Abc", "2026-11-23 05:23:00", "2026-11-23 06:23:00"),
                new Difference(DifferenceKind.CLICKS, "Abc", "7", "8"),
                new Difference(DifferenceKind.MISSING_IN_TERN, "abc", "https://example.org/a?b=c|d", "no link has this code"),
                new Difference(DifferenceKind.URL, "zz", "https://example.com/b", "https://example.com/B"));
        assertThat(report.differencesByKind()).containsOnly(
                Map.entry(DifferenceKind.TITLE, 1L), Map.entry(DifferenceKind.TIMESTAMP, 1L),
                Map.entry(DifferenceKind.CLICKS, 1L), Map.entry(DifferenceKind.MISSING_IN_TERN, 1L),
                Map.entry(DifferenceKind.URL, 1L));
        assertThat(report.yourls().links()).isEqualTo(5);
        assertThat(report.tern().links()).isEqualTo(4);
        assertThat(report.yourls().checksum()).isNotEqualTo(report.tern().checksum());
        String text = report.render();
        assertThat(text).contains("NOT IDENTICAL")
                .contains("\"zz\": url differs — YOURLS \"https://example.com/b\" / Tern \"https://example.com/B\"")
                .contains("\"abc\": missing in Tern (no link has this code)")
                .contains("\"Abc\": clicks differ — YOURLS \"7\" / Tern \"8\"")
                .contains("<- differs");
    }

    @Test
    void verify_keywordTernCannotHold_isMissingWithTheReason() {
        migrateAll();
        List<UrlRow> rows = new ArrayList<>(ROWS);
        rows.add(row("café", "https://example.com/", "", "2026-11-23 05:30:00", 0));

        VerificationReport report = verify(rows, options());

        assertThat(report.identical()).isFalse();
        assertThat(report.listed()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_IN_TERN);
            assertThat(d.keyword()).isEqualTo("café");
            assertThat(d.ternValue()).contains("cannot be a Tern short code");
        });
    }

    @Test
    void verify_linksOnlyInTern_areReportedButNotADifference() {
        migrateAll();
        tern.put("newer", "https://example.com/new", "", "2026-12-01 10:00:00", 3);
        tern.put("other", "https://example.com/other", "", "2026-12-02 10:00:00", 0);

        VerificationReport report = verify(ROWS, options());

        assertThat(report.identical()).isTrue();
        assertThat(report.ternOnlyLinks()).isEqualTo(2);
        assertThat(report.ternOnlyListed()).containsExactly("other", "newer");
        assertThat(report.tern().links()).isEqualTo(4);
        assertThat(report.tern().clicks()).isEqualTo(10);
        assertThat(report.render()).contains("Links only in Tern").contains("\"other\", \"newer\"");
    }

    @Test
    void verify_manyDifferences_listsTheFirstAndCountsAll() {
        List<UrlRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("k" + (char) ('a' + i % 26) + i, "https://example.com/" + i, "", "2026-11-23 05:30:00", 0));
        }
        rows.sort((a, b) -> a.keyword().compareTo(b.keyword()));

        VerificationReport report = verify(rows, options().withListedDifferences(5));

        assertThat(report.differences()).isEqualTo(30);
        assertThat(report.listed()).hasSize(5);
        assertThat(report.render()).contains("… and 25 more").contains("Differences: 30 (missing in Tern: 30)");
    }

    @Test
    void verify_sourceOutOfOrder_computesTheSameChecksumsInASecondPass() {
        migrateAll();
        VerificationReport inOrder = verify(ROWS, options());
        List<UrlRow> rows = new ArrayList<>(ROWS);
        java.util.Collections.reverse(rows);

        VerificationReport report = verify(rows, options());

        assertThat(report.identical()).isTrue();
        assertThat(report.yourls().checksum()).isPresent().isEqualTo(inOrder.yourls().checksum());
        assertThat(report.tern().checksum()).isEqualTo(inOrder.tern().checksum());
        assertThat(report.notes()).singleElement().asString().contains("not in binary order").contains("second pass");
    }

    @Test
    void verify_sourceOutOfOrderWithDifferences_checksumsDiffer() {
        migrateAll();
        List<UrlRow> rows = new ArrayList<>(ROWS);
        rows.set(0, row("1", "file:///etc/passwd", "file url", "2026-11-23 05:21:19", 3));
        java.util.Collections.reverse(rows);

        VerificationReport report = verify(rows, options());

        assertThat(report.identical()).isFalse();
        assertThat(report.differencesByKind()).containsOnly(Map.entry(DifferenceKind.CLICKS, 1L));
        assertThat(report.yourls().checksum()).isPresent().isNotEqualTo(report.tern().checksum());
    }

    @Test
    void verify_redirectSample_expectsTheRedirectOrGone() {
        migrateAll();
        probe.answer("1", RedirectProbe.Answer.of(410, null));
        probe.answer("10", RedirectProbe.Answer.of(301, LongUrl.fromStored("https://example.com/emoji-%F0%9F%8E%89").location()));
        probe.answer("Abc", RedirectProbe.Answer.of(302, "https://xn--mnchen-3ya.example/seite"));
        probe.answer("abc", RedirectProbe.Answer.of(308, "https://example.org/a?b=c%7Cd"));

        VerificationReport report = verify(ROWS, options().withRedirectSamples(TERN, 10));

        assertThat(probe.asked).containsExactlyInAnyOrder("1", "10", "Abc", "abc");
        assertThat(report.redirects()).isEqualTo(new VerificationReport.RedirectSample(10, 4, 4));
        assertThat(report.identical()).isTrue();
        assertThat(report.render()).contains("Redirects sampled: 4 of 10 asked, 4 as expected");
    }

    @Test
    void verify_redirectAnsweringOtherwise_isADifference() {
        migrateAll();
        probe.answer("1", RedirectProbe.Answer.of(301, "file:///etc/passwd"));
        probe.answer("10", RedirectProbe.Answer.of(404, null));
        probe.answer("Abc", RedirectProbe.Answer.of(301, "https://elsewhere.example/"));
        probe.answer("abc", RedirectProbe.Answer.failed("ConnectException: Connection refused"));

        VerificationReport report = verify(ROWS, options().withRedirectSamples(TERN, 4));

        assertThat(report.identical()).isFalse();
        assertThat(report.redirects()).isEqualTo(new VerificationReport.RedirectSample(4, 4, 0));
        assertThat(report.differencesByKind()).containsOnly(Map.entry(DifferenceKind.REDIRECT, 4L));
        assertThat(report.listed()).extracting(Difference::describe).contains(
                "\"1\": redirect differs — expected 410 (the link is disabled), got 301 → \"file:///etc/passwd\"",
                "\"10\": redirect differs — expected 301/302/307/308 → \"https://example.com/emoji-%F0%9F%8E%89\", got 404",
                "\"abc\": redirect differs — expected 301/302/307/308 → \"https://example.org/a?b=c%7Cd\", got no answer (ConnectException: Connection refused)");
    }

    @Test
    void verify_redirectOfLinkWithItsOwnPolicyOrExpiry_expectsThatAnswer() {
        Link own = tern.put("own", "https://example.com/own", "", "2026-11-23 05:00:00", 0);
        tern.links.replace(own, own.withRedirectPolicy(new RedirectPolicy(307, Duration.ZERO, false)));
        Link old = tern.put("old", "https://example.com/old", "", "2026-11-23 05:00:00", 0);
        tern.links.replace(old, old.withExpiry(Instant.parse("2026-11-23T12:00:00Z")));
        probe.answer("own", RedirectProbe.Answer.of(301, "https://example.com/own"));
        probe.answer("old", RedirectProbe.Answer.of(410, null));
        List<UrlRow> rows = List.of(row("old", "https://example.com/old", "", "2026-11-23 05:00:00", 0),
                row("own", "https://example.com/own", "", "2026-11-23 05:00:00", 0));

        VerificationReport report = verify(rows, options().withRedirectSamples(TERN, 2));

        assertThat(report.redirects().expected()).isEqualTo(1);
        assertThat(report.listed()).singleElement().extracting(Difference::describe)
                .isEqualTo("\"own\": redirect differs — expected 307 → \"https://example.com/own\", got 301 → \"https://example.com/own\"");
    }

    @Test
    void verify_sampleOfMany_asksExactlyTheRequestedNumber() {
        List<UrlRow> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String keyword = Integer.toString(1000 + i, 36);
            rows.add(row(keyword, "https://example.com/" + i, "", "2026-11-23 05:30:00", 0));
            tern.put(keyword, "https://example.com/" + i, "", "2026-11-23 05:30:00", 0);
            probe.answer(keyword, RedirectProbe.Answer.of(301, "https://example.com/" + i));
        }

        VerificationReport report = verify(rows, options().withRedirectSamples(TERN, 20));

        assertThat(probe.asked).hasSize(20).doesNotHaveDuplicates();
        assertThat(report.identical()).isTrue();
    }

    @Test
    void verify_emptySourceAndTern_isIdentical() {
        VerificationReport report = verify(List.of(), options());

        assertThat(report.identical()).isTrue();
        assertThat(report.yourls().checksum().orElseThrow().lines()).isZero();
    }

    @Test
    void verify_reportsProgress() {
        migrateAll();
        List<Long> progress = new ArrayList<>();

        new MigrationVerifier(new ListYourlsSource(ROWS), tern.stores, options(), base -> probe, CLOCK).verify(progress::add);

        assertThat(progress).last().isEqualTo(4L);
    }

    /** Answers as told; anything not told is a 404. */
    private static final class FakeProbe implements RedirectProbe {
        final Map<String, Answer> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        void answer(String keyword, Answer answer) {
            answers.put(keyword, answer);
        }

        @Override
        public Answer get(String keyword) {
            asked.add(keyword);
            return Optional.ofNullable(answers.get(keyword)).orElse(Answer.of(404, null));
        }

        @Override
        public void close() {
        }
    }
}
