package dev.tern.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Routes a local request the way the HTTP API routes it in AWS ({@code ANY /api/{proxy+}} to the
 * API function, {@code ANY /yourls-api.php} to the YOURLS-compatible API function, {@code $default}
 * to the redirect function) and invokes the handler with the event API Gateway would send.
 */
final class LocalRouter {
    static final String API_ROUTE = "ANY /api/{proxy+}";
    static final String YOURLS_ROUTE = "ANY /yourls-api.php";
    static final String YOURLS_PATH = "/yourls-api.php";
    static final String DEFAULT_ROUTE = "$default";

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> yourls;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> site;

    /**
     * @param api    the REST API function ({@code ANY /api/{proxy+}})
     * @param yourls the YOURLS-compatible API function ({@code ANY /yourls-api.php})
     * @param site   the site function ({@code $default}: redirects, the form, previews, static assets)
     */
    LocalRouter(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> yourls,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> site) {
        this.api = api;
        this.yourls = yourls;
        this.site = site;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            boolean isApi = path.equals("/api") || path.startsWith("/api/");
            boolean isYourls = path.equals(YOURLS_PATH);
            String routeKey = isApi ? API_ROUTE : isYourls ? YOURLS_ROUTE : DEFAULT_ROUTE;
            APIGatewayV2HTTPEvent event;
            try {
                event = ApiGatewayAdapter.toEvent(exchange, routeKey);
            } catch (ApiGatewayAdapter.BodyTooLargeException e) {
                // API Gateway itself refuses such bodies before any function runs.
                writeText(exchange, 413, "Request body too large\n");
                return;
            }
            if (isApi) {
                event.setPathParameters(Map.of("proxy", path.length() > 5 ? path.substring(5) : ""));
            }
            var handler = isApi ? api : isYourls ? yourls : site;
            LocalLambdaContext context = new LocalLambdaContext(event.getRequestContext().getRequestId(),
                    isApi ? "tern-api" : isYourls ? "tern-yourls-api" : "tern-site");
            ApiGatewayAdapter.writeResponse(exchange, handler.handleRequest(event, context));
        } catch (IOException e) {
            exchange.close(); // the client went away; nothing to answer
        } catch (RuntimeException | Error e) {
            // A handler must never throw; if one does (even an Error such as a class that failed to
            // load), answer like API Gateway does rather than leave the client hanging, and say so locally.
            System.err.println("{\"level\":\"ERROR\",\"op\":\"local-route\",\"error\":\"" + e.getClass().getName() + "\"}");
            writeText(exchange, 500, "Internal Server Error\n");
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }

    private static void writeText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ApiGatewayAdapter.writeRaw(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }
}
