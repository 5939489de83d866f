package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tern.core.LazySecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart hooks (CRaC), registered once per container by the handlers' production
 * constructors:
 * <ul>
 *   <li><b>before the snapshot</b>: each handler runs a representative request through itself
 *       (its cold path: class loading, JIT of the hot code, the DynamoDB client's first call and TLS
 *       set-up) — requests chosen to write nothing and count no click, e.g. a redirect of a code no
 *       link can have and of the status probe's canary link (repeated until compiled),
 *       {@code /health}, a YOURLS call without credentials;</li>
 *   <li><b>after a restore</b>: every {@link LazySecureRandom} forgets its generator, so restored
 *       containers never share a random state taken into the snapshot. Connections the snapshot
 *       carried are stale: the SDK's retry on the first failed call replaces them.</li>
 * </ul>
 * On a JVM without CRaC (local, tests) nothing calls the hooks; {@link #primeAll()} runs the same
 * priming on demand, which is how its cost is measured ({@code docs/PERFORMANCE.md}).
 */
public final class SnapStartPriming implements Resource {
    private static final SnapStartPriming INSTANCE = new SnapStartPriming();
    /** CRaC keeps resources weakly: this strong reference keeps the registration alive. */
    private static final List<Primer> PRIMERS = new CopyOnWriteArrayList<>();
    private static volatile boolean registered;

    private record Primer(String name, Runnable run) {
    }

    private SnapStartPriming() {
    }

    /**
     * Adds {@code primer} (run before the snapshot) and registers the hooks on the first call. A
     * primer that fails is logged and skipped: priming must never stop a snapshot.
     */
    public static void add(String name, Runnable primer) {
        PRIMERS.add(new Primer(Objects.requireNonNull(name, "name"), Objects.requireNonNull(primer, "primer")));
        if (!registered) {
            synchronized (SnapStartPriming.class) {
                if (!registered) {
                    Core.getGlobalContext().register(INSTANCE);
                    registered = true;
                }
            }
        }
    }

    /** Runs every primer once; returns how many ran without failing. */
    public static int primeAll() {
        int ok = 0;
        for (Primer primer : PRIMERS) {
            try {
                primer.run().run();
                ok++;
            } catch (RuntimeException | LinkageError e) {
                System.out.println("{\"level\":\"WARN\",\"op\":\"snapstart-priming\",\"primer\":\"" + primer.name()
                        + "\",\"error\":\"" + e.getClass().getName() + "\"}");
            }
        }
        return ok;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primeAll();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        LazySecureRandom.resetAll();
    }

    /** A synthetic API Gateway request for priming: {@code method path?query}, from 127.0.0.1, marked as a probe. */
    public static APIGatewayV2HTTPEvent request(String method, String path, String rawQuery) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withSourceIp("127.0.0.1").withProtocol("HTTP/1.1").withUserAgent("tern-priming").build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withRequestId("snapstart-priming").withDomainName("priming.invalid").withStage("$default").build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(Map.of("x-tern-probe", "snapstart-priming", "user-agent", "tern-priming", "host", "priming.invalid"))
                .withRequestContext(context).withIsBase64Encoded(false).build();
    }
}
