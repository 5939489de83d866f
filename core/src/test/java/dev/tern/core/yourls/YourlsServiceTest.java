package dev.tern.core.yourls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YourlsServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Creator ADMIN = new Creator("yourls-api:admin");
    private static final YourlsSite SITE = new YourlsSite(Map.of("admin", "secret"), "key", false, 36, false,
            Set.of("porn"), true);

    private final Fakes.Links links = new Fakes.Links();
    private final Fakes.Clicks clicks = new Fakes.Clicks();
    private final Fakes.Sites sites = new Fakes.Sites();
    private YourlsService service;

    @BeforeEach
    void setUp() {
        sites.site = SITE;
        service = new YourlsService(new RankingLinkStore(links, clicks), clicks, clicks, sites, CodePolicy.defaults(),
                UrlPolicy.defaults(Set.of("sho.rt")), "https://sho.rt/", Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));
    }

    private Shortened shorten(String url, String keyword, String title) {
        return service.shorturl(sites.site, new ShortenRequest(url, keyword, title, false, ADMIN));
    }

    private Link stored(String code, String url, Instant createdAt) {
        Link link = Link.newActive(new ShortCode(code), LongUrl.fromStored(url), code + " title", createdAt, Creator.UNKNOWN);
        new RankingLinkStore(links, clicks).insertNew(link);
        return link;
    }

    private static Link created(Shortened outcome) {
        assertThat(outcome).isInstanceOf(Shortened.Created.class);
        return ((Shortened.Created) outcome).link();
    }

    @Test
    void shorturl_withoutKeyword_generatesTheNextIdInTheSitesBase() {
        sites.raiseNextIdTo(4236);

        Link link = created(shorten("https://fixtures.example.com/auto/json?q=1&lang=fr#top", null, "Fixture — ünïcode 🚀"));

        assertThat(link.code().value()).isEqualTo("39o");
        assertThat(link.target().value()).isEqualTo("https://fixtures.example.com/auto/json?q=1&lang=fr#top");
        assertThat(link.title()).isEqualTo("Fixture — ünïcode 🚀");
        assertThat(link.createdAt()).isEqualTo(NOW);
        assertThat(link.creator()).isEqualTo(ADMIN);
        assertThat(links.find(new ShortCode("39o"))).contains(link);
        assertThat(clicks.registered).as("a new link is ranked (with 0 clicks)").contains(link.code());
    }

    @Test
    void shorturl_generatedKeywordTakenOrReserved_isSkippedForTheNextId() {
        stored("1", "https://example.com/one", NOW);
        sites.site = new YourlsSite(Map.of(), "", false, 36, false, Set.of("2"), true);

        Link link = created(shorten("https://example.com/x", "", null));

        assertThat(link.code().value()).isEqualTo("3");
        assertThat(sites.last).isEqualTo(3);
    }

    @Test
    void shorturl_keywordZero_meansNoKeyword() {
        assertThat(created(shorten("https://example.com/zero", "0", null)).code().value()).isEqualTo("1");
    }

    @Test
    void shorturl_customKeyword_isSanitisedByDeletingCharacters() {
        assertThat(created(shorten("https://example.com/m", "MixedCasejson", "t")).code().value()).isEqualTo("ixedasejson");
    }

    @Test
    void shorturl_keywordWithNothingLeft_isKeywordErrorWithEmptyKeyword() {
        assertThat(shorten("https://example.com/m", "ABCDEF", "t")).isEqualTo(new Shortened.KeywordUnavailable(""));
    }

    @Test
    void shorturl_takenKeyword_isKeywordError() {
        stored("ozh", "https://ozh.org/", NOW);

        assertThat(shorten("https://example.com/other", "ozh", "t")).isEqualTo(new Shortened.KeywordUnavailable("ozh"));
    }

    @Test
    void shorturl_reservedKeywords_areKeywordErrors() {
        assertThat(shorten("https://example.com/r", "admin", "t")).isEqualTo(new Shortened.KeywordUnavailable("admin"));
        assertThat(shorten("https://example.com/r", "porn", "t")).isEqualTo(new Shortened.KeywordUnavailable("porn"));
        assertThat(shorten("https://example.com/r", "status", "t")).isEqualTo(new Shortened.KeywordUnavailable("status"));
    }

    @Test
    void shorturl_keywordLongerThanACode_saysSo() {
        assertThat(shorten("https://example.com/r", "k".repeat(101), "t"))
                .isEqualTo(new Shortened.KeywordTooLong("k".repeat(101), ShortCode.MAX_LENGTH));
    }

    @Test
    void shorturl_missingOrRefusedUrl_isNoUrl() {
        assertThat(shorten(null, null, null)).isInstanceOf(Shortened.MissingOrMalformedUrl.class);
        assertThat(shorten("  ", null, null)).isInstanceOf(Shortened.MissingOrMalformedUrl.class);
        assertThat(shorten("javascript:alert(1)", null, null)).isInstanceOf(Shortened.MissingOrMalformedUrl.class);
        assertThat(links.links).isEmpty();
    }

    @Test
    void shorturl_shortUrlOfThisSite_isNoLoop() {
        assertThat(shorten("https://sho.rt/ozh", null, null)).isEqualTo(new Shortened.ShortUrlLoop());
    }

    @Test
    void shorturl_storedUrl_uniqueModeOff_createsAnotherLink() {
        stored("yourls", "https://yourls.org/", NOW.minusSeconds(60));

        assertThat(created(shorten("https://yourls.org/", null, "dup")).code().value()).isEqualTo("1");
    }

    @Test
    void shorturl_storedUrl_sourcePlugin_answersTheLowestKeywordWithItsClicks() {
        stored("yourls", "https://yourls.org/", NOW.minusSeconds(60));
        stored("39p", "https://yourls.org/", NOW);
        clicks.set("39p", 4);

        Shortened outcome = service.shorturl(SITE, new ShortenRequest("https://yourls.org/", "wanted", "t", true, ADMIN));

        assertThat(outcome).isInstanceOf(Shortened.AlreadyStored.class);
        Shortened.AlreadyStored stored = (Shortened.AlreadyStored) outcome;
        assertThat(stored.existing().code().value()).isEqualTo("39p");
        assertThat(stored.clicks()).isEqualTo(4);
        assertThat(stored.requestedUrl()).isEqualTo("https://yourls.org/");
    }

    @Test
    void shorturl_storedUrl_siteInUniqueMode_ignoresDeletedLinks() {
        YourlsSite unique = new YourlsSite(Map.of(), "", true, 36, false, Set.of(), true);
        Link deleted = stored("old", "https://example.com/u", NOW);
        links.replace(deleted, deleted.softDeleted(NOW));

        assertThat(service.shorturl(unique, new ShortenRequest("https://example.com/u", null, null, false, ADMIN)))
                .isInstanceOf(Shortened.Created.class);
        assertThat(service.shorturl(unique, new ShortenRequest("https://example.com/u", null, null, false, ADMIN)))
                .isInstanceOf(Shortened.AlreadyStored.class);
    }

    @Test
    void shorturl_title_tagsStrippedWhitespaceCollapsed_orTheUrlWhenNone() {
        assertThat(created(shorten("https://example.com/t1", null, "  <b>Bold</b>\n\t title  ")).title()).isEqualTo("Bold title");
        assertThat(created(shorten("https://example.com/t2", null, null)).title()).isEqualTo("https://example.com/t2");
        assertThat(created(shorten("https://example.com/t3", null, "0")).title()).isEqualTo("https://example.com/t3");
        assertThat(created(shorten("https://example.com/t4", null, "x".repeat(600))).title()).hasSize(500);
    }

    @Test
    void expand_keywordOrFullShortUrl_findsTheLink_deletedOnesNot() {
        Link ozh = stored("ozh", "https://ozh.org/", NOW);
        Link gone = stored("gone", "https://example.com/gone", NOW);
        links.replace(gone, gone.softDeleted(NOW));
        Link disabled = stored("off", "file:///etc/passwd", NOW);
        links.replace(disabled, disabled.withStatus(LinkStatus.DISABLED));

        assertThat(service.expand("ozh")).isEqualTo(new KeywordLookup<>("ozh", java.util.Optional.of(ozh)));
        assertThat(service.expand("https://sho.rt/ozh").found()).contains(ozh);
        assertThat(service.expand("ozh+").found()).isEmpty();
        assertThat(service.expand("gone").found()).isEmpty();
        assertThat(service.expand("off").found()).as("disabled links show as YOURLS showed them").isPresent();
        assertThat(service.expand("nosuchkeyword")).isEqualTo(new KeywordLookup<Link>("nosuchkeyword", java.util.Optional.empty()));
    }

    @Test
    void urlStats_givesTheClicks() {
        Link ozh = stored("ozh", "https://ozh.org/", NOW);
        clicks.set("ozh", 7);

        assertThat(service.urlStats("https://sho.rt/ozh").found()).contains(new YourlsLink(ozh, 7));
        assertThat(service.urlStats("nope").found()).isEmpty();
    }

    @Test
    void stats_topBottomLast_withLimitAndStart() {
        stored("a", "https://example.com/a", NOW.minusSeconds(30));
        stored("b", "https://example.com/b", NOW.minusSeconds(20));
        stored("c", "https://example.com/c", NOW.minusSeconds(10));
        stored("d", "https://example.com/d", NOW);
        clicks.set("a", 5);
        clicks.set("b", 9);
        clicks.set("c", 1);

        assertThat(codes(service.stats(StatsFilter.TOP, 2, 0))).containsExactly("b", "a");
        assertThat(codes(service.stats(StatsFilter.TOP, 2, 1))).containsExactly("a", "c");
        assertThat(codes(service.stats(StatsFilter.BOTTOM, 2, 0))).containsExactly("d", "c");
        assertThat(codes(service.stats(StatsFilter.LAST, 3, 0))).containsExactly("d", "c", "b");
        assertThat(service.stats(StatsFilter.TOP, 1, 0).links()).containsExactly(new YourlsLink(links.links.get(new ShortCode("b")), 9));
        assertThat(service.stats(StatsFilter.TOP, 2, 0).totals()).isEqualTo(new SiteTotals(4, 15));
    }

    @Test
    void stats_limitZero_givesOnlyTheTotals() {
        stored("a", "https://example.com/a", NOW);

        SiteStats stats = service.stats(StatsFilter.TOP, 0, 0);

        assertThat(stats.links()).isEmpty();
        assertThat(stats.totals()).isEqualTo(new SiteTotals(1, 0));
    }

    @Test
    void stats_skipsDeletedLinks_inEveryOrder() {
        stored("a", "https://example.com/a", NOW.minusSeconds(2));
        Link b = stored("b", "https://example.com/b", NOW.minusSeconds(1));
        stored("c", "https://example.com/c", NOW);
        clicks.set("b", 3);
        links.replace(b, b.softDeleted(NOW)); // behind the ranking's back: it is still ranked

        assertThat(codes(service.stats(StatsFilter.TOP, 3, 0))).containsExactly("c", "a");
        assertThat(codes(service.stats(StatsFilter.LAST, 3, 0))).containsExactly("c", "a");
    }

    @Test
    void stats_rand_drawsDistinctExistingLinks() {
        for (int i = 0; i < 30; i++) {
            stored("r" + i, "https://example.com/r" + i, NOW.plusSeconds(i));
        }

        List<String> drawn = codes(service.stats(StatsFilter.RAND, 5, 0));

        assertThat(drawn).hasSize(5).doesNotHaveDuplicates().allMatch(code -> code.startsWith("r"));
    }

    @Test
    void statsFilter_unknownOrMissing_isTop() {
        assertThat(StatsFilter.fromParam("bogus")).isEqualTo(StatsFilter.TOP);
        assertThat(StatsFilter.fromParam(null)).isEqualTo(StatsFilter.TOP);
        assertThat(StatsFilter.fromParam("random")).isEqualTo(StatsFilter.RAND);
    }

    @Test
    void dbStats_isTheRankingsTotals() {
        stored("a", "https://example.com/a", NOW);
        clicks.set("a", 2);

        assertThat(service.dbStats()).isEqualTo(new SiteTotals(1, 2));
    }

    private static List<String> codes(SiteStats stats) {
        return stats.links().stream().map(l -> l.link().code().value()).toList();
    }
}
