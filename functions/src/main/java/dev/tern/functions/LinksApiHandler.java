package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.Scope;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.CreatedLink;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkDetails;
import dev.tern.core.link.BulkItemResult;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkPatch;
import dev.tern.core.link.LinkStats;
import dev.tern.core.link.NewLinkRequest;
import dev.tern.core.link.ShortCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The REST API (API Gateway route {@code ANY /api/{proxy+}}):
 *
 * Every route needs an API key ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}) with
 * the route's scope: 401 without one, 403 without the scope, 429 over the key's rate limit (see
 * {@link ApiGuard}); the {@code /api/v1/keys} routes are in {@link ApiKeysRoutes}.
 *
 * <ul>
 *   <li>{@code POST /api/v1/links} with {@code {"url", "code"?, "title"?, "expiresAt"?}} creates a link:
 *       201 with the link and {@code Location: /api/v1/links/{code}}. With an {@code Idempotency-Key}
 *       header a repeated request gets the first answer again, marked {@code Idempotent-Replayed: true}.
 *   <li>{@code GET /api/v1/links/{code}} reads a link with its click total.
 *   <li>{@code PATCH /api/v1/links/{code}} changes its destination, title, expiry, redirect policy or
 *       whether it is disabled ({@link LinkPatchReader}); 200 with the link.
 *   <li>{@code DELETE /api/v1/links/{code}} soft-deletes it (410 on redirect), {@code POST /api/v1/links/{code}/restore}
 *       brings it back within {@code TERN_RESTORE_DAYS}; both 200 with the link, both harmless to repeat.
 *   <li>{@code GET /api/v1/links/{code}/stats?from=&to=} the clicks per day, top referrer hosts and
 *       countries over a range of UTC days ({@link StatsQuery}; scope {@code stats:read}).
 *   <li>{@code GET /api/v1/links/{code}/history}, {@code POST /api/v1/links/{code}/restore?version=N}, the
 *       blocklist and the abuse reports: {@link AuditAndAbuseRoutes}. Every change is recorded as made by
 *       the calling key.
 * </ul>
 *
 * Every error is an RFC 9457 {@code application/problem+json} body whose {@code code} is the core's
 * error slug (see {@link Problems}); a throttled store is 503 with {@code Retry-After}; nothing
 * unexpected leaks, it is logged once and answered as 500.
 */
public final class LinksApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String LINKS_PATH = "/api/v1/links";
    /** Bulk creation: not under {@code /api/v1/links/} where any segment may be a short code. */
    static final String BULK_PATH = "/api/v1/links:bulk";
    static final String YOURLS_SETTINGS_PATH = YourlsSiteRoutes.YOURLS_PATH;
    private static final String RESTORE_SUFFIX = "/restore";
    private static final String STATS_SUFFIX = "/stats";
    private static final String HISTORY_SUFFIX = "/history";

    private final Wiring wiring;

    /** The Lambda entry point: the container's shared {@link Wiring#fromEnv()}. */
    public LinksApiHandler() {
        this(Wiring.fromEnv());
        SnapStartPriming.add("api", this::prime);
    }

    /** SnapStart priming: the document (Jackson, the routes) and a call without a key (the key check, problem+json); no write. */
    void prime() {
        handleRequest(SnapStartPriming.request("GET", "/api/v1/openapi.json", ""), null);
        handleRequest(SnapStartPriming.request("GET", "/api/v1/links/tern-snapstart-priming", ""), null);
    }

    public LinksApiHandler(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
    }

    /** What a request asks for, decided from its path and method before anything else is read. */
    private enum Route {
        CREATE_LINK("create", Scope.LINKS_WRITE),
        LIST_LINKS("list", Scope.LINKS_READ),
        BULK_CREATE("bulk-create", Scope.LINKS_WRITE),
        GET_LINK("get", Scope.LINKS_READ),
        UPDATE_LINK("update", Scope.LINKS_WRITE),
        DELETE_LINK("delete", Scope.LINKS_WRITE),
        RESTORE_LINK("restore", Scope.LINKS_WRITE),
        LINK_STATS("stats", Scope.STATS_READ),
        LINK_HISTORY("history", Scope.LINKS_READ),
        LIST_BLOCKLIST("list-blocklist", Scope.ADMIN),
        BLOCK_HOST("block-host", Scope.ADMIN),
        UNBLOCK_HOST("unblock-host", Scope.ADMIN),
        LIST_ABUSE_REPORTS("abuse-reports", Scope.ADMIN),
        CREATE_KEY("create-key", Scope.ADMIN),
        LIST_KEYS("list-keys", Scope.ADMIN),
        REVOKE_KEY("revoke-key", Scope.ADMIN),
        GET_YOURLS_SETTINGS("yourls-settings", Scope.ADMIN),
        PUT_YOURLS_SETTINGS("update-yourls-settings", Scope.ADMIN);

        final String op;
        final Scope scope;

        Route(String op, Scope scope) {
            this.op = op;
            this.scope = scope;
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = HttpRequest.of(event, context);
        ApiJson json = wiring.apiJson();
        String path = request.path();
        String method = request.method();
        String op = "route";
        String code = null;
        Map<String, String> rateLimitHeaders = new LinkedHashMap<>();
        try {
            if (ApiDocs.handles(path)) {
                op = "docs"; // public: the reference needs no key
                return ApiDocs.serve(request);
            }
            String linksRest = pathRest(path, LINKS_PATH);
            String keysRest = pathRest(path, ApiKeysRoutes.KEYS_PATH);
            String restoreCode = subresourceCode(path, RESTORE_SUFFIX);
            String statsCode = subresourceCode(path, STATS_SUFFIX);
            String historyCode = subresourceCode(path, HISTORY_SUFFIX);
            String blocklistRest = pathRest(path, AuditAndAbuseRoutes.BLOCKLIST_PATH);
            Route route;
            if (path.equals(BULK_PATH)) {
                route = only(method, path, Route.BULK_CREATE, "POST");
            } else if (restoreCode != null) {
                code = restoreCode;
                route = only(method, path, Route.RESTORE_LINK, "POST");
            } else if (statsCode != null) {
                code = statsCode;
                route = only(method, path, Route.LINK_STATS, "GET", "HEAD");
            } else if (historyCode != null) {
                code = historyCode;
                route = only(method, path, Route.LINK_HISTORY, "GET", "HEAD");
            } else if (blocklistRest != null) {
                route = blocklistRest.isEmpty() ? only(method, path, Route.LIST_BLOCKLIST, "GET", "HEAD")
                        : method.equals("PUT") ? Route.BLOCK_HOST
                        : only(method, path, Route.UNBLOCK_HOST, "PUT", "DELETE");
            } else if (path.equals(AuditAndAbuseRoutes.ABUSE_REPORTS_PATH)) {
                route = only(method, path, Route.LIST_ABUSE_REPORTS, "GET", "HEAD");
            } else if (linksRest != null) {
                code = linksRest.isEmpty() ? null : linksRest;
                route = linksRest.isEmpty()
                        ? (method.equals("POST") ? Route.CREATE_LINK : only(method, path, Route.LIST_LINKS, "GET", "HEAD", "POST"))
                        : method.equals("PATCH") ? Route.UPDATE_LINK
                        : method.equals("DELETE") ? Route.DELETE_LINK
                        : only(method, path, Route.GET_LINK, "GET", "HEAD", "PATCH", "DELETE");
            } else if (keysRest != null) {
                code = keysRest.isEmpty() ? null : keysRest;
                route = keysRest.isEmpty()
                        ? (method.equals("POST") ? Route.CREATE_KEY : only(method, path, Route.LIST_KEYS, "GET", "HEAD", "POST"))
                        : only(method, path, Route.REVOKE_KEY, "DELETE");
            } else if (path.equals(YOURLS_SETTINGS_PATH)) {
                route = method.equals("PUT") ? Route.PUT_YOURLS_SETTINGS
                        : only(method, path, Route.GET_YOURLS_SETTINGS, "GET", "HEAD", "PUT");
            } else {
                throw new TernException(ErrorCode.ROUTE_NOT_FOUND, "There is no API route at " + Problems.shortened(path)
                        + "; links are at " + LINKS_PATH + ", API keys at " + ApiKeysRoutes.KEYS_PATH);
            }
            op = route.op;
            ApiGuard.Admission admission = wiring.apiGuard().admit(request);
            rateLimitHeaders.putAll(admission.headers());
            admission.require(route.scope);
            Map<String, String> headers = jsonHeaders();
            headers.putAll(admission.headers());
            ApiKeysRoutes keys = new ApiKeysRoutes(wiring.apiKeys(), json);
            AuditAndAbuseRoutes audit = new AuditAndAbuseRoutes(wiring, json, link -> representation(link, json));
            Creator actor = AuditAndAbuseRoutes.actor(admission.key());
            return withoutBodyIf(request.isHead(), switch (route) {
                case CREATE_LINK -> create(request, admission.key(), headers, json);
                case LIST_LINKS -> list(request, headers, json);
                case BULK_CREATE -> bulk(request, admission.key(), headers, json);
                case GET_LINK -> get(linksRest, headers, json);
                case UPDATE_LINK -> update(request, linksRest, actor, headers, json);
                case DELETE_LINK -> Responses.of(200, headers, json.write(representation(
                        wiring.links().delete(existingCode(linksRest), actor), json)));
                case RESTORE_LINK -> Responses.of(200, headers, json.write(representation(restore(request, restoreCode, actor), json)));
                case LINK_HISTORY -> audit.history(request, existingCode(historyCode), headers);
                case LIST_BLOCKLIST -> audit.listBlocklist(request, headers);
                case BLOCK_HOST -> audit.block(blocklistRest, headers);
                case UNBLOCK_HOST -> audit.unblock(blocklistRest, headers);
                case LIST_ABUSE_REPORTS -> audit.abuseReports(request, headers);
                case LINK_STATS -> stats(request, statsCode, headers, json);
                case CREATE_KEY -> keys.create(request, admission.key(), headers);
                case LIST_KEYS -> keys.list(wiring.clock().instant(), headers);
                case REVOKE_KEY -> keys.revoke(keysRest, wiring.clock().instant(), headers);
                case GET_YOURLS_SETTINGS -> new YourlsSiteRoutes(wiring.yourlsSites(), json).get(headers);
                case PUT_YOURLS_SETTINGS -> new YourlsSiteRoutes(wiring.yourlsSites(), json).put(request, headers);
            });
        } catch (StoreUnavailableException e) {
            wiring.log().warn(op, code, request.requestId(), e.detail());
            return answer(request, Problems.response(e, json), rateLimitHeaders);
        } catch (TernException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                wiring.log().error(op, code, request.requestId(), e);
            }
            return answer(request, Problems.response(e, json), rateLimitHeaders);
        } catch (RuntimeException e) {
            wiring.log().error(op, code, request.requestId(), e);
            return answer(request, Problems.response(ErrorCode.INTERNAL,
                    "Something went wrong on our side; it has been logged (request id " + request.requestId() + ")",
                    Map.of(), json), rateLimitHeaders);
        }
    }

    /** {@code route} if {@code method} is one of {@code allowed}, else 405 listing them. */
    private static Route only(String method, String path, Route route, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return route;
            }
        }
        throw new MethodNotAllowedException(method, path, String.join(", ", allowed));
    }

    private static APIGatewayV2HTTPResponse answer(HttpRequest request, APIGatewayV2HTTPResponse problem,
            Map<String, String> rateLimitHeaders) {
        rateLimitHeaders.forEach(problem.getHeaders()::putIfAbsent);
        return withoutBodyIf(request.isHead(), problem);
    }

    /**
     * What follows {@code /api/v1/links} in {@code path}: {@code ""} for the collection, the code
     * segment for one link, {@code null} for any other path. One trailing slash is tolerated.
     */
    static String linksPathRest(String path) {
        return pathRest(path, LINKS_PATH);
    }

    /** As {@link #linksPathRest} for the collection at {@code base}. */
    static String pathRest(String path, String base) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals(base)) {
            return "";
        }
        if (!trimmed.startsWith(base + "/")) {
            return null;
        }
        String segment = trimmed.substring(base.length() + 1);
        return segment.isEmpty() || segment.indexOf('/') >= 0 ? null : segment;
    }

    private APIGatewayV2HTTPResponse create(HttpRequest request, ApiKey caller, Map<String, String> headers, ApiJson json) {
        NewLinkRequest newLink = new LinkRequestReader(json).read(request, Creator.apiKey(caller.id()));
        CreatedLink created = wiring.links().create(newLink);
        headers.put("Location", LINKS_PATH + "/" + created.link().code().value());
        if (created.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return Responses.of(201, headers, json.write(representation(created.link(), json)));
    }

    private APIGatewayV2HTTPResponse get(String rawCode, Map<String, String> headers, ApiJson json) {
        if (!ShortCode.isValid(rawCode)) {
            throw LinkNotFoundException.forRawCode(Problems.shortened(rawCode));
        }
        LinkDetails details = wiring.links().get(new ShortCode(rawCode));
        ObjectNode body = representation(details.link(), json).put("clicks", details.totalClicks());
        return Responses.of(200, headers, json.write(body));
    }

    /** The code of {@code /api/v1/links/{code}<suffix>}, or {@code null} for any other path. */
    static String subresourceCode(String path, String suffix) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        // The prefix and the suffix must not overlap: /api/v1/links/stats has no code (found by fuzzing).
        if (!trimmed.startsWith(LINKS_PATH + "/") || !trimmed.endsWith(suffix)
                || trimmed.length() < LINKS_PATH.length() + 1 + suffix.length()) {
            return null;
        }
        String segment = trimmed.substring(LINKS_PATH.length() + 1, trimmed.length() - suffix.length());
        return segment.isEmpty() || segment.indexOf('/') >= 0 ? null : segment;
    }

    private APIGatewayV2HTTPResponse stats(HttpRequest request, String rawCode, Map<String, String> headers, ApiJson json) {
        ShortCode code = existingCode(rawCode);
        StatsQuery query = StatsQuery.parse(request.rawQuery(), wiring.clock());
        LinkStats stats = wiring.links().stats(code, query.from(), query.to());
        ObjectNode body = json.object()
                .put("code", stats.code().value())
                .put("total", stats.total())
                .put("from", stats.from().toString())
                .put("to", stats.to().toString())
                .put("clicksInRange", stats.inRange());
        ArrayNode days = body.putArray("days");
        stats.days().forEach(day -> days.addObject().put("date", day.date().toString()).put("clicks", day.clicks()));
        ArrayNode referrers = body.putArray("referrers");
        stats.referrers().forEach(c -> referrers.addObject().put("host", c.name()).put("clicks", c.clicks()));
        ArrayNode countries = body.putArray("countries");
        stats.countries().forEach(c -> countries.addObject().put("country", c.name()).put("clicks", c.clicks()));
        ObjectNode visitors = body.putObject("visitors");
        for (VisitorClass visitor : VisitorClass.values()) {
            visitors.put(visitor.name().toLowerCase(Locale.ROOT), stats.visitors().getOrDefault(visitor, 0L));
        }
        return Responses.of(200, headers, json.write(body));
    }

    private APIGatewayV2HTTPResponse list(HttpRequest request, Map<String, String> headers, ApiJson json) {
        ListQuery query = ListQuery.parse(request.rawQuery());
        LinkPage page = wiring.links().list(query.creator(), query.cursor(), query.limit());
        ObjectNode body = json.object();
        ArrayNode links = body.putArray("links");
        page.links().forEach(link -> links.add(representation(link, json)));
        page.next().ifPresent(next -> body.put("next", next));
        return Responses.of(200, headers, json.write(body));
    }

    private APIGatewayV2HTTPResponse bulk(HttpRequest request, ApiKey caller, Map<String, String> headers, ApiJson json) {
        List<BulkLinkReader.Item> items = new BulkLinkReader(json).read(request, Creator.apiKey(caller.id()));
        List<NewLinkRequest> valid = new ArrayList<>();
        for (BulkLinkReader.Item item : items) {
            item.request().ifPresent(valid::add);
        }
        List<BulkItemResult> outcomes = valid.isEmpty() ? List.of() : wiring.links().createAll(valid);
        ObjectNode body = json.object();
        ArrayNode results = body.putArray("results");
        int created = 0;
        int next = 0;
        for (BulkLinkReader.Item item : items) {
            ObjectNode result = results.addObject().put("index", item.index());
            TernException error = item.error().orElse(null);
            if (error == null) {
                BulkItemResult outcome = outcomes.get(next++);
                if (outcome.created().isPresent()) {
                    CreatedLink link = outcome.created().get();
                    result.put("status", 201).put("replayed", link.replayed()).set("link", representation(link.link(), json));
                    created++;
                    continue;
                }
                error = outcome.error().get();
            }
            result.put("status", Problems.status(error.code())).set("problem", Problems.body(error.code(), error.detail(), json));
        }
        body.put("created", created).put("failed", items.size() - created);
        return Responses.of(200, headers, json.write(body));
    }

    private static ShortCode existingCode(String rawCode) {
        if (!ShortCode.isValid(rawCode)) {
            throw LinkNotFoundException.forRawCode(Problems.shortened(rawCode));
        }
        return new ShortCode(rawCode);
    }

    /** {@code ?version=N} sets the link back to version N; without it, the undelete. */
    private Link restore(HttpRequest request, String rawCode, Creator actor) {
        ShortCode code = existingCode(rawCode);
        java.util.Optional<Long> version = AuditAndAbuseRoutes.restoreVersion(request);
        return version.isPresent() ? wiring.links().restoreVersion(code, version.get(), actor) : wiring.links().restore(code, actor);
    }

    private APIGatewayV2HTTPResponse update(HttpRequest request, String rawCode, Creator actor, Map<String, String> headers,
            ApiJson json) {
        ShortCode code = existingCode(rawCode);
        LinkPatch patch = new LinkPatchReader(json).read(request);
        Link updated = wiring.links().update(code, patch, actor);
        return Responses.of(200, headers, json.write(representation(updated, json)));
    }

    /**
     * A link as the API shows it:
     * {@code code, shortUrl, url, title, createdAt, expiresAt?, redirect?, deletedAt?, restorableUntil?, status}.
     */
    private ObjectNode representation(Link link, ApiJson json) {
        ObjectNode body = json.object()
                .put("code", link.code().value())
                .put("shortUrl", wiring.settings().shortUrl(link.code()))
                .put("url", link.target().value())
                .put("title", link.title())
                .put("createdAt", link.createdAt().toString());
        link.expiry().ifPresent(expiry -> body.put("expiresAt", expiry.toString()));
        link.ownRedirectPolicy().ifPresent(policy -> body.putObject("redirect").put("status", policy.status())
                .put("cacheSeconds", policy.cacheFor().toSeconds()).put("forwardQuery", policy.forwardQuery()));
        link.deletion().ifPresent(at -> body.put("deletedAt", at.toString()));
        wiring.links().restorableUntil(link).ifPresent(until -> body.put("restorableUntil", until.toString()));
        return body.put("status", link.status().name().toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        return headers;
    }

    private static APIGatewayV2HTTPResponse withoutBodyIf(boolean head, APIGatewayV2HTTPResponse response) {
        if (head) {
            response.setBody("");
        }
        return response;
    }
}
