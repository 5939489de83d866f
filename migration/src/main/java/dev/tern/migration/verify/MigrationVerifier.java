package dev.tern.migration.verify;

import dev.tern.core.Stores;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.migration.source.RowChecksum;
import dev.tern.migration.source.UrlRow;
import dev.tern.migration.source.YourlsSource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code tern-migrate verify}: compares a YOURLS source with Tern and says whether Tern holds exactly
 * the source's links and clicks.
 *
 * <pre>{@code
 * VerificationReport report = new MigrationVerifier(source, dynamo.stores(),
 *         VerifyOptions.defaults().withRedirectSamples(URI.create("https://s.example.com"), 50)).verify();
 * System.out.print(report.render());
 * return report.identical() ? 0 : 1;
 * }</pre>
 *
 * <p>What is compared, for every row of {@code yourls_url}: that Tern has a link with exactly that
 * keyword, and that its URL (exactly as stored), title (NULL = empty), creation time
 * ({@code YYYY-MM-DD HH:MM:SS} UTC) and click total equal the row's. Whatever the link's status:
 * rows Tern does not serve are carried as disabled links, and links deleted in Tern since are still
 * there. Besides the differences, both sides' link count, click sum and checksum (the definition of
 * {@code testdata/yourls/expected.json}, over the source's keywords Tern has) are reported. Tern's
 * links that the source does not have are counted and listed apart: they are not differences (they
 * may have been made in Tern since). Optionally a random sample of the links found is requested
 * through a running Tern ({@code GET /<keyword>}, redirects not followed, header
 * {@code X-Tern-Probe: 1} so it is not counted as a click): an active link must redirect (with its
 * own redirect status if it has one, else any of 301, 302, 307, 308) with {@code Location} equal to
 * {@code LongUrl.fromStored(url).location()} of the source's URL; a disabled, deleted or expired one
 * must answer 410. Any other answer is a difference.
 *
 * <p><b>Cost.</b> One pass over the source. Per source row, two Tern reads (the link, strongly
 * consistent, and its click total), {@link VerifyOptions#lookupThreads()} at a time; then one
 * listing query per 1,000 Tern links to find those the source lacks. <b>Memory</b>: 8 bytes per
 * source link for the keyword hashes that find Tern-only links (8 MB per million links, briefly
 * 16 MB while the array grows), plus a constant: 256 rows in flight, the listed differences, the
 * redirect sample, and for each checksum the lines of the keywords that are prefixes of the current
 * one (at most 100). Nothing else grows with the number of links.
 *
 * <p>That holds when the source lists its rows in keyword order, as {@link YourlsSource#urls}
 * promises and as a database or a {@code mysqldump} file does. A source in another order (a dump
 * written by another tool, or by {@code tern-migrate export}, which writes newest first) is
 * compared just as well, but its checksums then take a second pass over the source and Tern, and
 * memory for every line, sorted: about 220 MB per million links per side.
 */
public final class MigrationVerifier {
    /** Source rows looked up in Tern together. */
    static final int CHUNK = 256;

    private final YourlsSource source;
    private final Stores tern;
    private final VerifyOptions options;
    private final Function<URI, RedirectProbe> probes;
    private final Clock clock;

    /**
     * @param source  the YOURLS site (a database or a dump file); read once, not closed
     * @param tern    Tern's stores
     * @param options redirect sampling, how many differences to list, concurrency
     */
    public MigrationVerifier(YourlsSource source, Stores tern, VerifyOptions options) {
        this(source, tern, options, HttpRedirectProbe::new, Clock.systemUTC());
    }

    MigrationVerifier(YourlsSource source, Stores tern, VerifyOptions options, Function<URI, RedirectProbe> probes,
            Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.tern = Objects.requireNonNull(tern, "tern");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the verification. */
    public VerificationReport verify() {
        return verify(rows -> {
        });
    }

    /**
     * Runs the verification, telling {@code progress} how many source rows have been checked so far
     * (after every few hundred rows, for a progress bar).
     *
     * @throws dev.tern.migration.source.SourceException if the source cannot be read
     * @throws dev.tern.core.error.StoreUnavailableException if Tern's tables do not answer
     */
    public VerificationReport verify(LongConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        Run run = new Run();
        try (TernRowReader reader = new TernRowReader(tern, options.lookupThreads())) {
            eachChunk(reader, (rows, found) -> {
                for (int i = 0; i < rows.size(); i++) {
                    run.compare(rows.get(i), found.get(i));
                }
                progress.accept(run.sourceLinks);
            });
            run.keywords.seal();
            reader.forEachLink(run::checkTernOnly);
            if (run.yourlsChecksum.problem().isPresent()) {
                run.checksumsInMemory(reader);
            }
        }
        return run.report();
    }

    /** What to do with a chunk of source rows and the Tern rows of their keywords (empty: none). */
    private interface ChunkCheck {
        void check(List<UrlRow> rows, List<Optional<TernRow>> found);
    }

    /** One pass over the source, {@value #CHUNK} rows at a time, each chunk's keywords looked up in Tern together. */
    private void eachChunk(TernRowReader reader, ChunkCheck check) {
        try (Stream<UrlRow> rows = source.urls(Optional.empty())) {
            Iterator<UrlRow> iterator = rows.iterator();
            List<UrlRow> chunk = new ArrayList<>(CHUNK);
            while (iterator.hasNext()) {
                chunk.add(iterator.next());
                if (chunk.size() == CHUNK || !iterator.hasNext()) {
                    check.check(chunk, lookUp(chunk, reader));
                    chunk.clear();
                }
            }
        }
    }

    private static List<Optional<TernRow>> lookUp(List<UrlRow> rows, TernRowReader reader) {
        List<ShortCode> codes = new ArrayList<>(rows.size());
        for (UrlRow row : rows) {
            if (ShortCode.isValid(row.keyword())) {
                codes.add(new ShortCode(row.keyword()));
            }
        }
        Iterator<Optional<TernRow>> found = reader.find(codes).iterator();
        List<Optional<TernRow>> result = new ArrayList<>(rows.size());
        for (UrlRow row : rows) {
            result.add(ShortCode.isValid(row.keyword()) ? found.next() : Optional.empty());
        }
        return result;
    }

    /** The state of one verification. */
    private final class Run {
        final SortedLineChecksum yourlsChecksum = new SortedLineChecksum();
        final SortedLineChecksum ternChecksum = new SortedLineChecksum();
        final KeywordHashes keywords = new KeywordHashes();
        final Map<LinkStatus, Long> statuses = new EnumMap<>(LinkStatus.class);
        final Map<DifferenceKind, Long> kinds = new EnumMap<>(DifferenceKind.class);
        final List<Difference> listed = new ArrayList<>();
        final List<String> ternOnlyListed = new ArrayList<>();
        final List<Sample> samples = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(options.sampleSeed());
        final Instant now = clock.instant();
        long sourceLinks;
        long sourceClicks;
        long ternLinks;
        long ternClicks;
        long differences;
        long ternOnly;
        long candidates;
        Optional<RowChecksum> yourlsInMemory = Optional.empty();
        Optional<RowChecksum> ternInMemory = Optional.empty();

        void compare(UrlRow row, Optional<TernRow> found) {
            sourceLinks++;
            sourceClicks += row.clicks();
            keywords.add(row.keyword());
            yourlsChecksum.add(row.keyword(),
                    RowChecksum.urlLine(row));
            if (found.isEmpty()) {
                String why = ShortCode.isValid(row.keyword())
                        ? "no link has this code"
                        : "the keyword cannot be a Tern short code: letters, digits, '-' and '_', at most "
                                + ShortCode.MAX_LENGTH + " characters";
                differ(new Difference(DifferenceKind.MISSING_IN_TERN, row.keyword(), row.url(), why));
                return;
            }
            TernRow tern = found.get();
            ternLinks++;
            ternClicks += tern.clicks();
            statuses.merge(tern.status(), 1L, Long::sum);
            ternChecksum.add(tern.keyword(),
                    tern.checksumLine());
            String title = row.title() == null ? "" : row.title();
            if (!row.url().equals(tern.url())) {
                differ(new Difference(DifferenceKind.URL, row.keyword(), row.url(), tern.url()));
            }
            if (!title.equals(tern.title())) {
                differ(new Difference(DifferenceKind.TITLE, row.keyword(), title, tern.title()));
            }
            if (!row.timestamp().equals(tern.timestamp())) {
                differ(new Difference(DifferenceKind.TIMESTAMP, row.keyword(), row.timestamp(), tern.timestamp()));
            }
            if (row.clicks() != tern.clicks()) {
                differ(new Difference(DifferenceKind.CLICKS, row.keyword(), Long.toString(row.clicks()),
                        Long.toString(tern.clicks())));
            }
            offerSample(row, tern.link());
        }

        /** Reservoir sampling: every link found has the same chance to be among the samples. */
        void offerSample(UrlRow row, Link link) {
            int wanted = options.redirectSamples();
            if (wanted == 0) {
                return;
            }
            candidates++;
            if (samples.size() < wanted) {
                samples.add(new Sample(row.keyword(), expectation(row, link)));
            } else {
                long slot = random.nextLong(candidates);
                if (slot < wanted) {
                    samples.set((int) slot, new Sample(row.keyword(), expectation(row, link)));
                }
            }
        }

        Expectation expectation(UrlRow row, Link link) {
            if (link.status() == LinkStatus.ACTIVE && !link.isExpiredAt(now)) {
                Set<Integer> statuses = link.ownRedirectPolicy().map(p -> Set.of(p.status()))
                        .orElse(RedirectPolicy.REDIRECT_STATUSES);
                return new Expectation(new TreeSet<>(statuses), Optional.of(LongUrl.fromStored(row.url()).location()),
                        "");
            }
            String why = link.status() == LinkStatus.ACTIVE ? "expired" : link.status().name().toLowerCase(java.util.Locale.ROOT);
            return new Expectation(new TreeSet<>(Set.of(410)), Optional.empty(), why);
        }

        void checkTernOnly(Link link) {
            if (keywords.contains(link.code().value())) {
                return;
            }
            ternOnly++;
            if (ternOnlyListed.size() < options.listedDifferences()) {
                ternOnlyListed.add(link.code().value());
            }
        }

        void differ(Difference difference) {
            differences++;
            kinds.merge(difference.kind(), 1L, Long::sum);
            if (listed.size() < options.listedDifferences()) {
                listed.add(difference);
            }
        }

        VerificationReport.RedirectSample sampleRedirects() {
            if (options.redirectSamples() == 0) {
                return VerificationReport.RedirectSample.NONE;
            }
            int asExpected = 0;
            try (RedirectProbe probe = probes.apply(options.ternBaseUrl().orElseThrow())) {
                for (Sample sample : samples) {
                    RedirectProbe.Answer answer = probe.get(sample.keyword());
                    if (sample.expectation().isMetBy(answer)) {
                        asExpected++;
                    } else {
                        differ(new Difference(DifferenceKind.REDIRECT, sample.keyword(), sample.expectation().describe(),
                                answer.describe()));
                    }
                }
            }
            return new VerificationReport.RedirectSample(options.redirectSamples(), samples.size(), asExpected);
        }

        /**
         * The source did not come in keyword order, so the one-pass checksums are not available: a
         * second pass computes both in memory ({@link RowChecksum.Accumulator}).
         */
        void checksumsInMemory(TernRowReader reader) {
            RowChecksum.Accumulator yourlsLines = new RowChecksum.Accumulator();
            RowChecksum.Accumulator ternLines = new RowChecksum.Accumulator();
            eachChunk(reader, (rows, found) -> {
                for (int i = 0; i < rows.size(); i++) {
                    yourlsLines.add(RowChecksum.urlLine(rows.get(i)));
                    found.get(i).ifPresent(row -> ternLines.add(row.checksumLine()));
                }
            });
            yourlsInMemory = Optional.of(yourlsLines.result());
            ternInMemory = Optional.of(ternLines.result());
        }

        VerificationReport report() {
            VerificationReport.RedirectSample redirects = sampleRedirects();
            List<String> notes = new ArrayList<>();
            yourlsChecksum.problem().ifPresent(problem -> notes.add(problem
                    + "; they were computed in a second pass, in memory"));
            return new VerificationReport(source.describe(),
                    new VerificationReport.Figures(sourceLinks, sourceClicks, yourlsChecksum.finish().or(() -> yourlsInMemory)),
                    new VerificationReport.Figures(ternLinks, ternClicks, ternChecksum.finish().or(() -> ternInMemory)),
                    statuses, ternOnly, ternOnlyListed, differences, kinds, listed, redirects, notes);
        }
    }

    /** A link picked for the redirect sample. */
    private record Sample(String keyword, Expectation expectation) {
    }

    /**
     * The answer a link should give.
     *
     * @param statuses  acceptable statuses
     * @param location  the exact {@code Location} for a redirect; empty for 410
     * @param goneWhy   why a 410 is expected (disabled, deleted, expired)
     */
    private record Expectation(TreeSet<Integer> statuses, Optional<String> location, String goneWhy) {
        boolean isMetBy(RedirectProbe.Answer answer) {
            return answer.failure().isEmpty() && statuses.contains(answer.status())
                    && (location.isEmpty() || location.equals(answer.location()));
        }

        String describe() {
            String codes = statuses.stream().map(String::valueOf).collect(Collectors.joining("/"));
            return location.map(l -> codes + " → " + Difference.Shown.quoted(l, 0))
                    .orElse(codes + " (the link is " + goneWhy + ")");
        }
    }
}
