package dev.tern.functions.yourls;

import java.util.List;
import java.util.Objects;

/**
 * Every reply {@code yourls-api.php} gives, with YOURLS 1.10's field names, order, value types and
 * messages (recorded in {@code testdata/yourls/fixtures}). Each method takes plain values — what the
 * use case found — and knows nothing of storage. One instance per site, since short URLs are built
 * from the site's address.
 *
 * <p>Status codes travel inside the reply as YOURLS puts them ({@code statusCode}/{@code errorCode},
 * as strings); {@link YourlsReply#httpStatus()} reads them back.
 */
public final class YourlsReplies {
    /** The YOURLS release whose API Tern reproduces; what {@code action=version} reports by default. */
    public static final String YOURLS_VERSION = "1.10.4";
    /** The database schema version of that release ({@code action=version&db=1}). */
    public static final String YOURLS_DB_VERSION = "507";

    static final String NEED_XML_OR_JSON = "Need either XML or JSON format for stats";
    static final String NOT_FOUND = "Error: short URL not found";
    static final String UNKNOWN_ACTION = "Unknown or missing \"action\" parameter";
    /** {@code yourls_trim_long_string}: messages show at most 60 characters of a URL. */
    private static final int MESSAGE_URL_LENGTH = 60;
    private static final String TRIMMED = "[...]";

    private final String site;

    /**
     * @param site the site's address as YOURLS_SITE held it, e.g. {@code https://sho.rt} (a trailing
     *             {@code /} is dropped); short URLs are {@code site + "/" + keyword}
     */
    public YourlsReplies(String site) {
        String trimmed = Objects.requireNonNull(site, "site").strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the site address is empty");
        }
        this.site = trimmed;
    }

    /** The site's address, without a trailing {@code /}. */
    public String site() {
        return site;
    }

    /** The short URL of {@code keyword} ({@code yourls_link}). */
    public String shortUrl(String keyword) {
        return site + "/" + keyword;
    }

    /**
     * What {@code expand} and {@code url-stats} make of their {@code shorturl} parameter before
     * sanitising it as a keyword: every {@code site + "/"} in it removed, so that both {@code abc} and
     * {@code https://sho.rt/abc} name {@code abc} (YOURLS's {@code str_replace}; {@code abc+} stays).
     */
    public String withoutSite(String shortUrlOrKeyword) {
        return shortUrlOrKeyword.replace(site + "/", "");
    }

    // ---- action=shorturl -------------------------------------------------------------------------

    /** {@code shorturl} created the link: 200, {@code status:"success"}; {@code simple} is the short URL. */
    public YourlsReply shortUrlCreated(YourlsLinkView link) {
        YourlsFields url = YourlsFields.builder()
                .text("keyword", link.keyword())
                .text("url", link.url())
                .put("title", YourlsValue.textOrNull(link.title()))
                .text("date", link.date())
                .text("ip", link.ip())
                .build();
        String shortUrl = shortUrl(link.keyword());
        YourlsFields fields = YourlsFields.builder()
                .text("status", "success")
                .text("code", "")
                .text("message", trimLongString(link.url()) + " added to database")
                .text("errorCode", "")
                .text("statusCode", "200")
                .nested("url", url)
                .put("title", YourlsValue.textOrNull(link.title()))
                .text("shorturl", shortUrl)
                .build();
        return new YourlsReply(fields, shortUrl);
    }

    /**
     * {@code error:url} (400): unique-URL mode is on and the URL is stored already; the reply carries
     * that link (with its clicks) and {@code simple} is its short URL. YOURLS shows the URL as it was
     * asked for, which is the stored one, since the link was found by exact match.
     */
    public YourlsReply urlAlreadyStored(YourlsLinkView existing) {
        YourlsFields url = YourlsFields.builder()
                .text("keyword", existing.keyword())
                .text("url", existing.url())
                .put("title", YourlsValue.textOrNull(existing.title()))
                .text("date", existing.date())
                .text("ip", existing.ip())
                .number("clicks", existing.clicks())
                .build();
        String shortUrl = shortUrl(existing.keyword());
        // YOURLS names the link by its short URL without the scheme: "sho.rt/abc".
        String shown = site.replaceAll("https?://", "") + "/" + existing.keyword();
        YourlsFields fields = failure("error:url",
                trimLongString(existing.url()) + " already exists in database (short URL: " + shown + ")", "400")
                .nested("url", url)
                .put("title", YourlsValue.textOrNull(existing.title()))
                .text("shorturl", shortUrl)
                .build();
        return new YourlsReply(fields, shortUrl);
    }

    /**
     * {@code error:keyword} (400): the custom keyword, after sanitising, is taken, reserved or empty
     * (YOURLS then says {@code "Short URL  already exists…"} with two spaces).
     */
    public YourlsReply keywordUnavailable(String keyword) {
        return shortUrlFailure("error:keyword",
                "Short URL " + keyword + " already exists in database or is reserved", 400);
    }

    /** {@code error:nourl} (400): no URL, or one that is refused (a forbidden scheme, blank…). */
    public YourlsReply missingOrMalformedUrl() {
        return shortUrlFailure("error:nourl", "Missing or malformed URL", 400);
    }

    /** {@code error:noloop} (400): the URL is a short URL of this site. */
    public YourlsReply urlIsShortUrl() {
        return shortUrlFailure("error:noloop", "URL is a short URL", 400);
    }

    /** {@code error:db} (500): the link could not be saved. */
    public YourlsReply databaseError() {
        return shortUrlFailure("error:db", "Error saving url to database", 500);
    }

    /**
     * Any other failure of {@code shorturl}, shaped like YOURLS's: {@code status:"fail"}, the given
     * {@code code} and message, {@code errorCode}/{@code statusCode} = {@code httpStatus}; {@code simple}
     * prints nothing. For the cases where Tern answers more plainly than YOURLS (a keyword longer than
     * 100 characters is {@code error:keyword} 400 here, not an SQL error with 503).
     */
    public YourlsReply shortUrlFailure(String code, String message, int httpStatus) {
        return new YourlsReply(failure(code, message, statusText(httpStatus)).build(), "");
    }

    // ---- action=expand ---------------------------------------------------------------------------

    /** {@code expand} found the keyword: 200; {@code simple} is the long URL. A {@code null} title is PHP's {@code false}. */
    public YourlsReply expanded(String keyword, String longUrl, String title) {
        YourlsFields fields = YourlsFields.builder()
                .text("keyword", keyword)
                .text("shorturl", shortUrl(keyword))
                .text("longurl", longUrl)
                // yourls_get_keyword_title() answers false, not null, for a NULL title.
                .put("title", title == null ? YourlsValue.Literal.FALSE : YourlsValue.text(title))
                .text("message", "success")
                .text("statusCode", "200")
                .build();
        return new YourlsReply(fields, longUrl);
    }

    /** {@code expand} did not find {@code keyword} (the keyword it looked for, after sanitising): 404. */
    public YourlsReply expandNotFound(String keyword) {
        YourlsFields fields = YourlsFields.builder()
                .text("keyword", keyword)
                .text("message", NOT_FOUND)
                .text("errorCode", "404")
                .build();
        return new YourlsReply(fields, "not found");
    }

    // ---- action=url-stats ------------------------------------------------------------------------

    /** {@code url-stats} for one link: 200. */
    public YourlsReply urlStats(YourlsLinkView link) {
        YourlsFields fields = YourlsFields.builder()
                .text("statusCode", "200")
                .text("message", "success")
                .nested("link", linkStats(link))
                .build();
        return new YourlsReply(fields, NEED_XML_OR_JSON);
    }

    /** {@code url-stats} for a keyword that does not exist: 404. */
    public YourlsReply urlStatsNotFound() {
        YourlsFields fields = YourlsFields.builder()
                .text("statusCode", "404")
                .text("message", NOT_FOUND)
                .build();
        return new YourlsReply(fields, NEED_XML_OR_JSON);
    }

    // ---- action=stats and db-stats ---------------------------------------------------------------

    /**
     * {@code stats}: the links the filter chose, in order, as {@code link_1 … link_n}, then the totals.
     * With no links (no {@code limit}, or none found) the reply has the totals only, as in YOURLS.
     */
    public YourlsReply stats(List<YourlsLinkView> links, YourlsTotals totals) {
        YourlsFields.Builder fields = YourlsFields.builder();
        if (!links.isEmpty()) {
            YourlsFields.Builder listed = YourlsFields.builder();
            int position = 1;
            for (YourlsLinkView link : links) {
                listed.nested("link_" + position++, linkStats(link));
            }
            fields.nested("links", listed.build());
        }
        fields.nested("stats", totals(totals))
                .text("statusCode", "200")
                .text("message", "success");
        return new YourlsReply(fields.build(), NEED_XML_OR_JSON);
    }

    /** {@code db-stats}: the totals only. */
    public YourlsReply dbStats(YourlsTotals totals) {
        YourlsFields fields = YourlsFields.builder()
                .nested("db-stats", totals(totals))
                .text("statusCode", "200")
                .text("message", "success")
                .build();
        return new YourlsReply(fields, NEED_XML_OR_JSON);
    }

    // ---- action=version and the rest -------------------------------------------------------------

    /** {@code version}; {@code dbVersion} (for {@code db=1}) may be {@code null}. {@code simple} is the version. */
    public YourlsReply version(String version, String dbVersion) {
        YourlsFields.Builder fields = YourlsFields.builder().text("version", version);
        if (dbVersion != null) {
            fields.text("db_version", dbVersion);
        }
        return new YourlsReply(fields.build(), version);
    }

    /** No {@code action}, or one YOURLS does not know: 400. */
    public YourlsReply unknownAction() {
        return error(400, UNKNOWN_ACTION);
    }

    /**
     * An error outside YOURLS's own set (the request could not be read, the store is unavailable, too
     * many requests): {@code errorCode} and {@code message}, shaped like YOURLS's unknown-action error
     * so clients that read {@code errorCode} and {@code message} show it; {@code simple} is the message.
     */
    public YourlsReply error(int httpStatus, String message) {
        YourlsFields fields = YourlsFields.builder()
                .text("errorCode", statusText(httpStatus))
                .text("message", message)
                .build();
        return new YourlsReply(fields, message);
    }

    /** The request itself could not be read ({@link YourlsParams#fromRequest}): its status and message. */
    public YourlsReply requestRejected(YourlsRequestException rejection) {
        return error(rejection.httpStatus(), rejection.getMessage());
    }

    /**
     * YOURLS's authentication failure (its {@code auth.php}): 403 with the message, and {@code callback}
     * from the {@code callback} parameter only (empty when absent) — this reply never passes through
     * the part of {@code yourls-api.php} that also reads {@code jsonp}.
     */
    static YourlsReply authenticationFailed(String message, String callback) {
        YourlsFields fields = YourlsFields.builder()
                .text("message", message)
                .text("errorCode", "403")
                .text("callback", callback)
                .build();
        return new YourlsReply(fields, message);
    }

    /**
     * {@code yourls_trim_long_string}: a string longer than 60 characters (code points, as PHP's
     * {@code mb_strlen}) becomes its first 55 followed by {@code [...]}.
     */
    static String trimLongString(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= MESSAGE_URL_LENGTH) {
            return value;
        }
        int keep = MESSAGE_URL_LENGTH - TRIMMED.length();
        return value.substring(0, value.offsetByCodePoints(0, keep)) + TRIMMED;
    }

    private static YourlsFields.Builder failure(String code, String message, String status) {
        return YourlsFields.builder()
                .text("status", "fail")
                .text("code", code)
                .text("message", message)
                .text("errorCode", status)
                .text("statusCode", status);
    }

    private YourlsFields linkStats(YourlsLinkView link) {
        return YourlsFields.builder()
                .text("shorturl", shortUrl(link.keyword()))
                .text("url", link.url())
                .put("title", YourlsValue.textOrNull(link.title()))
                .text("timestamp", link.date())
                .text("ip", link.ip())
                .number("clicks", link.clicks())
                .build();
    }

    private static YourlsFields totals(YourlsTotals totals) {
        return YourlsFields.builder()
                .number("total_links", totals.links())
                .number("total_clicks", totals.clicks())
                .build();
    }

    private static String statusText(int httpStatus) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + httpStatus);
        }
        return Integer.toString(httpStatus);
    }
}
