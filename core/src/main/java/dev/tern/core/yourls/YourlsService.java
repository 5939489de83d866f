package dev.tern.core.yourls;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.error.CodeTakenException;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The use cases of YOURLS's API ({@code yourls-api.php}) over Tern's stores: {@code shorturl},
 * {@code expand}, {@code url-stats}, {@code stats} and {@code db-stats}, with YOURLS's rules for
 * keywords, unique URLs and titles, and Tern's for URLs and uniqueness (a conditional write, so no
 * two links ever get one keyword). Answers are typed; turning them into YOURLS's replies is the
 * handler's job.
 *
 * <p>Deleted links do not exist here. Disabled and expired links are shown as they are stored: YOURLS
 * had neither state, and a migrated link Tern disabled (a {@code file:} URL, a bare word) was an
 * ordinary link to YOURLS's clients.
 */
public final class YourlsService {
    /** The most links one {@code stats} call lists (YOURLS has no limit; a reply this long is already 300 KB). */
    public static final int MAX_STATS_LIMIT = 1000;
    /** Titles are cut to this many characters (YOURLS keeps any length; a Tern link's title is bounded). */
    public static final int MAX_TITLE_LENGTH = 500;
    /** Generated keywords tried before giving up (each try claims a new id): a run this long of taken ids is a broken counter. */
    static final int MAX_GENERATED_ATTEMPTS = 100;
    /** {@code rand} draws from this many links at most, read from a random place of the ranking. */
    static final int RAND_WINDOW = 5000;
    private static final int PAGE = 100;
    private static final Pattern TAG = Pattern.compile("<[^>]*>?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final LinkStore links;
    private final ClickCounterStore clicks;
    private final LinkRanking ranking;
    private final YourlsSiteStore sites;
    private final CodePolicy codePolicy;
    private final UrlPolicy urlPolicy;
    private final String siteUrl;
    private final Clock clock;
    private final RandomGenerator random;
    private final dev.tern.core.abuse.Blocklist blocklist;

    /**
     * @param siteUrl the site's public address without a trailing {@code /} ({@code YOURLS_SITE}); a
     *                full short URL is this, {@code /} and the keyword
     * @param random  for {@code stats} with {@code filter=rand} only
     */
    public YourlsService(LinkStore links, ClickCounterStore clicks, LinkRanking ranking, YourlsSiteStore sites,
            CodePolicy codePolicy, UrlPolicy urlPolicy, String siteUrl, Clock clock, RandomGenerator random) {
        this(links, clicks, ranking, sites, codePolicy, urlPolicy, siteUrl, clock, random, dev.tern.core.abuse.Blocklist.NONE);
    }

    /**
     * @param blocklist hosts refused by {@code shorturl} (a {@link TernException} with
     *                  {@link ErrorCode#BLOCKED_URL}, which the handler answers as {@code error:blocked-url})
     */
    public YourlsService(LinkStore links, ClickCounterStore clicks, LinkRanking ranking, YourlsSiteStore sites,
            CodePolicy codePolicy, UrlPolicy urlPolicy, String siteUrl, Clock clock, RandomGenerator random,
            dev.tern.core.abuse.Blocklist blocklist) {
        this.blocklist = Objects.requireNonNull(blocklist, "blocklist");
        this.links = Objects.requireNonNull(links, "links");
        this.clicks = Objects.requireNonNull(clicks, "clicks");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.codePolicy = Objects.requireNonNull(codePolicy, "codePolicy");
        this.urlPolicy = Objects.requireNonNull(urlPolicy, "urlPolicy");
        this.siteUrl = stripTrailingSlash(Objects.requireNonNull(siteUrl, "siteUrl"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The site's YOURLS settings (users, keyword rules, unique-URL mode), read once per request by the caller. */
    public YourlsSite site() {
        return sites.load();
    }

    /**
     * {@code shorturl}, in YOURLS's order of checks: the URL (missing or refused, then a loop), the
     * existing link in unique-URL mode, the title, then the custom keyword or a generated one.
     */
    public Shortened shorturl(YourlsSite site, ShortenRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            return new Shortened.MissingOrMalformedUrl("A URL is required");
        }
        LongUrl target;
        try {
            target = LongUrl.parse(request.url(), urlPolicy);
        } catch (TernException refused) {
            if (refused.code() == ErrorCode.REDIRECT_LOOP) {
                return new Shortened.ShortUrlLoop();
            }
            return new Shortened.MissingOrMalformedUrl(refused.detail());
        }
        blocklist.requireAllowed(target);
        if (site.uniqueUrls() || request.sourceIsPlugin()) {
            Optional<Link> existing = firstStoredWithTarget(target);
            if (existing.isPresent()) {
                return new Shortened.AlreadyStored(target.value(), existing.get(), clicks.total(existing.get().code()));
            }
        }
        String title = title(request.title(), target);
        YourlsKeywords keywords = YourlsKeywords.of(site, codePolicy);
        if (isPhpTruthy(request.keyword())) {
            return createWithKeyword(keywords.sanitise(request.keyword()), keywords, target, title, request);
        }
        return createWithGeneratedKeyword(keywords, target, title, request);
    }

    /** {@code expand}: the link of a keyword or full short URL of this site. */
    public KeywordLookup<Link> expand(String shorturl) {
        String keyword = keywordOf(shorturl);
        return new KeywordLookup<>(keyword, visible(keyword));
    }

    /** {@code url-stats}: the link of a keyword or full short URL of this site, with its clicks. */
    public KeywordLookup<YourlsLink> urlStats(String shorturl) {
        String keyword = keywordOf(shorturl);
        return new KeywordLookup<>(keyword, visible(keyword).map(link -> new YourlsLink(link, clicks.total(link.code()))));
    }

    /**
     * {@code stats}: up to {@code limit} links in the filter's order after skipping {@code start}, and
     * the site's totals. A limit of 0 or less lists nothing (YOURLS gives only the totals then); more
     * than {@value #MAX_STATS_LIMIT} lists {@value #MAX_STATS_LIMIT}.
     */
    public SiteStats stats(StatsFilter filter, int limit, int start) {
        SiteTotals totals = ranking.totals();
        if (limit <= 0) {
            return new SiteStats(List.of(), totals);
        }
        int wanted = Math.min(limit, MAX_STATS_LIMIT);
        int skip = Math.max(0, start);
        List<YourlsLink> listed = switch (filter) {
            case TOP -> ranked(RankOrder.MOST_CLICKED, skip, wanted);
            case BOTTOM -> ranked(RankOrder.LEAST_CLICKED, skip, wanted);
            case LAST -> newest(skip, wanted);
            case RAND -> sample(totals, wanted);
        };
        return new SiteStats(listed, totals);
    }

    /** {@code db-stats}: the number of links and of clicks. */
    public SiteTotals dbStats() {
        return ranking.totals();
    }

    // ---------------------------------------------------------------------------------------------

    private Shortened createWithKeyword(String keyword, YourlsKeywords keywords, LongUrl target, String title,
            ShortenRequest request) {
        if (keywords.isReserved(keyword)) {
            return new Shortened.KeywordUnavailable(keyword);
        }
        if (keyword.length() > ShortCode.MAX_LENGTH) {
            return new Shortened.KeywordTooLong(keyword, ShortCode.MAX_LENGTH);
        }
        Link link = Link.newActive(new ShortCode(keyword), target, title, clock.instant(), request.creator());
        try {
            links.insertNew(link);
            return new Shortened.Created(link);
        } catch (CodeTakenException taken) {
            return new Shortened.KeywordUnavailable(keyword);
        }
    }

    /**
     * YOURLS's generator: the next id in the site's base, skipping reserved and taken keywords. The
     * insert is conditional, so a keyword taken meanwhile (or an id claimed twice, which replicated
     * counters of two regions can do) only costs another id.
     */
    private Shortened createWithGeneratedKeyword(YourlsKeywords keywords, LongUrl target, String title,
            ShortenRequest request) {
        for (int attempt = 0; attempt < MAX_GENERATED_ATTEMPTS; attempt++) {
            String keyword = keywords.fromId(sites.claimNextId());
            if (keywords.isReserved(keyword)) {
                continue;
            }
            Link link = Link.newActive(new ShortCode(keyword), target, title, clock.instant(), request.creator());
            try {
                links.insertNew(link);
                return new Shortened.Created(link);
            } catch (CodeTakenException taken) {
                // taken: the next id
            }
        }
        throw new StoreUnavailableException("no free keyword among the next " + MAX_GENERATED_ATTEMPTS + " ids",
                Duration.ofSeconds(1), null);
    }

    /** YOURLS answers the stored link with the lowest keyword (its index order) among those with the URL. */
    private Optional<Link> firstStoredWithTarget(LongUrl target) {
        return links.findByTarget(target).stream()
                .filter(link -> link.status() != LinkStatus.DELETED)
                .filter(link -> link.target().equals(target))
                .min(Comparator.comparing(link -> link.code().value()));
    }

    /**
     * {@code yourls_sanitize_title}: tags stripped (their text kept), whitespace runs made one space,
     * trimmed. Tern never fetches the page's title: without one the URL is the title, which is what
     * YOURLS stores when its fetch fails. PHP's {@code empty()} also takes {@code "0"} for no title.
     */
    static String title(String raw, LongUrl target) {
        if (raw == null || raw.isEmpty() || "0".equals(raw)) {
            return cut(target.value());
        }
        String withoutTags = TAG.matcher(raw).replaceAll("");
        StringBuilder visible = new StringBuilder(withoutTags.length());
        withoutTags.codePoints()
                .filter(cp -> !Character.isISOControl(cp) || Character.isWhitespace(cp))
                .forEach(visible::appendCodePoint);
        return cut(WHITESPACE.matcher(visible.toString().strip()).replaceAll(" "));
    }

    private static String cut(String title) {
        if (title.codePointCount(0, title.length()) <= MAX_TITLE_LENGTH) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, MAX_TITLE_LENGTH));
    }

    /** PHP's truthiness of a request string: {@code ""} and {@code "0"} are false. */
    private static boolean isPhpTruthy(String value) {
        return value != null && !value.isEmpty() && !"0".equals(value);
    }

    /** {@code str_replace(YOURLS_SITE . '/', '', $shorturl)}: accepts {@code abc} or {@code http://sho.rt/abc}. */
    private String keywordOf(String shorturl) {
        return shorturl == null ? "" : shorturl.replace(siteUrl + "/", "");
    }

    private Optional<Link> visible(String keyword) {
        if (!ShortCode.isValid(keyword)) {
            return Optional.empty();
        }
        return links.find(new ShortCode(keyword)).filter(link -> link.status() != LinkStatus.DELETED);
    }

    /** The ranking's entries in order, skipping any whose link is gone meanwhile (deleted, or never stored). */
    private List<YourlsLink> ranked(RankOrder order, int skip, int wanted) {
        List<YourlsLink> listed = new ArrayList<>(wanted);
        int offset = 0;
        int skipped = 0;
        while (listed.size() < wanted) {
            int chunk = Math.min(MAX_STATS_LIMIT, skip - skipped + wanted - listed.size());
            List<RankedLink> entries = ranking.ranked(order, offset, chunk);
            for (RankedLink entry : entries) {
                Optional<Link> link = links.find(entry.code()).filter(l -> l.status() != LinkStatus.DELETED);
                if (link.isEmpty()) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                } else if (listed.size() < wanted) {
                    listed.add(new YourlsLink(link.get(), entry.clicks()));
                }
            }
            if (entries.size() < chunk) {
                break;
            }
            offset += entries.size();
        }
        return listed;
    }

    private List<YourlsLink> newest(int skip, int wanted) {
        List<YourlsLink> listed = new ArrayList<>(wanted);
        Optional<String> cursor = Optional.empty();
        int skipped = 0;
        do {
            LinkPage page = links.list(Optional.empty(), cursor, PAGE);
            for (Link link : page.links()) {
                if (link.status() == LinkStatus.DELETED) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                } else if (listed.size() < wanted) {
                    listed.add(new YourlsLink(link, clicks.total(link.code())));
                }
            }
            cursor = page.next();
        } while (listed.size() < wanted && cursor.isPresent());
        return listed;
    }

    /**
     * {@code rand}: {@code wanted} links drawn from a window of the least-clicked ranking that starts
     * at a random place (on sites of more than {@value #RAND_WINDOW} links, among the first
     * {@value #RAND_WINDOW} of that order), so the cost stays bounded whatever the site's size.
     */
    private List<YourlsLink> sample(SiteTotals totals, int wanted) {
        long population = Math.min(totals.links(), RAND_WINDOW);
        int window = (int) Math.min(population, Math.max(wanted * 4L, 100));
        int start = population > window ? random.nextInt((int) (population - window) + 1) : 0;
        List<YourlsLink> pool = new ArrayList<>(ranked(RankOrder.LEAST_CLICKED, start, window));
        Collections.shuffle(pool, random instanceof java.util.Random r ? r : new java.util.Random(random.nextLong()));
        return pool.subList(0, Math.min(wanted, pool.size()));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
