package dev.tern.migration.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpRedirectProbe} against a local HTTP server on 127.0.0.1. */
class HttpRedirectProbeIT {
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " probe="
                    + exchange.getRequestHeaders().getFirst("X-Tern-Probe"));
            switch (exchange.getRequestURI().getRawPath()) {
                case "/moved" -> {
                    exchange.getResponseHeaders().set("Location", "/landing");
                    exchange.sendResponseHeaders(301, -1);
                }
                case "/gone" -> {
                    byte[] page = "<h1>Gone</h1>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(410, page.length);
                    exchange.getResponseBody().write(page);
                }
                default -> exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void get_redirect_isNotFollowedAndCarriesTheProbeHeader() {
        try (HttpRedirectProbe probe = new HttpRedirectProbe(base())) {
            RedirectProbe.Answer answer = probe.get("moved");

            assertThat(answer).isEqualTo(RedirectProbe.Answer.of(301, "/landing"));
        }
        assertThat(seen).containsExactly("GET /moved probe=1");
    }

    @Test
    void get_gone_isTheStatusWithoutLocation() {
        try (HttpRedirectProbe probe = new HttpRedirectProbe(base())) {
            assertThat(probe.get("gone")).isEqualTo(new RedirectProbe.Answer(410, Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void get_nobodyListening_isAFailureNotAnException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (HttpRedirectProbe probe = new HttpRedirectProbe(URI.create("http://127.0.0.1:" + port))) {
            RedirectProbe.Answer answer = probe.get("abc");

            assertThat(answer.status()).isZero();
            assertThat(answer.failure()).hasValueSatisfying(why -> assertThat(why).contains("ConnectException"));
            assertThat(answer.describe()).startsWith("no answer (");
        }
    }
}
