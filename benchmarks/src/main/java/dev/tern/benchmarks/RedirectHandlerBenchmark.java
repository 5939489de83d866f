package dev.tern.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.Stores;
import dev.tern.core.click.ClickSink;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.TernSettings;
import dev.tern.functions.LogLineClickSink;
import dev.tern.functions.RedirectHandler;
import dev.tern.functions.Wiring;
import dev.tern.local.LocalLambdaContext;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The redirect handler's own cost, parse to response, over an in-memory store: an API Gateway v2
 * event with a browser's headers goes in, the 301 response comes out. The store lookup is a map
 * read, so what is measured is Tern's code on the hot path (request parsing, resolve, policy,
 * ASCII location, click emission), not DynamoDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RedirectHandlerBenchmark {
    private RedirectHandler countingSinkHandler;
    private RedirectHandler logLineSinkHandler;
    private APIGatewayV2HTTPEvent redirectEvent;
    private APIGatewayV2HTTPEvent unicodeRedirectEvent;
    private APIGatewayV2HTTPEvent unknownEvent;
    private static final LocalLambdaContext CONTEXT = new LocalLambdaContext("bench-request", "tern-redirect");
    private final LongAdder clicks = new LongAdder();

    @Setup
    public void setUp() {
        TernSettings settings = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://tern.example"));
        InMemoryLinkStore links = new InMemoryLinkStore();
        Instant created = Instant.parse("2026-11-01T00:00:00Z");
        links.insertNew(Link.newActive(new ShortCode("promo"),
                LongUrl.parse("https://example.com/landing/spring-sale?utm_source=tern&utm_medium=short", settings.urlPolicy()),
                "Spring sale", created, Creator.UNKNOWN));
        links.insertNew(Link.newActive(new ShortCode("Buch"),
                LongUrl.parse("https://bücher.example/straße/übersicht", settings.urlPolicy()), "", created, Creator.UNKNOWN));
        Stores stores = new Stores(links, new InMemoryIdempotencyStore(), new InMemoryClickCounterStore());
        ClickSink counting = click -> clicks.increment();
        countingSinkHandler = new RedirectHandler(new Wiring(settings, stores, counting, Clock.systemUTC()));
        // The production sink, writing its JSON line to a consumer that drops it instead of stdout.
        LogLineClickSink logLines = new LogLineClickSink(line -> {
            if (line.isEmpty()) {
                throw new IllegalStateException("empty click line");
            }
        });
        logLineSinkHandler = new RedirectHandler(new Wiring(settings, stores, logLines, Clock.systemUTC()));
        redirectEvent = browserGet("/promo");
        unicodeRedirectEvent = browserGet("/Buch/");
        unknownEvent = browserGet("/nothere");
    }

    @Benchmark
    public APIGatewayV2HTTPResponse redirect() {
        return countingSinkHandler.handleRequest(redirectEvent, CONTEXT);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse redirectWithLogLineClickSink() {
        return logLineSinkHandler.handleRequest(redirectEvent, CONTEXT);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse redirectToUnicodeUrl() {
        return countingSinkHandler.handleRequest(unicodeRedirectEvent, CONTEXT);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse unknownCode() {
        return countingSinkHandler.handleRequest(unknownEvent, CONTEXT);
    }

    /** An event as API Gateway sends it for a desktop browser following a link from a web page. */
    static APIGatewayV2HTTPEvent browserGet(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("accept-encoding", "gzip, deflate, br");
        headers.put("accept-language", "pt-PT,pt;q=0.9,en;q=0.8");
        headers.put("host", "tern.example");
        headers.put("referer", "https://news.example.org/articles/2026/11/spring");
        headers.put("sec-fetch-dest", "document");
        headers.put("sec-fetch-mode", "navigate");
        headers.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
        headers.put("x-amzn-trace-id", "Root=1-67891233-abcdef012345678912345678");
        headers.put("x-forwarded-for", "198.51.100.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench-request")
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withDomainName("tern.example")
                        .withTimeEpoch(1_763_856_000_000L)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("198.51.100.7").withUserAgent(headers.get("user-agent")).build())
                        .build())
                .build();
    }
}
