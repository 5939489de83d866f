package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.click.Click;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.Resolution;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.status.CanaryCode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET|HEAD /{code}}: the redirect (API Gateway's {@code $default} route). One read of the link,
 * no database write: a followed link's click goes to the {@link dev.tern.core.click.ClickSink}.
 *
 * <ul>
 *   <li>Found: the link's own (or the deployment's) status and {@code Cache-Control}, {@code Location}
 *       in ASCII, the query string passed on when the policy says so, {@code X-Robots-Tag: noindex}.
 *   <li>Unknown code, or a path that cannot be a code: a 404 page, or a 302 to the site when
 *       {@code TERN_UNKNOWN_CODE=redirect-home}.
 *   <li>Expired, disabled or deleted: a 410 page that says which.
 *   <li>Active but its destination blocked now (blocklist or scheme policy, checked again on every
 *       redirect): a 403 warning page, no {@code Location}, no click.
 *   <li>Another method: 405 with {@code Allow: GET, HEAD}.
 *   <li>Store throttled or slow: 503 page with {@code Retry-After}; anything unexpected: a 500 page,
 *       logged once.
 * </ul>
 *
 * A click is emitted for a GET (not a HEAD) that redirects, unless the request carries the probe
 * header {@value #PROBE_HEADER}.
 */
public final class RedirectHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Requests carrying this header (health probes, the status page) are never counted as clicks. */
    public static final String PROBE_HEADER = "x-tern-probe";

    private final Wiring wiring;
    private final TernSettings settings;
    private final HtmlPages pages;

    /** The Lambda entry point: the container's shared {@link Wiring#fromEnv()}. */
    public RedirectHandler() {
        this(Wiring.fromEnv());
        SnapStartPriming.add("redirect", this::prime);
    }

    /**
     * How often {@link #prime} runs the redirect path, so that a restored container serves its first
     * redirects with compiled code (docs/PERFORMANCE.md §6). C1, the only compiler at Lambda's
     * {@code -XX:TieredStopAtLevel=1}, compiles a method after about 200 calls, but raises that
     * threshold while its queue is long (as priming keeps it, likely the reason): with 250 rounds (500
     * reads) the DynamoDB client's once-per-request methods (endpoint rules, identity providers, the
     * item's mapping) were still interpreted after the snapshot and compiled during the first visitors'
     * requests, on their CPU (JFR's compilation events). 500 rounds get them compiled before it.
     */
    static final int PRIMING_ROUNDS = 500;

    /**
     * SnapStart priming, before the snapshot; writes nothing and counts no click (the requests carry the
     * probe header):
     * <ul>
     *   <li>a code no link has: the miss path, a DynamoDB read each time (misses are not cached), a 404;</li>
     *   <li>the status probe's canary link ({@link CanaryCode}), once the probe has created it in this
     *       region: the found path — the item's mapping, the {@code Location}, a 302 — and, since the
     *       canary is never cached, a DynamoDB read that finds an item each time;</li>
     *   <li>the click line of a sample click, formatted and dropped (the probe header skips the sink);</li>
     *   <li>the comparison of two equal codes that a hit in the hot-link cache makes.</li>
     * </ul>
     * {@value #PRIMING_ROUNDS} rounds: 1,000 reads, a few seconds, once per published version.
     */
    void prime() {
        primeRedirects(this, wiring.clock());
    }

    /** {@link #prime}'s rounds through {@code handler}: this handler, or one that routes short codes to it (the site). */
    public static void primeRedirects(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Clock clock) {
        APIGatewayV2HTTPEvent missing = SnapStartPriming.request("GET", "/tern-snapstart-priming", "");
        APIGatewayV2HTTPEvent canary = SnapStartPriming.request("GET", "/" + CanaryCode.VALUE, "");
        ShortCode canaryCode = new ShortCode(CanaryCode.VALUE);
        for (int round = 0; round < PRIMING_ROUNDS; round++) {
            handler.handleRequest(missing, null);
            handler.handleRequest(canary, null);
            ClickLine.format(Click.of(canaryCode, clock.instant(), "https://priming.invalid/page", null,
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"));
        }
        // A hit in the hot-link cache is the first call of ShortCode.equals (the map compares the request's
        // code with the cached one), and a record's equals is linked on its first call: an invokedynamic
        // whose bootstrap (ObjectMethods) spins method handles in the interpreter, about 8 ms on one CPU.
        // The rounds above never hit the cache (neither a miss nor the canary is cached), so without this
        // the first repeated link after a restore paid it.
        if (!canaryCode.equals(new ShortCode(CanaryCode.VALUE))) {
            throw new IllegalStateException("equal short codes compare unequal");
        }
    }

    public RedirectHandler(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.settings = wiring.settings();
        this.pages = new HtmlPages(settings.publicBaseUrl());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = HttpRequest.of(event, context);
        boolean head = request.isHead();
        String method = request.method();
        if (!head && !"GET".equals(method)) {
            return pages.methodNotAllowed(method, false);
        }
        Optional<ShortCode> code = ShortCode.fromPath(request.path());
        try {
            if (code.isEmpty()) {
                return unknown(request, head);
            }
            return switch (wiring.links().resolve(code.get())) {
                case Resolution.Found found -> redirect(found.link(), request, head);
                case Resolution.NotFound notFound -> unknown(request, head);
                case Resolution.Gone gone -> pages.gone(gone, head);
                case Resolution.Blocked blocked -> pages.blocked(blocked, head);
            };
        } catch (StoreUnavailableException e) {
            wiring.log().warn("redirect", code.map(ShortCode::value).orElse(null), request.requestId(), e.detail());
            return pages.unavailable(Problems.retryAfterSeconds(e), head);
        } catch (RuntimeException e) {
            wiring.log().error("redirect", code.map(ShortCode::value).orElse(null), request.requestId(), e);
            return pages.internalError(request.requestId(), head);
        }
    }

    private APIGatewayV2HTTPResponse redirect(Link link, HttpRequest request, boolean head) {
        RedirectPolicy policy = link.ownRedirectPolicy().orElse(settings.redirectPolicy());
        LongUrl target = policy.forwardQuery() ? link.target().withQueryAppended(request.rawQuery()) : link.target();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", target.location());
        headers.put("Cache-Control", policy.cacheControl());
        headers.put("X-Robots-Tag", "noindex");
        if (!head && !request.hasHeader(PROBE_HEADER)) {
            emitClick(link.code(), request);
        }
        return Responses.of(policy.status(), headers, "");
    }

    private void emitClick(ShortCode code, HttpRequest request) {
        try {
            String country = settings.countryHeader().isEmpty() ? null : request.header(settings.countryHeader());
            wiring.clickSink().emit(Click.of(code, wiring.clock().instant(), request.header("referer"), country,
                    request.header("user-agent")));
        } catch (RuntimeException e) {
            // A click that cannot be recorded must not cost the visitor the redirect.
            wiring.log().error("click", code.value(), request.requestId(), e);
        }
    }

    private APIGatewayV2HTTPResponse unknown(HttpRequest request, boolean head) {
        if (settings.unknownCode() == TernSettings.UnknownCodeAction.REDIRECT_HOME) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Location", settings.publicBaseUrl().toASCIIString());
            headers.put("Cache-Control", "no-store");
            headers.put("X-Robots-Tag", "noindex");
            return Responses.of(302, headers, "");
        }
        return pages.notFound(request.path(), head);
    }
}
