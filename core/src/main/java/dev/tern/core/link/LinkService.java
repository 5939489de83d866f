package dev.tern.core.link;

import dev.tern.core.abuse.Blocklist;
import dev.tern.core.audit.AuditEntry;
import dev.tern.core.audit.Change;
import dev.tern.core.audit.ChangeKinds;
import dev.tern.core.audit.HistoryPage;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.idempotency.IdempotencyKeys;
import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.idempotency.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The link use cases: create, resolve, get. Every entry point (redirect, REST API, web form,
 * YOURLS API) goes through here, so the rules live in one place.
 */
public final class LinkService {
    /** Generated codes are retried this often on collision before giving up (62^7 makes even two rare). */
    static final int MAX_GENERATED_ATTEMPTS = 10;
    public static final int MAX_TITLE_LENGTH = 500;
    private static final int MAX_UPDATE_ATTEMPTS = 5;
    /** The most links one bulk create takes. */
    public static final int MAX_BULK = 100;
    /** The most links one page of a listing holds. */
    public static final int MAX_PAGE = 100;
    /** The longest range of one statistics request, in days. */
    public static final int MAX_STATS_DAYS = 366;
    /** How many referrer hosts and countries the statistics list. */
    public static final int TOP_ENTRIES = 10;
    /** How long a deleted link can be restored unless configured otherwise ({@code TERN_RESTORE_DAYS}). */
    public static final int DEFAULT_RESTORE_DAYS = 30;

    private final LinkStore links;
    private final IdempotencyStore idempotency;
    private final ClickCounterStore clicks;
    private final CodeGenerator codes;
    private final CodePolicy codePolicy;
    private final UrlPolicy urlPolicy;
    private final Clock clock;
    private final Duration restoreWindow;
    private final Blocklist blocklist;

    /** As the full constructor, with the default restore window of {@value #DEFAULT_RESTORE_DAYS} days. */
    public LinkService(LinkStore links, IdempotencyStore idempotency, ClickCounterStore clicks, CodeGenerator codes,
            CodePolicy codePolicy, UrlPolicy urlPolicy, Clock clock) {
        this(links, idempotency, clicks, codes, codePolicy, urlPolicy, clock, Duration.ofDays(DEFAULT_RESTORE_DAYS));
    }

    /** @param restoreWindow how long after its deletion a link can be restored */
    public LinkService(LinkStore links, IdempotencyStore idempotency, ClickCounterStore clicks, CodeGenerator codes,
            CodePolicy codePolicy, UrlPolicy urlPolicy, Clock clock, Duration restoreWindow) {
        this(links, idempotency, clicks, codes, codePolicy, urlPolicy, clock, restoreWindow, Blocklist.NONE);
    }

    /** @param blocklist the hosts refused at creation, change and restore (and, by the redirect, at redirect) */
    public LinkService(LinkStore links, IdempotencyStore idempotency, ClickCounterStore clicks, CodeGenerator codes,
            CodePolicy codePolicy, UrlPolicy urlPolicy, Clock clock, Duration restoreWindow, Blocklist blocklist) {
        this.blocklist = Objects.requireNonNull(blocklist, "blocklist");
        this.restoreWindow = Objects.requireNonNull(restoreWindow, "restoreWindow");
        this.links = Objects.requireNonNull(links, "links");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.clicks = Objects.requireNonNull(clicks, "clicks");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codePolicy = Objects.requireNonNull(codePolicy, "codePolicy");
        this.urlPolicy = Objects.requireNonNull(urlPolicy, "urlPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a link with the custom code asked for, or a generated one.
     *
     * <p>With an Idempotency-Key, a repeated request (a client retry after a lost response, two
     * concurrent submissions) returns the link the first one created instead of a second link; the
     * same key with a different request is refused.
     */
    public CreatedLink create(NewLinkRequest request) {
        Instant now = clock.instant();
        LongUrl target = LongUrl.parse(request.url(), urlPolicy);
        blocklist.requireAllowed(target);
        Optional<ShortCode> custom = request.customCodeIfAny().map(codePolicy::custom);
        String title = normaliseTitle(request.title());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidRequestException(ErrorCode.INVALID_EXPIRY,
                    "The expiry time " + request.expiresAt() + " is not in the future");
        }
        Link template = new Link(custom.orElseGet(this::nextGeneratedCode), target, title, now, request.creator(),
                LinkStatus.ACTIVE, request.expiresAt(), null, null);
        Optional<String> key = request.idempotencyKeyIfAny();
        if (key.isPresent()) {
            return createIdempotently(template, custom.isPresent(), scopedKey(request.creator(), key.get()));
        }
        return new CreatedLink(insertWithRetries(template, custom.isPresent()), false);
    }

    /** The blocklist this service checks destinations against (the redirect checks it again). */
    public Blocklist blocklist() {
        return blocklist;
    }

    /** Follows a short code: the link to redirect to, or why there is none. */
    public Resolution resolve(ShortCode code) {
        Optional<Link> found = links.find(code);
        if (found.isEmpty()) {
            return new Resolution.NotFound(code);
        }
        Link link = found.get();
        return switch (link.status()) {
            case DISABLED -> new Resolution.Gone(link, Resolution.Reason.DISABLED);
            case DELETED -> new Resolution.Gone(link, Resolution.Reason.DELETED);
            case ACTIVE -> link.isExpiredAt(clock.instant())
                    ? new Resolution.Gone(link, Resolution.Reason.EXPIRED)
                    : checkedAgain(link);
        };
    }

    /** The policy and blocklist again, as they are now: a link created before a host was blocked must not redirect. */
    private Resolution checkedAgain(Link link) {
        LongUrl target = link.target();
        if (!target.scheme().isEmpty() && !urlPolicy.allowsScheme(target.scheme())) {
            return new Resolution.Blocked(link, "scheme:" + target.scheme());
        }
        Optional<String> entry = blocklist.blockingEntry(target);
        return entry.isPresent() ? new Resolution.Blocked(link, entry.get()) : new Resolution.Found(link);
    }

    /**
     * The link and its click total, whatever its status.
     *
     * @throws LinkNotFoundException if no link has the code
     */
    public LinkDetails get(ShortCode code) {
        Link link = links.findLatest(code).orElseThrow(() -> LinkNotFoundException.forCode(code));
        return new LinkDetails(link, clicks.total(code));
    }

    /**
     * Creates up to {@value #MAX_BULK} links, each on its own: one item's error (a taken code, a bad
     * URL, even a store that stopped answering) does not stop the others. Items are created in
     * order; give each its own Idempotency-Key (the REST API derives them from the request's) so that
     * retrying the whole request creates only what is still missing.
     *
     * @throws InvalidRequestException for no items or more than {@value #MAX_BULK}
     */
    public List<BulkItemResult> createAll(List<NewLinkRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BULK) {
            throw InvalidRequestException.of("A bulk create takes 1 to " + MAX_BULK + " links, not " + requests.size());
        }
        List<BulkItemResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                results.add(BulkItemResult.created(i, create(requests.get(i))));
            } catch (TernException e) {
                results.add(BulkItemResult.failed(i, e));
            }
        }
        return results;
    }

    /**
     * A page of links, newest first, all or one creator's ({@link LinkStore#list}).
     *
     * @throws InvalidRequestException for a limit outside 1 to {@value #MAX_PAGE}, or a cursor not
     *     given out by this listing
     */
    public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidRequestException.of("A page holds 1 to " + MAX_PAGE + " links, not " + limit);
        }
        return links.list(creator, cursor, limit);
    }

    /**
     * A link's statistics from {@code from} to {@code to} (UTC days, both included), whatever the link's status.
     *
     * @throws LinkNotFoundException if no link has the code
     * @throws InvalidRequestException if {@code from} is after {@code to} or the range is longer than
     *     {@value #MAX_STATS_DAYS} days
     */
    public LinkStats stats(ShortCode code, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw InvalidRequestException.of("The range starts (" + from + ") after it ends (" + to + ")");
        }
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        if (span > MAX_STATS_DAYS) {
            throw InvalidRequestException.of("The range has " + span + " days; at most " + MAX_STATS_DAYS + " at a time");
        }
        links.findLatest(code).orElseThrow(() -> LinkNotFoundException.forCode(code));
        long total = clicks.total(code);
        SortedMap<LocalDate, DayTally> tallies = clicks.days(code, from, to);
        List<LinkStats.Day> days = new ArrayList<>();
        Map<String, Long> referrers = new HashMap<>();
        Map<String, Long> countries = new HashMap<>();
        Map<VisitorClass, Long> visitors = new EnumMap<>(VisitorClass.class);
        long inRange = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DayTally tally = tallies.get(day);
            long count = tally == null ? 0 : tally.clicks();
            days.add(new LinkStats.Day(day, count));
            inRange += count;
            if (tally != null) {
                tally.referrers().forEach((k, v) -> referrers.merge(k, v, Long::sum));
                tally.countries().forEach((k, v) -> countries.merge(k, v, Long::sum));
                tally.visitors().forEach((k, v) -> visitors.merge(k, v, Long::sum));
            }
        }
        return new LinkStats(code, total, from, to, inRange, days, top(referrers), top(countries), visitors);
    }

    private static List<LinkStats.Count> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ENTRIES)
                .map(e -> new LinkStats.Count(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Changes a link: its destination, title, expiry, redirect policy, or whether it is disabled.
     * Read, apply, then a compare-and-set ({@link LinkStore#replace}), re-applied on a concurrent change.
     *
     * @return the link as it is now
     * @throws LinkNotFoundException if no link has the code
     * @throws TernException {@link ErrorCode#GONE} for a deleted link (restore it first),
     *     or the create's errors for a bad URL, title or expiry
     */
    public Link update(ShortCode code, LinkPatch patch) {
        return update(code, patch, Creator.UNKNOWN);
    }

    /**
     * As {@link #update(ShortCode, LinkPatch)}, recorded in the link's history as made by {@code actor}.
     */
    public Link update(ShortCode code, LinkPatch patch, Creator actor) {
        Instant now = clock.instant();
        Optional<LongUrl> target = patch.url().map(raw -> LongUrl.parse(raw, urlPolicy));
        target.ifPresent(blocklist::requireAllowed);
        Optional<String> title = patch.title().map(LinkService::normaliseTitle);
        patch.expiresAt().flatMap(expiry -> expiry).ifPresent(expiry -> {
            if (!expiry.isAfter(now)) {
                throw new InvalidRequestException(ErrorCode.INVALID_EXPIRY, "The expiry time " + expiry + " is not in the future");
            }
        });
        return change(code, actor, current -> {
            if (current.status() == LinkStatus.DELETED) {
                throw new TernException(ErrorCode.GONE,
                        "The link \"" + code.value() + "\" is deleted; restore it before changing it");
            }
            Link updated = current;
            if (target.isPresent()) {
                updated = new Link(code, target.get(), updated.title(), updated.createdAt(), updated.creator(),
                        updated.status(), updated.expiresAt(), updated.redirectPolicy(), updated.idempotencyKey(), updated.deletedAt());
            }
            if (title.isPresent()) {
                updated = new Link(code, updated.target(), title.get(), updated.createdAt(), updated.creator(),
                        updated.status(), updated.expiresAt(), updated.redirectPolicy(), updated.idempotencyKey(), updated.deletedAt());
            }
            if (patch.expiresAt().isPresent()) {
                updated = updated.withExpiry(patch.expiresAt().get().orElse(null));
            }
            if (patch.redirect().isPresent()) {
                updated = updated.withRedirectPolicy(patch.redirect().get().orElse(null));
            }
            if (patch.disabled().isPresent()) {
                updated = updated.withStatus(patch.disabled().get() ? LinkStatus.DISABLED : LinkStatus.ACTIVE);
            }
            return updated;
        });
    }

    /**
     * Soft-deletes a link: it answers 410 from now on and can be {@link #restore restored} for the
     * restore window. Deleting a deleted link changes nothing (so a retry is harmless).
     *
     * @return the link as it is now
     * @throws LinkNotFoundException if no link has the code
     */
    public Link delete(ShortCode code) {
        return delete(code, Creator.UNKNOWN);
    }

    /** As {@link #delete(ShortCode)}, recorded as made by {@code actor}. */
    public Link delete(ShortCode code, Creator actor) {
        Instant now = clock.instant();
        return change(code, actor, current -> current.status() == LinkStatus.DELETED ? current : current.softDeleted(now));
    }

    /**
     * Brings a deleted link back (active, as a new link would be) within the restore window after
     * its deletion. Restoring a link that is not deleted changes nothing.
     *
     * @return the link as it is now
     * @throws LinkNotFoundException if no link has the code
     * @throws TernException {@link ErrorCode#GONE} when the restore window has passed
     */
    public Link restore(ShortCode code) {
        return restore(code, Creator.UNKNOWN);
    }

    /** As {@link #restore(ShortCode)}, recorded as made by {@code actor}. */
    public Link restore(ShortCode code, Creator actor) {
        Instant now = clock.instant();
        return change(code, actor, current -> {
            if (current.status() != LinkStatus.DELETED) {
                return current;
            }
            Optional<Instant> until = restorableUntil(current);
            if (until.isPresent() && !now.isBefore(until.get())) {
                throw new TernException(ErrorCode.GONE, "The link \"" + code.value() + "\" was deleted at "
                        + current.deletedAt() + "; links can be restored for " + restoreWindow.toDays() + " days only");
            }
            return current.restored();
        });
    }

    /** Until when a deleted link can be restored (empty when its deletion time is unknown: no limit). */
    public Optional<Instant> restorableUntil(Link link) {
        return link.status() == LinkStatus.DELETED ? link.deletion().map(at -> at.plus(restoreWindow)) : Optional.empty();
    }

    /**
     * Sets a link back to an earlier version: its destination, title, expiry, redirect policy and
     * status become that version's again (its code, creator and creation stay), as a new change of
     * kind {@code restore} naming the version, itself in the history. The destination is judged by
     * today's URL policy and blocklist.
     *
     * @throws LinkNotFoundException if no link has the code
     * @throws TernException ({@link ErrorCode#VERSION_NOT_FOUND}, 404) if the link has no such version
     */
    public Link restoreVersion(ShortCode code, long version, Creator actor) {
        LinkVersion current = links.findLatestVersion(code).orElseThrow(() -> LinkNotFoundException.forCode(code));
        if (version < 1 || version > current.version()) {
            throw new TernException(ErrorCode.VERSION_NOT_FOUND, "The link \"" + code.value() + "\" has versions 1 to "
                    + current.version() + ", not " + version);
        }
        Link wanted = versionOf(code, version, current)
                .orElseThrow(() -> new TernException(ErrorCode.VERSION_NOT_FOUND,
                        "Version " + version + " of the link \"" + code.value() + "\" is not in its history"))
                .link();
        LongUrl target = LongUrl.parse(wanted.target().value(), urlPolicy);
        blocklist.requireAllowed(target);
        Instant now = clock.instant();
        return change(code, now2 -> new Link(code, target, wanted.title(), now2.createdAt(), now2.creator(), wanted.status(),
                wanted.expiresAt(), wanted.redirectPolicy(), now2.idempotencyKey(), wanted.deletedAt()), (before, after) -> Change.restoredFrom(version, actor, now));
    }

    /** The most entries one page of a link's history holds. */
    public static final int MAX_HISTORY_PAGE = 100;

    /**
     * A page of a link's history, newest first: each change with who made it, when, and the link
     * before and after it.
     *
     * @param before only versions older than this one (the previous page's {@link HistoryPage#next()})
     * @throws LinkNotFoundException if no link has the code
     * @throws InvalidRequestException for a limit outside 1 to {@value #MAX_HISTORY_PAGE} or a {@code before} below 2
     */
    public HistoryPage history(ShortCode code, Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_HISTORY_PAGE) {
            throw InvalidRequestException.of("A page holds 1 to " + MAX_HISTORY_PAGE + " changes, not " + limit);
        }
        if (before.isPresent() && before.get() < 2) {
            throw InvalidRequestException.of("'before' is a version number from 2 up, not " + before.get());
        }
        LinkVersion current = links.findLatestVersion(code).orElseThrow(() -> LinkNotFoundException.forCode(code));
        long newest = Math.min(current.version(), before.map(b -> b - 1).orElse(current.version()));
        long oldest = Math.max(1, newest - limit + 1);
        Map<Long, LinkVersion> known = new HashMap<>();
        if (newest == current.version()) {
            known.put(current.version(), current);
        }
        long archivedTo = Math.min(newest, current.version() - 1);
        long archivedFrom = Math.max(1, oldest - 1);
        if (archivedFrom <= archivedTo) {
            for (LinkVersion archived : links.archivedVersions(code, archivedFrom, archivedTo)) {
                known.putIfAbsent(archived.version(), archived);
            }
        }
        if (archivedFrom == 1 && !known.containsKey(1L) && current.version() == 1) {
            known.put(1L, current);
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (long v = newest; v >= oldest; v--) {
            LinkVersion version = known.get(v);
            if (version == null) {
                continue; // not archived: cannot happen through LinkStore.replace, shown as a gap rather than invented
            }
            LinkVersion previous = known.get(v - 1);
            entries.add(new AuditEntry(v, version.change(), previous == null ? null : previous.link(), version.link()));
        }
        return new HistoryPage(current.version(), entries, oldest > 1 ? Optional.of(oldest) : Optional.empty());
    }

    private Optional<LinkVersion> versionOf(ShortCode code, long version, LinkVersion current) {
        if (version == current.version()) {
            return Optional.of(current);
        }
        return links.archivedVersions(code, version, version).stream().findFirst();
    }

    /**
     * Read, apply {@code change}, then a compare-and-set that archives the version it replaces and
     * records who made the change ({@link LinkStore#replace(LinkVersion, Link, Change)}); when another
     * change came in between, read again and re-apply (every change here sets values, so re-applying
     * is safe, and a retried request whose first attempt was applied finds nothing left to change,
     * and records nothing).
     */
    private Link change(ShortCode code, Creator actor, UnaryOperator<Link> change) {
        Instant now = clock.instant();
        return change(code, change, (before, after) -> Change.of(ChangeKinds.between(before, after), actor, now));
    }

    private Link change(ShortCode code, UnaryOperator<Link> change, BiFunction<Link, Link, Change> record) {
        for (int attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
            LinkVersion current = links.findLatestVersion(code).orElseThrow(() -> LinkNotFoundException.forCode(code));
            Link updated = change.apply(current.link());
            if (updated.equals(current.link()) || links.replace(current, updated, record.apply(current.link(), updated))) {
                return updated;
            }
        }
        throw new StoreUnavailableException("the link \"" + code.value() + "\" kept changing while it was being changed",
                Duration.ofSeconds(1), null);
    }

    // ---------------------------------------------------------------------------------------------

    private Link insertWithRetries(Link template, boolean customCode) {
        Link candidate = template;
        for (int attempt = 1; ; attempt++) {
            try {
                links.insertNew(candidate);
                return candidate;
            } catch (CodeTakenException taken) {
                if (customCode) {
                    throw taken;
                }
                if (attempt >= MAX_GENERATED_ATTEMPTS) {
                    throw codeSpaceCrowded(taken);
                }
                candidate = candidate.withCode(nextGeneratedCode());
            }
        }
    }

    private CreatedLink createIdempotently(Link template, boolean customCode, String scopedKey) {
        String fingerprint = fingerprint(template, customCode);
        IdempotencyRecord mine = new IdempotencyRecord(scopedKey, fingerprint, template.code(), template.createdAt());
        Optional<IdempotencyRecord> earlier = idempotency.claim(mine);
        if (earlier.isPresent() && !earlier.get().fingerprint().equals(fingerprint)) {
            throw new InvalidRequestException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key for a new link");
        }
        IdempotencyRecord record = earlier.orElse(mine);
        for (int attempt = 1; ; attempt++) {
            Link candidate = template.withCode(record.code()).withIdempotencyKey(scopedKey);
            try {
                links.insertNew(candidate);
                return new CreatedLink(candidate, false);
            } catch (CodeTakenException taken) {
                Optional<Link> holder = links.findLatest(record.code());
                if (holder.isPresent() && scopedKey.equals(holder.get().idempotencyKey())) {
                    return new CreatedLink(holder.get(), true);
                }
                if (customCode) {
                    throw taken;
                }
                if (attempt >= MAX_GENERATED_ATTEMPTS) {
                    throw codeSpaceCrowded(taken);
                }
                record = idempotency.reassign(scopedKey, record.code(), nextGeneratedCode());
            }
        }
    }

    private ShortCode nextGeneratedCode() {
        while (true) {
            ShortCode code = codes.next();
            if (!codePolicy.isReserved(code.value())) {
                return code;
            }
        }
    }

    private static StoreUnavailableException codeSpaceCrowded(CodeTakenException cause) {
        return new StoreUnavailableException("no free short code found after " + MAX_GENERATED_ATTEMPTS + " attempts",
                Duration.ofSeconds(1), cause);
    }

    /** Keys are per client: two clients that happen to pick the same key do not see each other's links. */
    private static String scopedKey(Creator creator, String key) {
        return creator.id() + " " + IdempotencyKeys.requireValid(key);
    }

    private static String fingerprint(Link template, boolean customCode) {
        String canonical = String.join("\u0000",
                template.target().value(),
                customCode ? template.code().value() : "",
                template.title(),
                template.expiresAt() == null ? "" : template.expiresAt().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Control characters removed, whitespace runs collapsed, trimmed; at most {@value #MAX_TITLE_LENGTH} characters. */
    static String normaliseTitle(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT && cp != 0x200D
                    || Character.getType(cp) == Character.SURROGATE) { // a lone surrogate cannot be stored as UTF-8
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        String title = out.toString();
        if (title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
            throw new InvalidRequestException(ErrorCode.INVALID_TITLE,
                    "A title can have at most " + MAX_TITLE_LENGTH + " characters");
        }
        return title;
    }
}
