package dev.tern.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load test's generators read responses the way a client must (lengths, chunks, closed
 * connections) and count what they were answered; against a JDK HTTP server on 127.0.0.1.
 */
class LoadGeneratorTest {
    private HttpServer server;
    private URI base;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            served.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body = ("moved " + path).getBytes(StandardCharsets.UTF_8);
            switch (path) {
                case "/fixed" -> {
                    exchange.getResponseHeaders().add("Location", "https://example.com/");
                    exchange.sendResponseHeaders(301, body.length);
                }
                case "/chunked" -> exchange.sendResponseHeaders(301, 0); // no length: chunked
                case "/empty" -> exchange.sendResponseHeaders(301, -1);
                case "/close" -> {
                    exchange.getResponseHeaders().add("Connection", "close");
                    exchange.sendResponseHeaders(301, body.length);
                }
                default -> exchange.sendResponseHeaders(404, body.length);
            }
            if (!path.equals("/empty")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void keepAliveConnection_readsEveryKindOfBody_andReusesTheConnection() throws IOException {
        try (KeepAliveHttpConnection connection = new KeepAliveHttpConnection(base)) {
            for (String path : List.of("/fixed", "/chunked", "/empty", "/fixed", "/missing", "/chunked")) {
                int expected = path.equals("/missing") ? 404 : 301;
                assertThat(connection.send(KeepAliveHttpConnection.getRequest(base, path))).as(path).isEqualTo(expected);
            }
        }
        assertThat(served).hasValue(6);
        assertThat(clientPorts).as("one keep-alive connection for all six").hasSize(1);
    }

    @Test
    void keepAliveConnection_reconnectsAfterTheServerAsksToClose() throws IOException {
        try (KeepAliveHttpConnection connection = new KeepAliveHttpConnection(base)) {
            assertThat(connection.send(KeepAliveHttpConnection.getRequest(base, "/close"))).isEqualTo(301);
            assertThat(connection.send(KeepAliveHttpConnection.getRequest(base, "/fixed"))).isEqualTo(301);
        }
        assertThat(clientPorts).as("a new connection after Connection: close").hasSize(2);
    }

    @Test
    void keepAliveConnection_failsClearlyWhenNothingListens() throws IOException {
        server.stop(0);
        try (KeepAliveHttpConnection connection = new KeepAliveHttpConnection(base)) {
            assertThatThrownBy(() -> connection.send(KeepAliveHttpConnection.getRequest(base, "/fixed")))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void wrkOutput_isReadInMilliseconds_withNon3xxAndSocketErrorsAsFailures() {
        LoadSummary outcome = WrkLoad.parse("""
                Running 15s test @ http://127.0.0.1:18080
                  2 threads and 32 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     2.58ms    2.51ms   1.20s    90.21%
                    Req/Sec     7.02k     2.81k   16.44k    66.67%
                  Latency Distribution
                     50%  910.00us
                     75%    2.93ms
                     90%    5.09ms
                     99%   12.06ms
                  210041 requests in 15.07s, 37.64MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 41
                Requests/sec:  13941.94
                Transfer/sec:      2.50MB
                """);
        assertThat(outcome.ok()).isEqualTo(210_000);
        assertThat(outcome.failed()).isEqualTo(44);
        assertThat(outcome.seconds()).isEqualTo(15.07, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(outcome.p50()).isEqualTo(0.91, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(outcome.p90()).isEqualTo(5.09);
        assertThat(outcome.p99()).isEqualTo(12.06);
        assertThat(outcome.max()).isEqualTo(1200.0);
    }

    @Test
    void wrkOutput_withoutACount_isAnError() {
        assertThatThrownBy(() -> WrkLoad.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Connection refused");
    }

    @Test
    void wrk_stopsAtItsShareOfTheCount_andOnlyLoads127001() throws Exception {
        assertThatThrownBy(() -> WrkLoad.run(URI.create("http://localhost:1"), List.of("fixed"), 2, 10, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1");
        assumeThat(WrkLoad.available()).as("wrk is not installed (apt-get install wrk): skipping the run through it").isTrue();
        LoadSummary outcome = WrkLoad.run(base, List.of("fixed", "chunked"), 2, 200, Duration.ofSeconds(2));
        assertThat(outcome.failed()).isZero();
        // Each of wrk's two threads stops after 100 responses; a request in flight on the other connection
        // when a thread stops may still be served.
        assertThat(outcome.ok()).isEqualTo(200);
        assertThat(served.get()).isBetween(200, 202);
    }
}
