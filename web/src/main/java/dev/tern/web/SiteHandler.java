package dev.tern.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.ShortCode;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.functions.HttpRequest;
import dev.tern.functions.HealthCheck;
import dev.tern.functions.RedirectHandler;
import dev.tern.functions.SnapStartPriming;
import dev.tern.functions.Responses;
import dev.tern.functions.Wiring;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $default} route of the HTTP API in AWS and every non-API path locally: short links, the
 * site's pages and its static files.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET|HEAD /health}</td><td>the region's health ({@link HealthCheck}, {@code application/health+json}): what Route 53 checks</td></tr>
 *   <tr><td>{@code GET|HEAD /{code}}</td><td>the redirect ({@link RedirectHandler}, unchanged)</td></tr>
 *   <tr><td>{@code GET|HEAD /}</td><td>the creation form ({@code ?url=} prefills it)</td></tr>
 *   <tr><td>{@code POST /}</td><td>creates a link: the result page, or the form with what is wrong</td></tr>
 *   <tr><td>{@code GET|HEAD /{code}+}, {@code /{code}+/}</td><td>the preview and statistics page, with the report-abuse form</td></tr>
 *   <tr><td>{@code POST /{code}+}</td><td>reports the link (CSRF-protected, limited per address); disables nothing</td></tr>
 *   <tr><td>{@code GET|HEAD /https://…}</td><td>prefix-and-shorten: the form with that URL (and the query string) filled in</td></tr>
 *   <tr><td>{@code GET|HEAD /static/…}</td><td>the stylesheet, the script, the icon</td></tr>
 *   <tr><td>anything else</td><td>{@link RedirectHandler}: its 404 and 405 pages</td></tr>
 * </table>
 *
 * <p>Short-code paths are decided first and go straight to the redirect: the pages (and Thymeleaf)
 * are built on the first request that needs them, so a container that only serves redirects never
 * loads them. Every HTML answer carries the site's security headers (see {@link SecurityHeaders}).
 */
public final class SiteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Pattern PREFIXED_URL = Pattern.compile("^/(https?):/+(.*)$", Pattern.CASE_INSENSITIVE);

    private final Wiring wiring;
    private final WebSettings web;
    private final RateLimiter limiter;
    private final RedirectHandler redirect;
    private final HealthCheck health;
    private volatile StaticAssets assets;
    private volatile WebSite site;

    /**
     * The Lambda entry point: the container's shared {@link Wiring#fromEnv()}, the web settings from
     * the environment and the DynamoDB rate limiter on the wiring's client
     * ({@code DynamoDbStores.rateLimiter()}, table {@code TERN_RATE_LIMITS_TABLE}).
     *
     * @throws dev.tern.core.settings.SettingsException naming the variable when a setting is unusable
     */
    public SiteHandler() {
        this(Wiring.fromEnv());
        SnapStartPriming.add("site", this::prime);
    }

    /**
     * SnapStart priming: the health check (a DynamoDB read), the form page (Thymeleaf), then the
     * redirect path through this handler as {@link RedirectHandler#primeRedirects} runs it (a missing
     * code and the status probe's canary link, repeated until compiled); no write, no click.
     */
    void prime() {
        handleRequest(SnapStartPriming.request("GET", HealthCheck.PATH, ""), null);
        handleRequest(SnapStartPriming.request("GET", "/", ""), null);
        RedirectHandler.primeRedirects(this, wiring.clock());
    }

    private SiteHandler(Wiring shared) {
        this(shared, WebSettings.fromEnv(System.getenv()), shared.dynamoDbRateLimiter()
                .orElseThrow(() -> new IllegalStateException("Wiring.fromEnv() has no DynamoDB rate limiter")));
    }

    /**
     * @param wiring  the stores, settings and use cases (shared with the other handlers)
     * @param web     the secret and the anonymous-creation settings
     * @param limiter the rate limiter of anonymous creation ({@code DynamoDbStores.rateLimiter()} in
     *                AWS and locally, an in-memory one in tests)
     */
    public SiteHandler(Wiring wiring, WebSettings web, RateLimiter limiter) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.web = Objects.requireNonNull(web, "web");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.redirect = new RedirectHandler(wiring);
        this.health = new HealthCheck(wiring);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = HttpRequest.of(event, context);
        String path = request.path();
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean https = isHttps(request);
        if (path.equals(HealthCheck.PATH)) {
            return health.respond(request);
        }
        if (read && ShortCode.fromPath(path).isPresent()) {
            return SecurityHeaders.complete(redirect.handleRequest(event, context), https);
        }
        Optional<APIGatewayV2HTTPResponse> page = Optional.empty();
        WebSite.Visit visit = null;
        try {
            if (path.equals("/")) {
                visit = site().visit(request, https, "/", true);
                page = Optional.of(read ? site().home(visit)
                        : method.equals("POST") ? site().create(visit)
                        : site().methodNotAllowed(visit, "GET, HEAD, POST"));
            } else if (read && path.startsWith(StaticAssets.PREFIX)) {
                page = assets().serve(path, request.rawQuery(), request.header("if-none-match"), request.isHead(), https);
            } else if (method.equals("POST") && previewCode(path).isPresent()) {
                visit = site().visit(request, https, path, true);
                page = Optional.of(site().report(visit, previewCode(path).get()));
            } else if (read) {
                Optional<ShortCode> preview = previewCode(path);
                if (preview.isPresent()) {
                    visit = site().visit(request, https, path, true);
                    page = Optional.of(site().preview(visit, preview.get()));
                } else {
                    Optional<String> prefixed = prefixedUrl(path, request.rawQuery());
                    if (prefixed.isPresent()) {
                        visit = site().visit(request, https, null, false);
                        page = Optional.of(site().prefill(visit, prefixed.get()));
                    }
                }
            }
        } catch (StoreUnavailableException e) {
            wiring.log().warn("web", null, request.requestId(), e.detail());
            page = Optional.of(visit != null ? site().busy(visit, e) : plainFailure(503, https));
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError here is a broken deployment (a template library missing): still a page, not a 502.
            wiring.log().error("web", null, request.requestId(), e);
            page = Optional.of(failurePage(visit, https));
        }
        return page.orElseGet(() -> SecurityHeaders.complete(redirect.handleRequest(event, context), https));
    }

    /**
     * The code of a preview path: {@code /abc+} or {@code /abc+/} (also with {@code +} escaped as
     * {@code %2B}), as in YOURLS.
     */
    static Optional<ShortCode> previewCode(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String candidate;
        if (p.endsWith("+")) {
            candidate = p.substring(1, p.length() - 1);
        } else if (p.toUpperCase(Locale.ROOT).endsWith("%2B")) {
            candidate = p.substring(1, p.length() - 3);
        } else {
            return Optional.empty();
        }
        return p.startsWith("/") && ShortCode.isValid(candidate) ? Optional.of(new ShortCode(candidate)) : Optional.empty();
    }

    /**
     * The long URL of a prefix-and-shorten path ({@code /https://example.com/x} and the query string,
     * which belongs to that URL), tolerating a proxy that collapsed {@code //} into {@code /}.
     */
    static Optional<String> prefixedUrl(String path, String rawQuery) {
        Matcher m = PREFIXED_URL.matcher(path);
        if (!m.matches() || m.group(2).isEmpty()) {
            return Optional.empty();
        }
        String url = m.group(1).toLowerCase(Locale.ROOT) + "://" + m.group(2);
        return Optional.of(rawQuery == null || rawQuery.isEmpty() ? url : url + "?" + rawQuery);
    }

    private boolean isHttps(HttpRequest request) {
        if ("https".equalsIgnoreCase(wiring.settings().publicBaseUrl().getScheme())) {
            return true;
        }
        String proto = request.header("x-forwarded-proto");
        return proto != null && proto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }

    private APIGatewayV2HTTPResponse failurePage(WebSite.Visit visit, boolean https) {
        if (visit != null) {
            try {
                return site().failure(visit);
            } catch (RuntimeException e) {
                // The page itself failed: fall through to the plain one.
            }
        }
        return plainFailure(500, https);
    }

    /** A page that needs nothing but this class: for when the site itself could not be built. */
    private static APIGatewayV2HTTPResponse plainFailure(int status, boolean https) {
        Map<String, String> headers = SecurityHeaders.forPage(https);
        if (status == 503) {
            headers.put("Retry-After", "1");
        }
        String heading = status == 503 ? "Busy right now" : "Something went wrong";
        String text = status == 503 ? "Please try again in a few seconds." : "It has been logged; please try again later.";
        return Responses.of(status, headers, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + heading
                + "</title></head><body><main><h1>" + heading + "</h1><p>" + text + "</p><p><a href=\"/\">Home</a></p></main></body></html>\n");
    }

    private StaticAssets assets() {
        StaticAssets current = assets;
        if (current == null) {
            synchronized (this) {
                current = assets;
                if (current == null) {
                    current = new StaticAssets();
                    assets = current;
                }
            }
        }
        return current;
    }

    /** The pages, built on first use (never by a redirect). */
    private WebSite site() {
        WebSite current = site;
        if (current == null) {
            synchronized (this) {
                current = site;
                if (current == null) {
                    current = new WebSite(wiring, web, limiter, assets());
                    site = current;
                }
            }
        }
        return current;
    }
}
