package dev.tern.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The site short links point to in the browser tests: a tiny JDK HTTP server on 127.0.0.1 and a
 * free port, whose pages have titles no other page has, so a test knows where the browser landed.
 */
final class TargetSite implements AutoCloseable {
    /** The landing page's path; a link to it is what the tests create. */
    static final String LANDING_PATH = "/spring-sale";
    static final String LANDING_TITLE = "Spring sale — the landing page of Tern's browser tests";
    /** A page whose title is changed by a script: it tells whether the browser runs JavaScript. */
    static final String SCRIPT_PROBE_PATH = "/script-probe";
    static final String TITLE_WITHOUT_SCRIPT = "Scripts did not run";
    static final String TITLE_WITH_SCRIPT = "Scripts ran";

    private static final Map<String, String> PAGES = Map.of(
            LANDING_PATH, page(LANDING_TITLE, "<h1>Spring sale</h1><p>You followed a Tern short link to this page.</p>"),
            SCRIPT_PROBE_PATH, page(TITLE_WITHOUT_SCRIPT, "<script>document.title = '" + TITLE_WITH_SCRIPT + "';</script>"));

    private final HttpServer server;
    private final ExecutorService executor;

    private TargetSite(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static TargetSite start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.createContext("/", TargetSite::serve);
        server.setExecutor(executor);
        server.start();
        return new TargetSite(server, executor);
    }

    /** {@code http://127.0.0.1:PORT}. */
    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String html = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (html == null ? page("Not found", "<h1>Not found</h1>") : html).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + body + "</body></html>";
    }
}
