package dev.tern.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.click.DayTally;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.LinkNotFoundException;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.CreatedLink;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkDetails;
import dev.tern.core.link.NewLinkRequest;
import dev.tern.core.link.ShortCode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.ratelimit.RateDecision;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.ratelimit.RateLimiter;
import dev.tern.core.settings.TernSettings;
import dev.tern.functions.HttpRequest;
import dev.tern.functions.Problems;
import dev.tern.functions.Responses;
import dev.tern.functions.Wiring;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The site's pages: the creation form and its answers, the result page, the preview/statistics page
 * and the error pages, in the visitor's language. Built once per container, on the first request
 * that needs a page (never by a redirect): it owns the Thymeleaf engine.
 *
 * <p>Every page is {@code no-store} (forms carry one-time tokens, statistics move) and carries
 * {@link SecurityHeaders}. A HEAD request gets the status and headers without rendering anything.
 */
final class WebSite {
    /** Rate-limit buckets of the form: this prefix and the keyed hash of the client address. */
    static final String RATE_BUCKET_PREFIX = "web-create:";
    /** Form nonces become Idempotency-Keys under this prefix. */
    static final String IDEMPOTENCY_PREFIX = "web-";
    static final int CHART_DAYS = 30;
    /** Rate-limit buckets of the report form: this prefix and the keyed hash of the client address. */
    static final String REPORT_BUCKET_PREFIX = "abuse-report:";
    /** One address may send 5 reports at once, then 10 an hour: enough for a person, little for a flood. */
    static final RateLimit REPORT_LIMIT = new RateLimit(5, 10, Duration.ofHours(1));
    static final int TOP_ENTRIES = 10;

    private final Wiring wiring;
    private final TernSettings settings;
    private final WebSettings web;
    private final RateLimiter limiter;
    private final StaticAssets assets;
    private final Messages messages;
    private final Templates templates;
    private final SiteKeys keys;
    private final FormTokens tokens;
    private final FormCheck check;
    private final Map<String, String> assetUrls;

    WebSite(Wiring wiring, WebSettings web, RateLimiter limiter, StaticAssets assets) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.settings = wiring.settings();
        this.web = Objects.requireNonNull(web, "web");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.messages = new Messages();
        this.templates = new Templates(messages);
        this.keys = new SiteKeys(web.secret());
        this.tokens = new FormTokens(keys);
        this.check = new FormCheck(settings.urlPolicy(), settings.codePolicy());
        this.assetUrls = Map.of("css", assets.url("tern.css"), "js", assets.url("tern.js"), "icon", assets.url("favicon.svg"));
    }

    /** A heading and a sentence shown above the form when it is answered with something other than field errors. */
    record Banner(String title, String text) {
    }

    /** One field's error as the error summary lists it. */
    record ErrorView(String field, String text) {
    }

    /** A referrer host or country and its clicks. */
    record Ranked(String label, long clicks) {
    }

    /** One request's facts: language (and a cookie to remember a switch), HTTPS, HEAD, cookies to set. */
    final class Visit {
        final HttpRequest request;
        final boolean https;
        final boolean head;
        final Language language;
        final String switchPath;
        final List<String> cookies = new ArrayList<>();
        final Instant now;

        /**
         * @param switchPath the path the language links point at ({@code ?lang=} is added); {@code null}
         *                   when the query string belongs to someone else (prefix-and-shorten)
         */
        Visit(HttpRequest request, boolean https, String switchPath, boolean queryIsOurs) {
            this.request = request;
            this.https = https;
            this.head = request.isHead();
            this.switchPath = switchPath;
            this.now = wiring.clock().instant();
            Optional<Language> asked = queryIsOurs ? Language.fromTag(queryParam(request.rawQuery(), "lang")) : Optional.empty();
            if (asked.isPresent()) {
                language = asked.get();
                cookies.add(Cookies.languageCookie(language, https));
            } else {
                language = Language.fromTag(Cookies.get(request, Cookies.LANGUAGE))
                        .orElseGet(() -> Language.negotiate(request.header("accept-language")));
            }
        }

        String text(String key, Object... args) {
            return messages.get(language, key, args);
        }
    }

    Visit visit(HttpRequest request, boolean https, String switchPath, boolean queryIsOurs) {
        return new Visit(request, https, switchPath, queryIsOurs);
    }

    // ---------------------------------------------------------------------------------------------
    // The form

    /** {@code GET /}: the empty form, or prefilled from {@code ?url=}. */
    APIGatewayV2HTTPResponse home(Visit visit) {
        String url = queryParam(visit.request.rawQuery(), "url");
        return formPage(visit, 200, url == null ? LinkForm.EMPTY : LinkForm.prefilled(url), List.of(), null, null, Map.of());
    }

    /** {@code GET /https://…}: prefix-and-shorten, the form with the URL filled in (never created without a post). */
    APIGatewayV2HTTPResponse prefill(Visit visit, String url) {
        return formPage(visit, 200, LinkForm.prefilled(url), List.of(), null, null, Map.of());
    }

    /** {@code POST /}: creates a link from the form. */
    APIGatewayV2HTTPResponse create(Visit visit) {
        HttpRequest request = visit.request;
        if (!web.anonymousCreate()) {
            return message(visit, 403, "createOff", Map.of());
        }
        if (isCrossSite(request, visit.https)) {
            return message(visit, 403, "crossSite", Map.of());
        }
        LinkForm form;
        try {
            form = LinkForm.parse(request.header("content-type"), request.bodyBytes());
        } catch (LinkForm.UnreadableException | IllegalArgumentException e) {
            wiring.log().warn("web-create", null, request.requestId(), "unreadable form: " + e.getMessage());
            return message(visit, 400, "badForm", Map.of());
        }
        FormTokens.Check token = tokens.verify(form.token(), Cookies.get(request, Cookies.formCookieName(visit.https)), visit.now);
        if (!token.valid()) {
            String key = "csrf." + token.verdict().name().toLowerCase(Locale.ROOT);
            return formPage(visit, 403, form.withoutToken(), List.of(), banner(visit, key), null, Map.of());
        }
        FormCheck.Outcome outcome = check.check(form, visit.now);
        if (!outcome.ok()) {
            return formPage(visit, 400, form, outcome.errors(), null, null, Map.of());
        }
        String client = keys.clientHash(request.sourceIp());
        try {
            RateDecision decision = limiter.tryAcquire(RATE_BUCKET_PREFIX + client, web.anonymousCreateLimit(), visit.now);
            if (!decision.allowed()) {
                long seconds = retryAfterSeconds(decision.retryAfter());
                Banner banner = new Banner(visit.text("rate.title"), visit.text("rate.text", (seconds + 59) / 60));
                return formPage(visit, 429, form, List.of(), banner, token.formNonce(), Map.of("Retry-After", Long.toString(seconds)));
            }
            CreatedLink created = wiring.links().create(new NewLinkRequest(form.url(), emptyToNull(form.code()),
                    emptyToNull(form.title()), outcome.expiresAt(), Creator.anonymous(client), IDEMPOTENCY_PREFIX + token.formNonce()));
            return result(visit, created);
        } catch (StoreUnavailableException e) {
            wiring.log().warn("web-create", emptyToNull(form.code()), request.requestId(), e.detail());
            // The same form nonce: if the link was created after all, submitting again returns it.
            return formPage(visit, 503, form, List.of(), banner(visit, "busy"), token.formNonce(),
                    Map.of("Retry-After", Long.toString(Problems.retryAfterSeconds(e))));
        } catch (TernException e) {
            Optional<FieldError> field = check.fromCore(e, form);
            if (field.isPresent()) {
                return formPage(visit, 400, form, List.of(field.get()), null, null, Map.of());
            }
            if (e.code() == ErrorCode.IDEMPOTENCY_KEY_REUSED) {
                return formPage(visit, 409, form, List.of(), banner(visit, "reused"), null, Map.of());
            }
            wiring.log().warn("web-create", emptyToNull(form.code()), request.requestId(), e.code().slug() + ": " + e.detail());
            return formPage(visit, 400, form, List.of(), banner(visit, "badRequest"), null, Map.of());
        }
    }

    private APIGatewayV2HTTPResponse result(Visit visit, CreatedLink created) {
        Link link = created.link();
        String shortUrl = settings.shortUrl(link.code());
        Map<String, Object> vars = new HashMap<>();
        vars.put("pageTitle", visit.text("result.title"));
        vars.put("shortUrl", shortUrl);
        vars.put("code", link.code().value());
        vars.put("previewHref", previewHref(link.code()));
        vars.put("qr", QrSvg.of(shortUrl));
        vars.put("destination", link.target().value());
        vars.put("title", link.title());
        vars.put("expires", link.expiry().map(at -> dateTime(visit, at)).orElse(null));
        vars.put("replayed", created.replayed());
        vars.put("noindex", true);
        return render(visit, created.replayed() ? 200 : 201, "result", vars, Map.of());
    }

    private APIGatewayV2HTTPResponse formPage(Visit visit, int status, LinkForm values, List<FieldError> errors, Banner banner,
            String formNonce, Map<String, String> extraHeaders) {
        Map<String, Object> vars = new HashMap<>();
        boolean enabled = web.anonymousCreate();
        if (enabled && !visit.head) {
            String cookie = Cookies.get(visit.request, Cookies.formCookieName(visit.https));
            if (!FormTokens.isCookieNonce(cookie)) {
                cookie = tokens.newCookieNonce();
                visit.cookies.add(Cookies.formCookie(cookie, visit.https));
            }
            vars.put("token", formNonce == null ? tokens.issue(cookie, visit.now) : tokens.issue(cookie, formNonce, visit.now));
        }
        Map<String, String> errorTexts = new LinkedHashMap<>();
        List<ErrorView> errorList = new ArrayList<>();
        for (FieldError error : errors) {
            String text = error.text(messages, visit.language);
            if (errorTexts.putIfAbsent(error.field(), text) == null) {
                errorList.add(new ErrorView(error.field(), text));
            }
        }
        String heading = banner == null ? visit.text("form.title") : banner.title();
        vars.put("pageTitle", (errors.isEmpty() ? "" : visit.text("form.errorPrefix") + " ") + heading);
        vars.put("heading", heading);
        vars.put("banner", banner);
        vars.put("form", values);
        vars.put("errors", errorTexts);
        vars.put("errorList", errorList);
        vars.put("enabled", enabled);
        vars.put("noindex", status != 200);
        return render(visit, status, "form", vars, extraHeaders);
    }

    /**
     * Whether a post comes from another site: {@code Sec-Fetch-Site: cross-site}, or an {@code Origin}
     * that is neither the public base URL's nor this request's own host. {@code Origin: null} and no
     * {@code Origin} (older browsers, some privacy tools) leave the decision to the token.
     */
    private boolean isCrossSite(HttpRequest request, boolean https) {
        String fetchSite = request.header("sec-fetch-site");
        if (fetchSite != null && fetchSite.strip().equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = request.header("origin");
        if (origin == null || origin.isBlank() || origin.strip().equals("null")) {
            return false;
        }
        String given = origin.strip().toLowerCase(Locale.ROOT);
        java.net.URI base = settings.publicBaseUrl();
        String own = (base.getScheme() + "://" + base.getRawAuthority()).toLowerCase(Locale.ROOT);
        if (given.equals(own) || given.equals(withoutDefaultPort(own))) {
            return false;
        }
        String host = request.header("host");
        if (host != null && !host.isBlank()) {
            String self = ((https ? "https" : "http") + "://" + host.strip()).toLowerCase(Locale.ROOT);
            return !(given.equals(self) || given.equals(withoutDefaultPort(self)));
        }
        return true;
    }

    private static String withoutDefaultPort(String origin) {
        if (origin.startsWith("https://") && origin.endsWith(":443")) {
            return origin.substring(0, origin.length() - 4);
        }
        if (origin.startsWith("http://") && origin.endsWith(":80")) {
            return origin.substring(0, origin.length() - 3);
        }
        return origin;
    }

    // ---------------------------------------------------------------------------------------------
    // The preview / statistics page

    /** {@code GET /{code}+}: where the link leads and how often it was followed; never redirects. */
    APIGatewayV2HTTPResponse preview(Visit visit, ShortCode code) {
        LinkDetails details;
        try {
            details = wiring.links().get(code);
        } catch (LinkNotFoundException e) {
            if (settings.unknownCode() == TernSettings.UnknownCodeAction.REDIRECT_HOME) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Location", settings.publicBaseUrl().toASCIIString());
                headers.put("Cache-Control", "no-store");
                return SecurityHeaders.complete(Responses.of(302, headers, ""), visit.https);
            }
            return message(visit, 404, "notFound", Map.of(), code.value());
        }
        Link link = details.link();
        switch (link.status()) {
            case DISABLED -> {
                return message(visit, 410, "gone.disabled", Map.of(), code.value());
            }
            case DELETED -> {
                return message(visit, 410, "gone.deleted", Map.of(), code.value());
            }
            case ACTIVE -> {
                if (link.isExpiredAt(visit.now)) {
                    return message(visit, 410, "gone.expired", Map.of(), code.value(), dateTime(visit, link.expiresAt()));
                }
            }
            default -> throw new IllegalStateException("unknown status " + link.status());
        }
        if (visit.head) {
            return render(visit, 200, "preview", Map.of(), Map.of());
        }
        LocalDate today = LocalDate.ofInstant(visit.now, ZoneOffset.UTC);
        LocalDate from = today.minusDays(CHART_DAYS - 1L);
        SortedMap<LocalDate, DayTally> days = wiring.stores().clicks().days(code, from, today);
        Locale locale = visit.language.locale();
        DateTimeFormatter dayFormat = DateTimeFormatter.ofPattern(visit.text("format.day"), locale);
        DateTimeFormatter tickFormat = DateTimeFormatter.ofPattern(visit.text("format.tick"), locale);
        ClickChart chart = ClickChart.of(days, from, today, dayFormat, tickFormat,
                (day, clicks) -> visit.text("stats.dayLabel", day, clicksText(visit, clicks)));

        Map<String, Object> vars = new HashMap<>();
        vars.put("pageTitle", visit.text("preview.title", code.value()));
        vars.put("code", code.value());
        vars.put("shortUrl", settings.shortUrl(code));
        vars.put("destination", link.target().value());
        String scheme = link.target().scheme();
        // What the redirect checks again: a destination blocked since the link was made shows a warning, not a link.
        boolean blocked = !scheme.isEmpty() && !settings.urlPolicy().allowsScheme(scheme)
                || wiring.blocklist().blockingEntry(link.target()).isPresent();
        vars.put("blocked", blocked);
        vars.put("destinationHref", !blocked && (scheme.equals("http") || scheme.equals("https")) ? link.target().location() : null);
        vars.put("reportAction", previewHref(code));
        vars.put("reportToken", formToken(visit));
        vars.put("reasons", dev.tern.core.abuse.AbuseReason.values());
        vars.put("title", link.title());
        vars.put("created", dateTime(visit, link.createdAt()));
        vars.put("createdIso", link.createdAt().toString());
        vars.put("expires", link.expiry().map(at -> dateTime(visit, at)).orElse(null));
        vars.put("clicks", Long.toString(details.totalClicks()));
        vars.put("chart", chart);
        String busiest = busiestDay(visit, chart);
        vars.put("chartSummary", visit.text("stats.chartSummary", CHART_DAYS, clicksText(visit, chart.total()))
                + (busiest.isEmpty() ? "" : " " + busiest));
        vars.put("chartDays", CHART_DAYS);
        vars.put("referrers", top(days, DayTally::referrers, host -> referrerLabel(visit, host)));
        vars.put("countries", top(days, DayTally::countries, country -> countryLabel(visit, country)));
        vars.put("noindex", true);
        return render(visit, 200, "preview", vars, Map.of());
    }

    /** A form token bound to the visitor's cookie nonce (set now if the browser has none yet), for the page's forms. */
    private String formToken(Visit visit) {
        String cookie = Cookies.get(visit.request, Cookies.formCookieName(visit.https));
        if (!FormTokens.isCookieNonce(cookie)) {
            cookie = tokens.newCookieNonce();
            visit.cookies.add(Cookies.formCookie(cookie, visit.https));
        }
        return tokens.issue(cookie, visit.now);
    }

    // ---------------------------------------------------------------------------------------------
    // The report form

    /**
     * {@code POST /{code}+}: a visitor reports the link. Protected like the creation form (same-site
     * check, the signed double-submit token) and limited per hashed address; the report is stored for
     * an administrator and changes nothing by itself.
     */
    APIGatewayV2HTTPResponse report(Visit visit, ShortCode code) {
        HttpRequest request = visit.request;
        if (isCrossSite(request, visit.https)) {
            return message(visit, 403, "crossSite", Map.of());
        }
        Map<String, String> fields;
        try {
            fields = LinkForm.fields(request.header("content-type"), request.bodyBytes());
        } catch (LinkForm.UnreadableException | IllegalArgumentException e) {
            wiring.log().warn("web-report", code.value(), request.requestId(), "unreadable form: " + e.getMessage());
            return message(visit, 400, "badForm", Map.of());
        }
        FormTokens.Check token = tokens.verify(fields.get("token"), Cookies.get(request, Cookies.formCookieName(visit.https)), visit.now);
        if (!token.valid()) {
            return message(visit, 403, "report.csrf", Map.of());
        }
        String client = keys.clientHash(request.sourceIp());
        RateDecision decision = limiter.tryAcquire(REPORT_BUCKET_PREFIX + client, REPORT_LIMIT, visit.now);
        if (!decision.allowed()) {
            long seconds = retryAfterSeconds(decision.retryAfter());
            return message(visit, 429, "report.rate", Map.of("Retry-After", Long.toString(seconds)), (seconds + 59) / 60);
        }
        try {
            wiring.abuseReports().report(code, fields.get("reason"), fields.get("comment"), Creator.anonymous(client));
        } catch (LinkNotFoundException e) {
            return message(visit, 404, "notFound", Map.of(), code.value());
        } catch (InvalidRequestException e) {
            return message(visit, 400, "report.invalid", Map.of());
        }
        return message(visit, 200, "report.thanks", Map.of(), code.value());
    }

    private String busiestDay(Visit visit, ClickChart chart) {
        ClickChart.Bar busiest = null;
        for (ClickChart.Bar bar : chart.bars()) {
            if (bar.clicks() > 0 && (busiest == null || bar.clicks() > busiest.clicks())) {
                busiest = bar;
            }
        }
        return busiest == null ? "" : visit.text("stats.busiest", busiest.dayText(), clicksText(visit, busiest.clicks()));
    }

    private static List<Ranked> top(SortedMap<LocalDate, DayTally> days, Function<DayTally, Map<String, Long>> part,
            Function<String, String> label) {
        Map<String, Long> sums = new HashMap<>();
        for (DayTally day : days.values()) {
            part.apply(day).forEach((key, clicks) -> sums.merge(key, clicks, Long::sum));
        }
        return sums.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ENTRIES)
                .map(e -> new Ranked(label.apply(e.getKey()), e.getValue()))
                .toList();
    }

    private static String referrerLabel(Visit visit, String host) {
        return switch (host) {
            case "direct" -> visit.text("stats.direct");
            case "unknown" -> visit.text("stats.unknownReferrer");
            case "(other)" -> visit.text("stats.other");
            default -> host;
        };
    }

    private static String countryLabel(Visit visit, String country) {
        if (country.equals("(other)")) {
            return visit.text("stats.other");
        }
        String name = Locale.of("", country).getDisplayCountry(visit.language.locale());
        return name.isEmpty() || name.equals(country) ? country : name + " (" + country + ")";
    }

    private static String clicksText(Visit visit, long clicks) {
        return visit.text(clicks == 1 ? "stats.clicks.one" : "stats.clicks.other", clicks);
    }

    // ---------------------------------------------------------------------------------------------
    // Plain pages

    /** A page with a heading, one or two paragraphs ({@code key.title}, {@code key.text}, {@code key.text2}) and a link home. */
    APIGatewayV2HTTPResponse message(Visit visit, int status, String key, Map<String, String> extraHeaders, Object... args) {
        Map<String, Object> vars = new HashMap<>();
        Banner banner = banner(visit, key, args);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(banner.text());
        if (messages.has(key + ".text2")) {
            paragraphs.add(visit.text(key + ".text2", args));
        }
        vars.put("pageTitle", banner.title());
        vars.put("heading", banner.title());
        vars.put("paragraphs", paragraphs);
        vars.put("noindex", true);
        return render(visit, status, "message", vars, extraHeaders);
    }

    /** 405 on {@code /}. */
    APIGatewayV2HTTPResponse methodNotAllowed(Visit visit, String allow) {
        return message(visit, 405, "method", Map.of("Allow", allow));
    }

    /** 503 with {@code Retry-After}: a store throttled while a page was read. */
    APIGatewayV2HTTPResponse busy(Visit visit, StoreUnavailableException e) {
        return message(visit, 503, "busy", Map.of("Retry-After", Long.toString(Problems.retryAfterSeconds(e))));
    }

    /** 500: something unexpected (already logged); the request id helps find the log line. */
    APIGatewayV2HTTPResponse failure(Visit visit) {
        return message(visit, 500, "failure", Map.of(), visit.request.requestId());
    }

    private Banner banner(Visit visit, String key, Object... args) {
        return new Banner(visit.text(key + ".title", args), visit.text(key + ".text", args));
    }

    private APIGatewayV2HTTPResponse render(Visit visit, int status, String template, Map<String, Object> vars,
            Map<String, String> extraHeaders) {
        Map<String, String> headers = SecurityHeaders.forPage(visit.https);
        headers.put("Content-Language", visit.language.tag());
        headers.put("Vary", "Accept-Language, Cookie");
        headers.putAll(extraHeaders);
        String body = "";
        if (!visit.head) {
            Map<String, Object> all = new HashMap<>(vars);
            all.put("lang", visit.language.tag());
            all.put("assets", assetUrls);
            String switchPath = visit.switchPath == null ? "/" : visit.switchPath;
            all.put("langEnHref", switchPath + "?lang=" + Language.EN.tag());
            all.put("langPtHref", switchPath + "?lang=" + Language.PT_PT.tag());
            all.put("siteName", visit.text("site.name"));
            all.putIfAbsent("noindex", false);
            body = templates.render(template, visit.language, all);
        }
        APIGatewayV2HTTPResponse response = Responses.of(status, headers, body);
        if (!visit.cookies.isEmpty()) {
            response.setCookies(List.copyOf(visit.cookies));
        }
        return response;
    }

    // ---------------------------------------------------------------------------------------------

    private String dateTime(Visit visit, Instant at) {
        return DateTimeFormatter.ofPattern(visit.text("format.dateTime"), visit.language.locale()).withZone(ZoneOffset.UTC).format(at);
    }

    static String previewHref(ShortCode code) {
        return "/" + code.value() + "+";
    }

    private static long retryAfterSeconds(Duration retryAfter) {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The first value of query parameter {@code name}, decoded, or {@code null}. */
    static String queryParam(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
