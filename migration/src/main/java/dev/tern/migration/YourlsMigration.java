package dev.tern.migration;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkImporter;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.yourls.LinkRanking;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import dev.tern.migration.source.ExpiryRow;
import dev.tern.migration.source.LogRow;
import dev.tern.migration.source.UrlRow;
import dev.tern.migration.source.YourlsSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration of one YOURLS site into Tern: links (phase 1), their click history (phase 2, with
 * {@code --clicks}), then the site's settings (phase 3). See {@code docs/MIGRATING.md} for the
 * operator's view and {@code docs/adr/2026-11-23-migration.md} for the decisions.
 *
 * <p>Guarantees: every source row ends in exactly one {@link RowOutcome}; a link is written only
 * where its code is free (conditional writes), so a keyword Tern already uses for something else is
 * never overwritten unless {@link ConflictPolicy#OVERWRITE} says so; clicks are added exactly once
 * per (deterministic batch id, link); so a second run, or a run resumed after a kill at any moment,
 * ends in the same state as one uninterrupted run.
 */
public final class YourlsMigration {
    /** Rows per batch: one {@code TransactWriteItems} of conditional puts. */
    static final int BATCH = LinkImporter.MAX_BATCH;
    /** Log rows are carried in chunks of this many click ids; a chunk is one exactly-once click batch per link. */
    static final long LOG_CHUNK_IDS = 100_000;
    /** The click batch id of the undated clicks of {@code yourls_url.clicks}. */
    static final String UNDATED_BATCH = ClickCounterStore.PERMANENT_BATCH_PREFIX + "yourls-undated";
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    /** Where progress goes (the CLI's progress bar). */
    public interface Progress {
        /** A phase begins; {@code total} is the number of steps, or -1 when unknown. */
        void start(String phase, long total);

        void step(long done);

        void end();

        static Progress none() {
            return new Progress() {
                @Override
                public void start(String phase, long total) {
                }

                @Override
                public void step(long done) {
                }

                @Override
                public void end() {
                }
            };
        }
    }

    /**
     * Tern's side.
     *
     * @param links  where links go
     * @param clicks  where click counts go
     * @param ranking the click ranking of the YOURLS API's stats, in which every carried link is registered
     * @param site    where the YOURLS site's settings and keyword counter go
     */
    public record Target(LinkImporter links, ClickCounterStore clicks, LinkRanking ranking, YourlsSiteStore site) {
        public Target {
            Objects.requireNonNull(links, "links");
            Objects.requireNonNull(clicks, "clicks");
            Objects.requireNonNull(ranking, "ranking");
            Objects.requireNonNull(site, "site");
        }
    }

    private final Target target;
    private final TernSettings settings;
    private final MigrationOptions options;
    private final Progress progress;
    private final WriteThrottle throttle;

    public YourlsMigration(Target target, TernSettings settings, MigrationOptions options, Progress progress) {
        this.target = Objects.requireNonNull(target, "target");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.throttle = new WriteThrottle(options.maxWritesPerSecond());
    }

    /**
     * Runs (or resumes) the migration of {@code source}.
     *
     * @param site the site's settings read from its {@code config.php}, if the operator gave it
     */
    public MigrationResult run(YourlsSource source, Optional<YourlsSite> site) {
        String fingerprint = options.fingerprint() + ";source=" + source.describe();
        Checkpoint checkpoint = options.dryRun() || options.checkpoint().isEmpty()
                ? Checkpoint.none(fingerprint)
                : Checkpoint.open(options.checkpoint().get(), fingerprint);
        Map<String, String> yourlsOptions = source.options();
        PluginSettings plugins;
        try {
            plugins = PluginSettings.from(yourlsOptions.get("active_plugins"), settings.redirectPolicy());
        } catch (IllegalArgumentException e) {
            throw new MigrationException("The source's active_plugins option cannot be read: " + e.getMessage(), e);
        }
        Map<String, ExpiryRow> expiries = new HashMap<>();
        for (ExpiryRow row : source.expiries()) {
            expiries.put(row.keyword(), row);
        }
        LinkMapper mapper = new LinkMapper(settings.urlPolicy(), settings.codePolicy(), options.ipMode(), ipKey(), plugins);
        List<String> siteNotes = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        try (MigrationReport report = options.report().map(p -> MigrationReport.to(p, checkpoint.resumed()))
                .orElseGet(MigrationReport::nowhere)) {
            Map<String, long[]> logRows = options.clicks() ? countLogRows(source) : Map.of();
            if (checkpoint.phase() == Checkpoint.Phase.LINKS) {
                migrateLinks(source, mapper, expiries, logRows, checkpoint, report);
                checkpoint.enter(Checkpoint.Phase.LOG);
            }
            if (options.clicks() && checkpoint.phase() == Checkpoint.Phase.LOG) {
                migrateLog(source, logRows, checkpoint, report);
            }
            checkpoint.enter(Checkpoint.Phase.SITE);
            carrySite(yourlsOptions, site, plugins, siteNotes, advice, report);
            report.flush();
            MigrationResult result = new MigrationResult(options.dryRun(), checkpoint.resumed(), source.describe(),
                    checkpoint.counts(), plugins.carried(), plugins.notCarried(), siteNotes, advice, report.entries());
            checkpoint.finish();
            return result;
        }
    }

    private byte[] ipKey() {
        byte[] key = options.ipHashKey();
        return key.length == 0 && options.ipMode() != IpMode.HASH ? new byte[] {0} : key;
    }

    /** keyword → {log rows}, one pass over the log (needed to tell dated from undated clicks). */
    private Map<String, long[]> countLogRows(YourlsSource source) {
        Map<String, long[]> counts = new HashMap<>();
        progress.start("counting clicks", -1);
        long seen = 0;
        try (Stream<LogRow> rows = source.log()) {
            for (Iterator<LogRow> it = rows.iterator(); it.hasNext();) {
                counts.computeIfAbsent(it.next().shortUrl(), k -> new long[1])[0]++;
                if (++seen % 10_000 == 0) {
                    progress.step(10_000);
                }
            }
        }
        progress.step(seen % 10_000);
        progress.end();
        return counts;
    }

    // ---------------------------------------------------------------- phase 1: links

    /** What one batch did, folded into the totals in source order. */
    private record BatchResult(String lastKeyword, int rows, MigrationCounts counts, List<MappedRow> listed,
            List<RowOutcome> listedOutcomes, List<String> uncarried) {
    }

    private void migrateLinks(YourlsSource source, LinkMapper mapper, Map<String, ExpiryRow> expiries,
            Map<String, long[]> logRows, Checkpoint checkpoint, MigrationReport report) {
        Optional<String> after = checkpoint.lastKeyword();
        long total;
        try (Stream<UrlRow> rows = source.urls(after)) {
            total = rows.count();
        }
        progress.start(options.dryRun() ? "checking links" : "links", total);
        ExecutorService pool = Executors.newFixedThreadPool(options.writers(), daemon("tern-migrate-links"));
        Semaphore inFlight = new Semaphore(options.writers() * 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TreeMap<Long, BatchResult> finished = new TreeMap<>();
        long[] nextToFold = {0};
        try (Stream<UrlRow> rows = source.urls(after)) {
            Iterator<UrlRow> it = rows.iterator();
            long sequence = 0;
            List<UrlRow> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && failure.get() == null) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    List<UrlRow> rowsOfBatch = batch;
                    long seq = sequence++;
                    acquire(inFlight);
                    pool.execute(() -> {
                        try {
                            BatchResult result = writeBatch(rowsOfBatch, mapper, expiries, logRows);
                            synchronized (finished) {
                                finished.put(seq, result);
                                // Fold in source order, so the checkpoint's keyword has everything before it done.
                                while (failure.get() == null && finished.containsKey(nextToFold[0])) {
                                    fold(finished.remove(nextToFold[0]), checkpoint, report);
                                    nextToFold[0]++;
                                }
                            }
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        } finally {
                            inFlight.release();
                        }
                    });
                    batch = new ArrayList<>(BATCH);
                }
            }
        } finally {
            shutdown(pool);
            progress.end();
        }
        rethrow(failure.get());
    }

    private BatchResult writeBatch(List<UrlRow> rows, LinkMapper mapper, Map<String, ExpiryRow> expiries,
            Map<String, long[]> logRows) {
        MigrationCounts counts = new MigrationCounts();
        List<MappedRow> mapped = new ArrayList<>(rows.size());
        for (UrlRow row : rows) {
            mapped.add(mapper.map(row, expiries.get(row.keyword())));
            counts.rowsRead++;
            counts.sourceClicks += row.clicks();
        }
        List<Link> links = new ArrayList<>();
        for (MappedRow row : mapped) {
            if (row.carried()) {
                links.add(row.link());
            }
        }
        Map<ShortCode, Link> held;
        if (links.isEmpty()) {
            held = Map.of();
        } else if (options.dryRun()) {
            held = target.links().findAll(links.stream().map(Link::code).toList());
        } else {
            throttle.acquire(links.size());
            held = target.links().insertNew(links);
        }
        List<Link> overwrite = new ArrayList<>();
        Map<ShortCode, RowOutcome> outcomes = new HashMap<>();
        for (Link link : links) {
            Link stored = held.get(link.code());
            RowOutcome outcome;
            if (stored == null) {
                outcome = link.status() == dev.tern.core.link.LinkStatus.ACTIVE ? RowOutcome.WRITTEN : RowOutcome.WRITTEN_DISABLED;
            } else if (LinkMapper.sameContent(stored, link)) {
                outcome = RowOutcome.IDENTICAL;
            } else if (options.onConflict() == ConflictPolicy.OVERWRITE) {
                outcome = RowOutcome.CONFLICT_OVERWRITTEN;
                overwrite.add(link);
            } else {
                outcome = RowOutcome.CONFLICT_SKIPPED;
            }
            outcomes.put(link.code(), outcome);
        }
        if (!overwrite.isEmpty() && !options.dryRun()) {
            throttle.acquire(overwrite.size());
            target.links().overwrite(overwrite);
        }
        List<MappedRow> listed = new ArrayList<>();
        List<RowOutcome> listedOutcomes = new ArrayList<>();
        List<String> uncarried = new ArrayList<>();
        Map<ShortCode, Long> imported = new java.util.LinkedHashMap<>();
        for (MappedRow row : mapped) {
            RowOutcome outcome = row.carried() ? outcomes.get(row.link().code()) : RowOutcome.NOT_CARRIED;
            counts.add(outcome);
            List<String> notes = new ArrayList<>(row.notes());
            if (outcome == RowOutcome.NOT_CARRIED || outcome == RowOutcome.CONFLICT_SKIPPED) {
                uncarried.add(row.row().keyword());
                if (outcome == RowOutcome.CONFLICT_SKIPPED) {
                    Link stored = held.get(row.link().code());
                    notes.add("Tern already has \"" + row.row().keyword() + "\" → " + stored.target().value()
                            + " (created " + stored.createdAt() + "); kept, the YOURLS row → " + row.row().url() + " was not written");
                }
            } else {
                // Also for identical links: an interrupted run may have stopped between the link and its clicks.
                imported.put(row.link().code(), undatedClicks(row, logRows, counts, notes));
                if (outcome == RowOutcome.CONFLICT_OVERWRITTEN) {
                    notes.add("replaced Tern's link \"" + row.row().keyword() + "\" → " + held.get(row.link().code()).target().value()
                            + " (--on-conflict overwrite); its own clicks stay counted");
                }
            }
            if (!notes.isEmpty() || (outcome != RowOutcome.WRITTEN && outcome != RowOutcome.IDENTICAL)) {
                listed.add(new MappedRow(row.row(), row.link(), notes));
                listedOutcomes.add(outcome);
            }
        }
        if (!imported.isEmpty() && !options.dryRun()) {
            // Undated clicks (exactly once) and the ranking entry of the YOURLS API's stats, per link.
            throttle.acquire(imported.size() * 2);
            target.ranking().registerImported(UNDATED_BATCH, imported);
        }
        return new BatchResult(rows.get(rows.size() - 1).keyword(), rows.size(), counts, listed, listedOutcomes, uncarried);
    }

    /**
     * The link's counter minus its log rows (all of it without {@code --clicks}): what is carried as
     * undated clicks.
     */
    private long undatedClicks(MappedRow row, Map<String, long[]> logRows, MigrationCounts counts, List<String> notes) {
        long clicks = row.row().clicks();
        if (options.clicks()) {
            long[] logged = logRows.get(row.row().keyword());
            long inLog = logged == null ? 0 : logged[0];
            if (inLog > clicks) {
                counts.linksWithMoreLogRowsThanClicks++;
                notes.add("the click log has " + inLog + " rows but the counter says " + clicks
                        + "; every logged click is carried, so Tern counts " + inLog);
            }
            clicks = Math.max(0, clicks - inLog);
        }
        counts.undatedClicks += clicks;
        return clicks;
    }

    private void fold(BatchResult result, Checkpoint checkpoint, MigrationReport report) {
        for (int i = 0; i < result.listed().size(); i++) {
            MappedRow row = result.listed().get(i);
            report.row(row.row().keyword(), result.listedOutcomes().get(i), row.notes());
        }
        report.flush();
        checkpoint.addUncarried(result.uncarried());
        checkpoint.counts().addAll(result.counts());
        checkpoint.linksDoneThrough(result.lastKeyword());
        progress.step(result.rows());
    }

    // ---------------------------------------------------------------- phase 2: click history

    private void migrateLog(YourlsSource source, Map<String, long[]> logRows, Checkpoint checkpoint, MigrationReport report) {
        // Which keywords with log rows have a row in yourls_url (the others' rows are orphans).
        Set<String> present = new HashSet<>();
        try (Stream<UrlRow> rows = source.urls(Optional.empty())) {
            rows.forEach(row -> {
                if (logRows.containsKey(row.keyword())) {
                    present.add(row.keyword());
                }
            });
        }
        Set<String> uncarried = checkpoint.uncarried();
        long total = 0;
        for (long[] n : logRows.values()) {
            total += n[0];
        }
        progress.start(options.dryRun() ? "checking clicks" : "clicks", total);
        ExecutorService pool = Executors.newFixedThreadPool(options.writers(), daemon("tern-migrate-clicks"));
        try (Stream<LogRow> rows = source.log()) {
            long chunk = -1;
            Map<String, List<LogRow>> rowsOfChunk = new HashMap<>();
            for (Iterator<LogRow> it = rows.iterator(); it.hasNext();) {
                LogRow row = it.next();
                long rowChunk = Math.floorDiv(row.clickId(), LOG_CHUNK_IDS);
                if (rowChunk != chunk && chunk >= 0 && !rowsOfChunk.isEmpty()) {
                    carryChunk(chunk, rowsOfChunk, checkpoint, pool);
                    rowsOfChunk = new HashMap<>();
                }
                chunk = rowChunk;
                if (rowChunk < checkpoint.nextLogChunk()) {
                    progress.step(1);
                    continue;
                }
                if (present.contains(row.shortUrl()) && !uncarried.contains(row.shortUrl())) {
                    rowsOfChunk.computeIfAbsent(row.shortUrl(), k -> new ArrayList<>()).add(row);
                } else {
                    progress.step(1);
                }
            }
            if (!rowsOfChunk.isEmpty()) {
                carryChunk(chunk, rowsOfChunk, checkpoint, pool);
            }
        } finally {
            shutdown(pool);
            progress.end();
        }
        MigrationCounts missing = new MigrationCounts();
        logRows.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!present.contains(e.getKey())) {
                missing.orphanLogRows += e.getValue()[0];
                report.clicks(e.getKey(), "orphan-clicks", e.getValue()[0],
                        "no yourls_url row has this keyword (a link deleted or renamed in YOURLS): its log rows are not carried");
            } else if (uncarried.contains(e.getKey())) {
                missing.uncarriedLogRows += e.getValue()[0];
                report.clicks(e.getKey(), "clicks-of-link-not-carried", e.getValue()[0],
                        "the link was not carried (see its row above), so neither are its logged clicks");
            }
        });
        checkpoint.counts().addAll(missing);
        report.flush();
    }

    /** One chunk of the log: per link, its clicks as one exactly-once batch ({@code yourls-log-<chunk>}). */
    private void carryChunk(long chunk, Map<String, List<LogRow>> rowsByKeyword, Checkpoint checkpoint, ExecutorService pool) {
        String batchId = ClickCounterStore.PERMANENT_BATCH_PREFIX + "yourls-log-" + chunk;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MigrationCounts counts = new MigrationCounts();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (Map.Entry<String, List<LogRow>> entry : rowsByKeyword.entrySet()) {
            work.add(pool.submit(() -> {
                try {
                    ShortCode code = new ShortCode(entry.getKey());
                    List<Click> clicks = new ArrayList<>(entry.getValue().size());
                    long undated = 0;
                    for (LogRow row : entry.getValue()) {
                        Optional<Instant> at = clickTime(row.clickTime());
                        if (at.isEmpty()) {
                            undated++;
                            continue;
                        }
                        String referrer = row.referrer().isEmpty() || row.referrer().equals("direct") ? null : row.referrer();
                        String country = COUNTRY.matcher(row.countryCode()).matches() ? row.countryCode() : null;
                        clicks.add(Click.of(code, at.get(), referrer, country, row.userAgent()));
                    }
                    if (!options.dryRun()) {
                        if (!clicks.isEmpty()) {
                            throttle.acquire(2);
                            target.clicks().add(batchId, ClickTally.of(code, clicks));
                        }
                        if (undated > 0) {
                            // A click whose time cannot be read still counts, without a day.
                            throttle.acquire(2);
                            target.clicks().addUndated(batchId + "-undated", code, undated);
                        }
                    }
                    synchronized (counts) {
                        counts.datedClicks += clicks.size();
                        counts.undatedClicks += undated;
                    }
                    progress.step(entry.getValue().size());
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("interrupted while carrying clicks", e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        rethrow(failure.get());
        checkpoint.counts().addAll(counts);
        checkpoint.logChunkDone(chunk);
    }

    private static Optional<Instant> clickTime(String stored) {
        try {
            return Optional.of(LocalDateTime.parse(stored, LinkMapper.TIMESTAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- phase 3: the site

    private void carrySite(Map<String, String> yourlsOptions, Optional<YourlsSite> site, PluginSettings plugins,
            List<String> notes, List<String> advice, MigrationReport report) {
        String nextIdText = yourlsOptions.get("next_id");
        if (nextIdText != null) {
            try {
                long nextId = Long.parseLong(nextIdText.strip());
                if (!options.dryRun()) {
                    target.site().raiseNextIdTo(nextId);
                }
                notes.add("next_id " + nextId + " carried: keywords the YOURLS API generates go on from there");
            } catch (NumberFormatException e) {
                notes.add("next_id \"" + nextIdText + "\" is not a number: not carried; the YOURLS API's generated keywords start where Tern's counter is");
                report.site("next_id \"" + nextIdText + "\" is not a number: not carried");
            }
        } else {
            notes.add("the source has no next_id option: the YOURLS API's generated keywords start where Tern's counter is");
        }
        if (site.isPresent()) {
            YourlsSite carried = site.get();
            if (plugins.hyphensInKeywords() && !carried.hyphensInKeywords()) {
                carried = new YourlsSite(carried.users(), carried.cookieKey(), carried.uniqueUrls(), carried.keywordBase(), true,
                        carried.reservedKeywords(), carried.privateApi());
            }
            if (!options.dryRun()) {
                target.site().save(carried);
            }
            notes.add(carried.users().size() + " user(s) with their password hashes, the cookie key (signature tokens), "
                    + "unique URLs " + (carried.uniqueUrls() ? "on" : "off") + ", keyword base " + carried.keywordBase() + ", "
                    + carried.reservedKeywords().size() + " reserved keyword(s), private " + (carried.privateApi() ? "on" : "off")
                    + ": carried for the YOURLS API");
        } else {
            notes.add("no config.php given (--yourls-config): YOURLS users, the cookie key and site settings are not carried; "
                    + "old API clients cannot sign in until they are");
        }
        if (settings.unknownCode() != TernSettings.UnknownCodeAction.REDIRECT_HOME) {
            advice.add("YOURLS sends unknown keywords to the home page (302); Tern shows a 404 page. "
                    + "Set TERN_UNKNOWN_CODE=redirect-home to keep YOURLS's behaviour.");
        }
        if (settings.redirectPolicy().cacheFor().isZero() == false && settings.redirectPolicy().status() == 301) {
            advice.add("Migrated links redirect with " + settings.redirectPolicy().status() + " and Cache-Control: "
                    + settings.redirectPolicy().cacheControl() + " (YOURLS sent 301 without caching headers); "
                    + "see TERN_REDIRECT_STATUS and TERN_REDIRECT_CACHE_SECONDS.");
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted", e);
        }
    }

    private static void shutdown(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new MigrationException(failure.getMessage(), failure);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
