package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.abuse.AbuseReport;
import dev.tern.core.abuse.AbuseReportPage;
import dev.tern.core.abuse.AbuseReportService;
import dev.tern.core.abuse.BlockedHosts;
import dev.tern.core.audit.AuditEntry;
import dev.tern.core.audit.HistoryPage;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The REST routes of the audit trail and the abuse controls (see {@link LinksApiHandler} for the door):
 *
 * <ul>
 *   <li>{@code GET /api/v1/links/{code}/history?limit=&before=} ({@code links:read}): the link's changes,
 *       newest first, each with who, when, and the link before and after;
 *   <li>{@code POST /api/v1/links/{code}/restore?version=N} ({@code links:write}): the link set back to
 *       version N, as a new change;
 *   <li>{@code GET /api/v1/blocklist}, {@code PUT|DELETE /api/v1/blocklist/{host}} ({@code admin});
 *   <li>{@code GET /api/v1/abuse-reports?code=&limit=&cursor=} ({@code admin}).
 * </ul>
 */
final class AuditAndAbuseRoutes {
    static final String BLOCKLIST_PATH = "/api/v1/blocklist";
    static final String ABUSE_REPORTS_PATH = "/api/v1/abuse-reports";
    static final int DEFAULT_HISTORY_LIMIT = 20;
    static final int DEFAULT_REPORTS_LIMIT = 50;

    private final Wiring wiring;
    private final ApiJson json;
    private final Function<Link, ObjectNode> representation;

    AuditAndAbuseRoutes(Wiring wiring, ApiJson json, Function<Link, ObjectNode> representation) {
        this.wiring = wiring;
        this.json = json;
        this.representation = representation;
    }

    APIGatewayV2HTTPResponse history(HttpRequest request, ShortCode code, Map<String, String> headers) {
        QueryParams query = QueryParams.parse(request.rawQuery(), Set.of("limit", "before"), "a history");
        int limit = (int) query.number("limit", 1, dev.tern.core.link.LinkService.MAX_HISTORY_PAGE, DEFAULT_HISTORY_LIMIT);
        Optional<Long> before = query.get("before").isPresent()
                ? Optional.of(query.number("before", 2, Long.MAX_VALUE, 0))
                : Optional.empty();
        HistoryPage page = wiring.links().history(code, before, limit);
        ObjectNode body = json.object().put("code", code.value()).put("currentVersion", page.current());
        ArrayNode entries = body.putArray("entries");
        for (AuditEntry entry : page.entries()) {
            ObjectNode item = entries.addObject()
                    .put("version", entry.version())
                    .put("change", entry.change().kind().slug())
                    .put("by", entry.change().actor().id())
                    .put("at", entry.change().at().toString())
                    .put("recorded", entry.change().recorded());
            entry.change().restoredVersion().ifPresent(v -> item.put("restoredFrom", v));
            entry.previous().ifPresent(before1 -> item.set("before", representation.apply(before1)));
            item.set("after", representation.apply(entry.after()));
        }
        page.next().ifPresent(next -> body.put("next", next));
        return Responses.of(200, headers, json.write(body));
    }

    /** {@code ?version=N}, or empty for the plain undelete. */
    static Optional<Long> restoreVersion(HttpRequest request) {
        QueryParams query = QueryParams.parse(request.rawQuery(), Set.of("version"), "a restore");
        return query.get("version").isPresent() ? Optional.of(query.number("version", 1, Long.MAX_VALUE, 0)) : Optional.empty();
    }

    APIGatewayV2HTTPResponse listBlocklist(HttpRequest request, Map<String, String> headers) {
        QueryParams.parse(request.rawQuery(), Set.of(), "the blocklist");
        ObjectNode body = json.object();
        ArrayNode hosts = body.putArray("hosts");
        wiring.blocklist().tableEntries().forEach(hosts::add);
        ArrayNode fileHosts = body.putArray("fileHosts");
        wiring.blocklist().fileEntries().forEach(fileHosts::add);
        return Responses.of(200, headers, json.write(body));
    }

    APIGatewayV2HTTPResponse block(String rawHost, Map<String, String> headers) {
        String host = wiring.blocklist().block(QueryParams.decode(rawHost));
        return Responses.of(200, headers, json.write(json.object().put("host", host).put("blocked", true)));
    }

    APIGatewayV2HTTPResponse unblock(String rawHost, Map<String, String> headers) {
        String decoded = QueryParams.decode(rawHost);
        boolean removed = wiring.blocklist().unblock(decoded);
        String host = BlockedHosts.normalise(decoded).orElseThrow();
        boolean inFile = wiring.blocklist().fileEntries().contains(host);
        return Responses.of(200, headers, json.write(json.object().put("host", host).put("removed", removed)
                .put("blocked", inFile)));
    }

    APIGatewayV2HTTPResponse abuseReports(HttpRequest request, Map<String, String> headers) {
        QueryParams query = QueryParams.parse(request.rawQuery(), Set.of("code", "limit", "cursor"), "a list of reports");
        int limit = (int) query.number("limit", 1, AbuseReportService.MAX_PAGE, DEFAULT_REPORTS_LIMIT);
        Optional<ShortCode> code = query.get("code").map(raw -> {
            if (!ShortCode.isValid(raw)) {
                throw InvalidRequestException.of("The parameter \"code\" must be a short code");
            }
            return new ShortCode(raw);
        });
        AbuseReportPage page = wiring.abuseReports().list(code, query.get("cursor"), limit);
        ObjectNode body = json.object();
        ArrayNode reports = body.putArray("reports");
        for (AbuseReport report : page.reports()) {
            reports.addObject()
                    .put("id", report.id())
                    .put("code", report.code().value())
                    .put("shortUrl", wiring.settings().shortUrl(report.code()))
                    .put("reason", report.reason().slug())
                    .put("comment", report.comment())
                    .put("reporter", report.reporter().id())
                    .put("at", report.at().toString());
        }
        page.next().ifPresent(next -> body.put("next", next));
        return Responses.of(200, headers, json.write(body));
    }

    static Creator actor(dev.tern.core.apikey.ApiKey key) {
        return Creator.apiKey(key.id());
    }
}
