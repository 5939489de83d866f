package dev.tern.functions.yourls;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.yourls.KeywordLookup;
import dev.tern.core.yourls.ShortenRequest;
import dev.tern.core.yourls.Shortened;
import dev.tern.core.yourls.SiteStats;
import dev.tern.core.yourls.SiteTotals;
import dev.tern.core.yourls.StatsFilter;
import dev.tern.core.yourls.YourlsLink;
import dev.tern.core.yourls.YourlsService;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.CreateLimits;
import dev.tern.functions.HttpRequest;
import dev.tern.functions.Wiring;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * YOURLS's {@code yourls-api.php} (API Gateway route {@code ANY /yourls-api.php}), so that clients
 * written for YOURLS keep working: read the parameters as PHP would ({@link YourlsParams}),
 * authenticate as YOURLS does ({@link YourlsAuthenticator}), run the action's use case
 * ({@link YourlsService}), and answer with YOURLS's reply ({@link YourlsReplies}) in the format asked
 * for ({@link YourlsFormats}).
 *
 * <p>Actions: {@code shorturl}, {@code expand}, {@code url-stats}, {@code stats}, {@code db-stats},
 * {@code version}; anything else is YOURLS's 400. A store that throttles or does not answer is a
 * YOURLS-shaped 503 with {@code Retry-After}; {@code shorturl} over its rate limit (per user, or per
 * hashed address for the public API) is a YOURLS-shaped 429 {@code error:flood} with {@code Retry-After};
 * a blocklisted host is {@code error:blocked-url}; anything unexpected is logged once and answered as a
 * YOURLS-shaped 500 without details. Dates are shown in UTC.
 */
public final class YourlsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String PATH = "/yourls-api.php";
    private static final String UNAVAILABLE = "The service is busy right now; please retry shortly";
    private static final String INTERNAL = "Something went wrong on our side; please retry later";
    /** YOURLS's own words when one address adds links too fast ({@code yourls_check_IP_flood}). */
    static final String FLOOD = "Too many URLs added too fast. Slow down please.";
    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final Wiring wiring;
    private final YourlsReplies replies;
    private final Clock clock;

    /** The Lambda entry point: the container's shared {@link Wiring#fromEnv()}. */
    public YourlsApiHandler() {
        this(Wiring.fromEnv());
        dev.tern.functions.SnapStartPriming.add("yourls-api", this::prime);
    }

    /** SnapStart priming, without credentials: params, the site's settings (a DynamoDB read), auth, a JSON reply; no write. */
    void prime() {
        handleRequest(dev.tern.functions.SnapStartPriming.request("GET", "/yourls-api.php", "action=version&format=json"), null);
    }

    /** A handler over {@code wiring} ({@code local/} and tests). */
    public YourlsApiHandler(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.replies = new YourlsReplies(wiring.settings().publicBaseUrl().toString());
        this.clock = wiring.clock();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = HttpRequest.of(event, context);
        YourlsParams params;
        try {
            params = YourlsParams.fromRequest(request);
        } catch (YourlsRequestException rejected) {
            wiring.log().warn("yourls-api", "invalid-request", request.requestId(), rejected.getMessage());
            return respond(replies.requestRejected(rejected), rejected.queryParams(), Map.of());
        }
        String action = params.getOrEmpty("action");
        try {
            YourlsService yourls = wiring.yourls();
            YourlsSite site = yourls.site();
            YourlsAuthentication authentication = new YourlsAuthenticator(site, clock).authenticate(params);
            if (authentication instanceof YourlsAuthentication.Rejected rejected) {
                return respond(rejected.reply(), params, Map.of());
            }
            Optional<String> user = authentication instanceof YourlsAuthentication.Authenticated authenticated
                    ? Optional.of(authenticated.user()) : Optional.empty();
            Creator creator = new Creator("yourls-api:" + user.orElse("anonymous"));
            if ("shorturl".equals(action)) {
                // Per user, or per (hashed) address for the public API: the form's bucket, so one address has one allowance.
                CreateLimits.Verdict verdict = user.isPresent()
                        ? wiring.createLimits().user(user.get())
                        : wiring.createLimits().address(request.sourceIp());
                if (!verdict.allowed()) {
                    return respond(replies.shortUrlFailure("error:flood", FLOOD, 429), params,
                            Map.of("retry-after", Long.toString(verdict.retryAfterSeconds())));
                }
            }
            return respond(act(action, params, yourls, site, creator, request), params, Map.of());
        } catch (StoreUnavailableException busy) {
            wiring.log().warn("yourls-api:" + action, busy.code().slug(), request.requestId(), busy.getMessage());
            return respond(replies.error(503, UNAVAILABLE), params,
                    Map.of("retry-after", Long.toString(Math.max(1, busy.retryAfter().toSeconds()))));
        } catch (RuntimeException unexpected) {
            wiring.log().error("yourls-api:" + action, "internal", request.requestId(), unexpected);
            return respond(replies.error(500, INTERNAL), params, Map.of());
        }
    }

    private YourlsReply act(String action, YourlsParams params, YourlsService yourls, YourlsSite site, Creator creator,
            HttpRequest request) {
        return switch (action) {
            case "shorturl" -> shorturl(params, yourls, site, creator, request);
            case "expand" -> expand(yourls.expand(params.getOrEmpty("shorturl")));
            case "url-stats" -> urlStats(yourls.urlStats(params.getOrEmpty("shorturl")));
            case "stats" -> stats(yourls.stats(StatsFilter.fromParam(params.getOrEmpty("filter")),
                    phpIntval(params.getOrEmpty("limit")), phpIntval(params.getOrEmpty("start"))));
            case "db-stats" -> replies.dbStats(totals(yourls.dbStats()));
            case "version" -> replies.version(YourlsReplies.YOURLS_VERSION,
                    phpIntval(params.getOrEmpty("db")) == 1 ? YourlsReplies.YOURLS_DB_VERSION : null);
            default -> replies.unknownAction();
        };
    }

    private YourlsReply shorturl(YourlsParams params, YourlsService yourls, YourlsSite site, Creator creator,
            HttpRequest request) {
        ShortenRequest shorten = new ShortenRequest(params.get("url").orElse(null), params.get("keyword").orElse(null),
                params.get("title").orElse(null), "plugin".equals(params.getOrEmpty("source")), creator);
        Shortened outcome;
        try {
            outcome = yourls.shorturl(site, shorten);
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (TernException refused) {
            // A rule of Tern's that YOURLS does not have (none is expected here): say it plainly, as YOURLS-shaped.
            return replies.shortUrlFailure("error:" + refused.code().slug(), refused.detail(), 400);
        }
        return switch (outcome) {
            case Shortened.Created created -> {
                Link link = created.link();
                String ip = request.sourceIp() == null ? "" : request.sourceIp();
                yield replies.shortUrlCreated(YourlsLinkView.created(link.code().value(), link.target().value(), link.title(),
                        YourlsLinkView.formatDate(link.createdAt(), ZoneOffset.UTC), ip));
            }
            case Shortened.AlreadyStored stored -> replies.urlAlreadyStored(new YourlsLinkView(stored.existing().code().value(),
                    stored.requestedUrl(), stored.existing().title(),
                    YourlsLinkView.formatDate(stored.existing().createdAt(), ZoneOffset.UTC), ipOf(stored.existing()),
                    stored.clicks()));
            case Shortened.KeywordUnavailable unavailable -> replies.keywordUnavailable(unavailable.keyword());
            case Shortened.KeywordTooLong tooLong -> replies.shortUrlFailure("error:keyword",
                    "Short URL keywords can be at most " + tooLong.maxLength() + " characters long", 400);
            case Shortened.MissingOrMalformedUrl malformed -> replies.missingOrMalformedUrl();
            case Shortened.ShortUrlLoop loop -> replies.urlIsShortUrl();
        };
    }

    private YourlsReply expand(KeywordLookup<Link> lookup) {
        return lookup.found()
                .map(link -> replies.expanded(link.code().value(), link.target().value(), link.title()))
                .orElseGet(() -> replies.expandNotFound(lookup.keyword()));
    }

    private YourlsReply urlStats(KeywordLookup<YourlsLink> lookup) {
        return lookup.found().map(found -> replies.urlStats(view(found))).orElseGet(replies::urlStatsNotFound);
    }

    private YourlsReply stats(SiteStats stats) {
        List<YourlsLinkView> links = stats.links().stream().map(YourlsApiHandler::view).toList();
        return replies.stats(links, totals(stats.totals()));
    }

    private static YourlsLinkView view(YourlsLink found) {
        Link link = found.link();
        return new YourlsLinkView(link.code().value(), link.target().value(), link.title(),
                YourlsLinkView.formatDate(link.createdAt(), ZoneOffset.UTC), ipOf(link), found.clicks());
    }

    private static YourlsTotals totals(SiteTotals totals) {
        return new YourlsTotals(totals.links(), totals.clicks());
    }

    /**
     * The creator's address as YOURLS showed it, where Tern has one: a link migrated with its address
     * kept ({@code yourls:<address>}); otherwise empty, since Tern stores no client addresses.
     */
    static String ipOf(Link link) {
        String id = link.creator().id();
        if (id.startsWith("yourls:")) {
            String candidate = id.substring("yourls:".length());
            if (IP_LITERAL.matcher(candidate).matches() && (candidate.indexOf(':') >= 0 || candidate.indexOf('.') >= 0)) {
                return candidate;
            }
        }
        return "";
    }

    /** PHP's {@code intval} of a request string: its leading integer (after blanks), 0 when none; saturating. */
    static int phpIntval(String value) {
        String s = value.stripLeading();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long result = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            result = Math.min((long) Integer.MAX_VALUE + 1, result * 10 + (s.charAt(i) - '0'));
            i++;
        }
        long signed = negative ? -result : result;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
    }

    private static APIGatewayV2HTTPResponse respond(YourlsReply reply, YourlsParams params, Map<String, String> extraHeaders) {
        YourlsRendered rendered = YourlsFormats.render(reply, params);
        Map<String, String> headers = new HashMap<>(rendered.headers());
        headers.putAll(extraHeaders);
        headers.put("cache-control", "no-store");
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(rendered.status());
        response.setHeaders(headers);
        response.setBody(rendered.body());
        response.setIsBase64Encoded(false);
        return response;
    }
}
