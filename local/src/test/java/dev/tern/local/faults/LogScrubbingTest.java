package dev.tern.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tern.core.Stores;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.ApiSettings;
import dev.tern.functions.LinksApiHandler;
import dev.tern.functions.LogLineClickSink;
import dev.tern.functions.RedirectHandler;
import dev.tern.functions.Wiring;
import dev.tern.functions.yourls.YourlsApiHandler;
import dev.tern.functions.yourls.YourlsAuthenticator;
import dev.tern.testkit.InMemoryApiKeyStore;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import dev.tern.testkit.InMemoryRateLimiter;
import dev.tern.testkit.InMemoryYourlsSiteStore;
import dev.tern.testkit.MutableClock;
import dev.tern.web.SiteHandler;
import dev.tern.web.WebSettings;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing secret and no visitor address reaches a log. The real handlers (redirect with the click
 * line of AWS, REST API, YOURLS API, the web form and its pages) are driven with events that carry
 * every kind of secret (admin key, an unknown API key, YOURLS password, signature token, time-limited
 * signature, the site's TERN_SECRET) and a recognisable client address (API Gateway's source IP and
 * an X-Forwarded-For), successful and failing calls alike, including a store that breaks. Everything
 * written to standard output, standard error and java.util.logging (where System.Logger and the
 * SDK's logging land) is captured and searched.
 */
class LogScrubbingTest {
    private static final String ADMIN_KEY = "tern_scrubadmin01_SECRETadminKEY0123456789abcdefghijklmnopqrs";
    private static final String UNKNOWN_KEY = "tern_scrubunknown_SECRETunknownKEY0123456789abcdefghijklmnopq";
    private static final String YOURLS_PASSWORD = "SECRET-yourls-password-42";
    private static final String COOKIE_KEY = "SECRET-cookie-key-0123456789";
    private static final byte[] SECRET_BYTES = "SECRET-tern-secret-0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
    private static final String TERN_SECRET = Base64.getEncoder().encodeToString(SECRET_BYTES);
    private static final String SOURCE_IP = "203.0.113.77";
    private static final String FORWARDED_IP = "198.51.100.23";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private final Handler julCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.writeBytes((record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage() + " "
                        + (record.getParameters() == null ? "" : List.of(record.getParameters())) + " "
                        + (record.getThrown() == null ? "" : record.getThrown()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(captured, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(captured, originalErr), true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(julCapture);
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(julCapture);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void handlers_successAndFailure_logNoSecretAndNoClientAddress() throws Exception {
        String signature = YourlsAuthenticator.signatureToken(COOKIE_KEY, "admin");
        long timestamp = NOW.getEpochSecond();
        String timedSignature = md5(timestamp + signature);

        Handlers working = new Handlers(new InMemoryLinkStore());
        Handlers broken = new Handlers(brokenLinkStore());
        for (Handlers h : List.of(working, broken)) {
            h.send(h.redirect, "GET", "/abc", null, Map.of("referer", "https://referrer.example/page?token=" + YOURLS_PASSWORD), null);
            h.send(h.redirect, "GET", "/abc+", null, Map.of(), null);
            h.send(h.api, "POST", "/api/v1/links", null, Map.of("authorization", "Bearer " + ADMIN_KEY,
                    "content-type", "application/json", "idempotency-key", "scrub-1"), "{\"url\":\"https://example.com/new\"}");
            h.send(h.api, "POST", "/api/v1/links", null, Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json"),
                    "{\"url\":\"https://example.com/" + ADMIN_KEY + "\",\"oops\":1}");
            h.send(h.api, "GET", "/api/v1/links/abc", null, Map.of("authorization", "Bearer " + UNKNOWN_KEY), null);
            h.send(h.api, "GET", "/api/v1/links", null, Map.of("authorization", "Bearer " + ADMIN_KEY + "x"), null);
            h.send(h.yourls, "GET", "/yourls-api.php", "action=shorturl&url=https%3A%2F%2Fexample.com%2Fy&format=json&username=admin&password="
                    + YOURLS_PASSWORD, Map.of(), null);
            h.send(h.yourls, "GET", "/yourls-api.php", "action=expand&shorturl=abc&format=json&username=admin&password=wrong-"
                    + YOURLS_PASSWORD, Map.of(), null);
            h.send(h.yourls, "POST", "/yourls-api.php", null, Map.of("content-type", "application/x-www-form-urlencoded"),
                    "action=url-stats&shorturl=abc&signature=" + signature);
            h.send(h.yourls, "GET", "/yourls-api.php", "action=stats&timestamp=" + timestamp + "&signature=" + timedSignature, Map.of(), null);
            h.send(h.site, "GET", "/", null, Map.of(), null);
            h.send(h.site, "POST", "/", null, Map.of("content-type", "application/x-www-form-urlencoded", "cookie", "tern_form=" + TERN_SECRET),
                    "url=https%3A%2F%2Fexample.com%2Fform&token=" + TERN_SECRET);
            h.send(h.site, "POST", "/abc+", null, Map.of("content-type", "application/x-www-form-urlencoded"), "reason=spam&token=x");
        }

        System.out.flush();
        System.err.flush();
        String logs;
        synchronized (captured) {
            logs = captured.toString(StandardCharsets.UTF_8);
        }
        assertThat(logs).as("the capture works: the redirect's click line").contains("\"abc\"");
        assertThat(logs).as("the capture works: the broken store's failure").contains("ERROR");
        Map<String, String> secrets = new HashMap<>();
        secrets.put("admin key", ADMIN_KEY);
        secrets.put("admin key's secret part", ADMIN_KEY.substring(ADMIN_KEY.lastIndexOf('_') + 1));
        secrets.put("unknown API key", UNKNOWN_KEY);
        secrets.put("YOURLS password", YOURLS_PASSWORD);
        secrets.put("YOURLS cookie key", COOKIE_KEY);
        secrets.put("signature token", signature);
        secrets.put("time-limited signature", timedSignature);
        secrets.put("TERN_SECRET", TERN_SECRET);
        secrets.put("TERN_SECRET decoded", new String(SECRET_BYTES, StandardCharsets.UTF_8));
        secrets.put("client address", SOURCE_IP);
        secrets.put("forwarded client address", FORWARDED_IP);
        secrets.forEach((what, value) -> assertThat(logs).as("logs must not contain the %s", what).doesNotContain(value));
    }

    /** The handlers over in-memory stores, the links behind {@code links}; the click sink is AWS's log line. */
    private static final class Handlers {
        final RedirectHandler redirect;
        final LinksApiHandler api;
        final YourlsApiHandler yourls;
        final SiteHandler site;

        Handlers(LinkStore links) {
            Map<String, String> env = Map.of("TERN_PUBLIC_BASE_URL", "http://127.0.0.1:8080", "TERN_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                    "TERN_SECRET", TERN_SECRET, "TERN_LINK_CACHE_ENTRIES", "0", "TERN_ANONYMOUS_CREATE", "true");
            if (links instanceof InMemoryLinkStore memory) {
                memory.insertNew(Link.newActive(new ShortCode("abc"), LongUrl.fromStored("https://example.com/"), "", NOW.minusSeconds(60),
                        Creator.apiKey("scrub")));
            }
            InMemoryYourlsSiteStore sites = new InMemoryYourlsSiteStore();
            sites.save(new YourlsSite(Map.of("admin", YOURLS_PASSWORD), COOKIE_KEY, false, 36, false, java.util.Set.of(), true));
            InMemoryRateLimiter limiter = new InMemoryRateLimiter();
            Wiring wiring = new Wiring(TernSettings.fromEnv(env), ApiSettings.fromEnv(env),
                    new Stores(links, new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()), new InMemoryApiKeyStore(), limiter,
                    sites, new LogLineClickSink(), new MutableClock(NOW));
            wiring.apiKeys().ensureBootstrapKey(ADMIN_KEY);
            redirect = new RedirectHandler(wiring);
            api = new LinksApiHandler(wiring);
            yourls = new YourlsApiHandler(wiring);
            site = new SiteHandler(wiring, WebSettings.fromEnv(env), limiter);
        }

        APIGatewayV2HTTPResponse send(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method, String path,
                String query, Map<String, String> headers, String body) {
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setRawPath(path);
            event.setRawQueryString(query);
            Map<String, String> all = new HashMap<>(headers);
            all.put("x-forwarded-for", FORWARDED_IP + ", " + SOURCE_IP);
            all.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64)");
            event.setHeaders(all);
            event.setBody(body);
            APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
            http.setMethod(method);
            http.setPath(path);
            http.setSourceIp(SOURCE_IP);
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setHttp(http);
            context.setRequestId("scrub-request");
            event.setRequestContext(context);
            return handler.handleRequest(event, null);
        }
    }

    /** A link store whose every call fails, with the kind of message a driver might give. */
    private static LinkStore brokenLinkStore() {
        InvocationHandler fail = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(new Object(), args);
            }
            throw new IllegalStateException("the store broke during " + method.getName());
        };
        return (LinkStore) Proxy.newProxyInstance(LinkStore.class.getClassLoader(), new Class<?>[] {LinkStore.class}, fail);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes to the capture and to the original stream, so the test's own output stays visible. */
    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream capture;
        private final OutputStream original;

        Tee(ByteArrayOutputStream capture, OutputStream original) {
            this.capture = capture;
            this.original = original;
        }

        @Override
        public void write(int b) {
            synchronized (capture) {
                capture.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (capture) {
                capture.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                // the original stream is only for the reader's convenience
            }
        }
    }
}
