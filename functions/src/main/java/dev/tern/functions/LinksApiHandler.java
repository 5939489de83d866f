package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.CreatedLink;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkDetails;
import dev.tern.core.link.NewLinkRequest;
import dev.tern.core.link.ShortCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The REST API (API Gateway route {@code ANY /api/{proxy+}}):
 *
 * <ul>
 *   <li>{@code POST /api/v1/links} with {@code {"url", "code"?, "title"?, "expiresAt"?}} creates a link:
 *       201 with the link and {@code Location: /api/v1/links/{code}}. With an {@code Idempotency-Key}
 *       header a repeated request gets the first answer again, marked {@code Idempotent-Replayed: true}.
 *   <li>{@code GET /api/v1/links/{code}} reads a link with its click total.
 * </ul>
 *
 * Every error is an RFC 9457 {@code application/problem+json} body whose {@code code} is the core's
 * error slug (see {@link Problems}); a throttled store is 503 with {@code Retry-After}; nothing
 * unexpected leaks, it is logged once and answered as 500.
 */
public final class LinksApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String LINKS_PATH = "/api/v1/links";

    private final Wiring wiring;

    /** The Lambda entry point: the container's shared {@link Wiring#fromEnv()}. */
    public LinksApiHandler() {
        this(Wiring.fromEnv());
    }

    public LinksApiHandler(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = HttpRequest.of(event, context);
        ApiJson json = wiring.apiJson();
        String path = request.path();
        String method = request.method();
        String op = "route";
        String code = null;
        try {
            String rest = linksPathRest(path);
            if (rest == null) {
                throw new TernException(ErrorCode.ROUTE_NOT_FOUND, "There is no API route at " + Problems.shortened(path)
                        + "; links are at " + LINKS_PATH);
            }
            if (rest.isEmpty()) {
                if (!method.equals("POST")) {
                    throw new MethodNotAllowedException(method, path, "POST");
                }
                op = "create";
                return create(request, json);
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                throw new MethodNotAllowedException(method, path, "GET, HEAD");
            }
            op = "get";
            code = rest;
            return withoutBodyIf(request.isHead(), get(rest, json));
        } catch (StoreUnavailableException e) {
            wiring.log().warn(op, code, request.requestId(), e.detail());
            return withoutBodyIf(request.isHead(), Problems.response(e, json));
        } catch (TernException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                wiring.log().error(op, code, request.requestId(), e);
            }
            return withoutBodyIf(request.isHead(), Problems.response(e, json));
        } catch (RuntimeException e) {
            wiring.log().error(op, code, request.requestId(), e);
            return withoutBodyIf(request.isHead(), Problems.response(ErrorCode.INTERNAL,
                    "Something went wrong on our side; it has been logged (request id " + request.requestId() + ")",
                    Map.of(), json));
        }
    }

    /**
     * What follows {@code /api/v1/links} in {@code path}: {@code ""} for the collection, the code
     * segment for one link, {@code null} for any other path. One trailing slash is tolerated.
     */
    static String linksPathRest(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals(LINKS_PATH)) {
            return "";
        }
        if (!trimmed.startsWith(LINKS_PATH + "/")) {
            return null;
        }
        String segment = trimmed.substring(LINKS_PATH.length() + 1);
        return segment.isEmpty() || segment.indexOf('/') >= 0 ? null : segment;
    }

    private APIGatewayV2HTTPResponse create(HttpRequest request, ApiJson json) {
        NewLinkRequest newLink = new LinkRequestReader(json).read(request,
                wiring.authenticator().creatorOf(request.event()));
        CreatedLink created = wiring.links().create(newLink);
        Map<String, String> headers = jsonHeaders();
        headers.put("Location", LINKS_PATH + "/" + created.link().code().value());
        if (created.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return Responses.of(201, headers, json.write(representation(created.link(), json)));
    }

    private APIGatewayV2HTTPResponse get(String rawCode, ApiJson json) {
        if (!ShortCode.isValid(rawCode)) {
            throw LinkNotFoundException.forRawCode(Problems.shortened(rawCode));
        }
        LinkDetails details = wiring.links().get(new ShortCode(rawCode));
        ObjectNode body = representation(details.link(), json).put("clicks", details.totalClicks());
        return Responses.of(200, jsonHeaders(), json.write(body));
    }

    /** A link as the API shows it: {@code code, shortUrl, url, title, createdAt, expiresAt?, status}. */
    private ObjectNode representation(Link link, ApiJson json) {
        ObjectNode body = json.object()
                .put("code", link.code().value())
                .put("shortUrl", wiring.settings().shortUrl(link.code()))
                .put("url", link.target().value())
                .put("title", link.title())
                .put("createdAt", link.createdAt().toString());
        link.expiry().ifPresent(expiry -> body.put("expiresAt", expiry.toString()));
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
