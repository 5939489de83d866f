package dev.tern.benchmarks.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of the AWS Lambda Runtime API a Java runtime calls, served on 127.0.0.1 (a free port) for
 * the cold-start probe: {@code GET /2018-06-01/runtime/invocation/next} (long-polls until an
 * invocation is queued), {@code POST .../invocation/{id}/response}, {@code POST .../invocation/{id}/error}
 * and {@code POST /2018-06-01/runtime/init/error}, and SnapStart's {@code GET /2018-06-01/runtime/restore/next}
 * (answered at once: there is no snapshot here, so "restore" follows the checkpoint hooks directly) and
 * {@code POST .../restore/error}. One instance serves one runtime process.
 *
 * <p>Times are {@link System#nanoTime()} taken when a request arrives, so the probe can split a cold
 * start into the runtime's init (process start to its first {@code next}) and the first invocation.
 */
public final class LocalRuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What the runtime answered for one invocation, and when (nanoTime) its answer arrived. */
    public record Answer(String requestId, boolean error, String body, long receivedNanos, long handedOutNanos) {
    }

    private record Invocation(String requestId, String event, CompletableFuture<Answer> answer) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> handedOutAt = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<Long> restoreNext = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean closed;

    private LocalRuntimeApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the API on 127.0.0.1 and a free port. */
    public static LocalRuntimeApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // Platform threads: a long-polling next holds its thread; the runtime makes one call at a time.
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        });
        LocalRuntimeApi api = new LocalRuntimeApi(server, executor);
        server.createContext(PREFIX, api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an invocation with {@code event} (JSON); the future completes with the runtime's answer. */
    public CompletableFuture<Answer> invoke(String event) {
        Objects.requireNonNull(event, "event");
        Invocation invocation = new Invocation("probe-" + ids.incrementAndGet(), event, new CompletableFuture<>());
        inFlight.put(invocation.requestId(), invocation);
        queued.add(invocation);
        return invocation.answer();
    }

    /** Completes with the nanoTime of the runtime's first {@code next}: its init is done. */
    public CompletableFuture<Long> firstNext() {
        return firstNext;
    }

    /**
     * Completes with the nanoTime of the runtime's {@code restore/next}: with
     * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} the runtime calls it once its init and every
     * CRaC {@code beforeCheckpoint} hook are done, and runs the {@code afterRestore} hooks after it.
     */
    public CompletableFuture<Long> restoreNext() {
        return restoreNext;
    }

    /** Completes with the body the runtime posted to {@code /init/error} or {@code /restore/error}, if it ever does. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange, now);
            } else if (method.equals("GET") && path.equals("restore/next")) {
                restoreNext.complete(now);
                reply(exchange, 200, "");
            } else if (method.equals("POST") && (path.equals("init/error") || path.equals("restore/error"))) {
                initError.complete(readBody(exchange));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                String rest = path.substring("invocation/".length());
                String requestId = rest.substring(0, rest.lastIndexOf('/'));
                boolean error = rest.endsWith("/error");
                String body = readBody(exchange);
                Invocation invocation = inFlight.remove(requestId);
                if (invocation == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"unknown request id " + requestId + "\"}");
                    return;
                }
                reply(exchange, 202, "{\"status\":\"OK\"}");
                invocation.answer().complete(new Answer(requestId, error, body, now, handedOutAt.getOrDefault(requestId, now)));
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"not part of the probe's Runtime API: " + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange, long arrived) throws IOException {
        firstNext.complete(arrived);
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queued.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            reply(exchange, 503, "{\"errorMessage\":\"the probe is shutting down\"}");
            return;
        }
        handedOutAt.put(invocation.requestId(), System.nanoTime());
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofSeconds(30).toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:tern-probe");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply(exchange, 200, invocation.event());
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
