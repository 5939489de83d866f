package dev.tern.status.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tern.core.status.Component;
import dev.tern.core.status.DatabaseProbe;
import dev.tern.core.status.Measurement;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probe over real HTTP against servers on 127.0.0.1 that answer as a healthy Tern region, a
 * broken one and a hanging one.
 */
class ProbeRunnerIT {
    private static final Region SELF = Region.of("eu-west-1");
    private static final ProbePlan PLAN = ProbePlan.standard("tern-canary", 302, URI.create("https://example.com/canary"),
            Optional.empty(), Optional.empty());
    private static final DatabaseProbe FAST_DATABASE = target -> new Measurement(Outcome.PASS, 7, "replication lag 900 ms");

    private final ConcurrentLinkedQueue<String> probeHeaders = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
    }

    private URI server(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            probeHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Tern-Probe")));
            handler.handle(exchange);
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void answer(HttpExchange exchange, int status, String location) throws IOException {
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void healthy(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/tern-canary" -> answer(exchange, 302, "https://example.com/canary");
            case "/yourls-api.php" -> answer(exchange, 403, null);
            default -> answer(exchange, 200, null);
        }
    }

    private static ProbeResult result(ProbeRound round, Region target, Component component) {
        return round.results().stream()
                .filter(r -> r.targetRegion().equals(target) && r.component() == component)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void healthyRegion_passesEveryCheck_andEveryRequestCarriesTheProbeHeader() throws IOException {
        URI base = server(ProbeRunnerIT::healthy);
        try (ProbeRunner runner = new ProbeRunner(SELF, Map.of(SELF, base), PLAN, FAST_DATABASE, Duration.ofSeconds(5),
                Clock.systemUTC())) {
            ProbeRound round = runner.run();

            assertThat(round.probingRegion()).isEqualTo(SELF);
            assertThat(round.results()).hasSize(Component.values().length)
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.component() + " " + r.detail()).isEqualTo(Outcome.PASS));
            assertThat(result(round, SELF, Component.DATABASE).detail()).isEqualTo("replication lag 900 ms");
            assertThat(probeHeaders).hasSize(4).containsOnly("1");
        }
    }

    @Test
    void wrongStatusOrLocation_failsSayingWhatCameBack() throws IOException {
        Region us = Region.of("us-east-1");
        URI broken = server(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/tern-canary")) {
                answer(exchange, 302, "https://example.com/elsewhere");
            } else {
                answer(exchange, 503, null);
            }
        });
        try (ProbeRunner runner = new ProbeRunner(SELF, Map.of(us, broken), PLAN, FAST_DATABASE, Duration.ofSeconds(5),
                Clock.systemUTC())) {
            ProbeRound round = runner.run();

            assertThat(result(round, us, Component.REDIRECT)).satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
                assertThat(r.detail()).isEqualTo("Location https://example.com/elsewhere, expected https://example.com/canary");
            });
            assertThat(result(round, us, Component.WEB).detail()).isEqualTo("HTTP 503, expected 200");
        }
    }

    @Test
    void refusedConnection_isAFailure_andNoAnswerInTime_isATimeout() throws IOException {
        Region closed = Region.of("ap-southeast-2");
        Region hanging = Region.of("us-east-1");
        URI nobody = server(ProbeRunnerIT::healthy);
        servers.getLast().stop(0);
        URI slow = server(exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, null);
        });
        DatabaseProbe failingDatabase = target -> Measurement.fail(3, "ProvisionedThroughputExceededException");
        try (ProbeRunner runner = new ProbeRunner(SELF, Map.of(closed, nobody, hanging, slow), PLAN, failingDatabase,
                Duration.ofMillis(300), Clock.systemUTC())) {
            ProbeRound round = runner.run();

            assertThat(result(round, closed, Component.WEB)).satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
                assertThat(r.detail()).contains("ConnectException");
            });
            assertThat(result(round, hanging, Component.API).outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result(round, hanging, Component.DATABASE).detail()).isEqualTo("ProvisionedThroughputExceededException");
        }
    }
}
