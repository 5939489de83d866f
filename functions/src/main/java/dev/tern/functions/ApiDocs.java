package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The API's documentation, served by the API function itself from the class path:
 *
 * <ul>
 *   <li>{@code GET|HEAD /api/v1/openapi.json}: the hand-written OpenAPI 3.1 document
 *       ({@code openapi/openapi.json}), {@code application/vnd.oai.openapi+json}.
 *   <li>{@code GET|HEAD /api/v1/docs}: the reference page, our own small HTML page that starts Swagger
 *       UI (from its webjar, no CDN) with our own script file, under a policy that forbids inline script.
 *   <li>{@code GET|HEAD /api/v1/docs/{file}}: the page's three files.
 * </ul>
 *
 * Every answer has an {@code ETag} (a {@code If-None-Match} that matches gets 304) and may be cached
 * publicly for five minutes; a file asked for with its current {@code ?v=} version, as the page links
 * it, for a year. The files are read on the first request, not at class initialisation, so the
 * API's cold start does not pay for Swagger UI's 1.7 MB.
 */
final class ApiDocs {
    static final String DOCUMENT_PATH = "/api/v1/openapi.json";
    static final String PAGE_PATH = "/api/v1/docs";
    static final String DOCUMENT_MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.1";
    /** Scripts and styles from the page's own origin only: no inline script, no other host. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final String SHORT_LIFE = "public, max-age=300";
    private static final String LONG_LIFE = "public, max-age=31536000, immutable";

    private ApiDocs() {
    }

    /** Whether {@code path} is one of the documentation's paths (whatever the method); one trailing slash is tolerated. */
    static boolean handles(String path) {
        String trimmed = trimmed(path);
        return trimmed.equals(DOCUMENT_PATH) || trimmed.equals(PAGE_PATH) || trimmed.startsWith(PAGE_PATH + "/");
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Answers a documentation path.
     *
     * @throws MethodNotAllowedException for a method other than GET or HEAD
     * @throws TernException ({@code route-not-found}) for a file the page does not have
     */
    static APIGatewayV2HTTPResponse serve(HttpRequest request) {
        String path = trimmed(request.path());
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new MethodNotAllowedException(method, path, "GET, HEAD");
        }
        Files files = Files.INSTANCE;
        File file;
        if (path.equals(DOCUMENT_PATH)) {
            file = files.document;
        } else if (path.equals(PAGE_PATH)) {
            file = files.page;
        } else {
            file = files.assets.get(path.substring(PAGE_PATH.length() + 1));
            if (file == null) {
                throw new TernException(ErrorCode.ROUTE_NOT_FOUND, "There is no file " + Problems.shortened(path)
                        + "; the API reference is at " + PAGE_PATH);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", file.contentType());
        boolean current = file.versioned() && ("v=" + file.version()).equals(request.rawQuery());
        headers.put("Cache-Control", current ? LONG_LIFE : SHORT_LIFE);
        String etag = "\"" + file.version() + "\"";
        headers.put("ETag", etag);
        headers.put("X-Content-Type-Options", "nosniff");
        if (file == files.page) {
            headers.put("Content-Security-Policy", PAGE_POLICY);
            headers.put("Referrer-Policy", "no-referrer");
        }
        String ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            headers.remove("Content-Type");
            return Responses.of(304, headers, "");
        }
        return Responses.of(200, headers, request.isHead() ? "" : file.body());
    }

    /** The OpenAPI document as served, for tests. */
    static String document() {
        return Files.INSTANCE.document.body();
    }

    /** One file: its body, media type and content hash; {@code versioned} when pages link it with {@code ?v=}. */
    private record File(String body, String contentType, String version, boolean versioned) {
        static File of(String body, String contentType, boolean versioned) {
            return new File(body, contentType, ClasspathResources.shortHash(body, 8), versioned);
        }
    }

    /** Read once per container, on first use. */
    private static final class Files {
        static final Files INSTANCE = new Files();

        final File document = File.of(ClasspathResources.readUtf8("openapi/openapi.json"), DOCUMENT_MEDIA_TYPE, false);
        final Map<String, File> assets = new LinkedHashMap<>();
        final File page;

        private Files() {
            String swaggerUi = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
            assets.put("swagger-ui-bundle.js", File.of(ClasspathResources.readUtf8(swaggerUi + "swagger-ui-bundle.js"), "text/javascript; charset=utf-8", true));
            assets.put("swagger-ui.css", File.of(ClasspathResources.readUtf8(swaggerUi + "swagger-ui.css"), "text/css; charset=utf-8", true));
            assets.put("docs.js", File.of(ClasspathResources.readUtf8("openapi/docs/docs.js"), "text/javascript; charset=utf-8", true));
            String html = ClasspathResources.readUtf8("openapi/docs/index.html");
            for (Map.Entry<String, File> asset : assets.entrySet()) {
                html = html.replace("{{" + asset.getKey() + "}}", asset.getValue().version());
            }
            page = File.of(html, "text/html; charset=utf-8", false);
        }

        private static String swaggerUiVersion() {
            Properties properties = new Properties();
            String resource = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
            try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource + ": is the swagger-ui webjar on the class path?");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resource, e);
            }
            return properties.getProperty("version");
        }
    }
}
