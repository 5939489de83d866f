package dev.tern.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.functions.ClasspathResources;
import dev.tern.functions.Responses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The site's few static files ({@code /static/tern.css}, {@code tern.js}, {@code favicon.svg}), read
 * once from the class path. Pages link them with {@code ?v=<content hash>}; a request with the current
 * hash may be cached for a year ({@code immutable}), any other for five minutes. Each file has an
 * {@code ETag}; a matching {@code If-None-Match} gets 304.
 */
final class StaticAssets {
    static final String PREFIX = "/static/";
    private static final Map<String, String> TYPES = Map.of(
            "tern.css", "text/css; charset=utf-8",
            "tern.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    /** One file. */
    record Asset(String name, String contentType, String body, String version) {
        /** The URL pages link to. */
        String url() {
            return PREFIX + name + "?v=" + version;
        }
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    StaticAssets() {
        for (Map.Entry<String, String> entry : TYPES.entrySet()) {
            String body = ClasspathResources.readUtf8("dev/tern/web/static/" + entry.getKey());
            assets.put(entry.getKey(), new Asset(entry.getKey(), entry.getValue(), body, ClasspathResources.shortHash(body, 5)));
        }
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** The versioned URL of {@code name}. */
    String url(String name) {
        return assets.get(name).url();
    }

    /** Answers {@code GET|HEAD /static/<name>}, or empty when there is no such file. */
    Optional<APIGatewayV2HTTPResponse> serve(String path, String rawQuery, String ifNoneMatch, boolean head, boolean https) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Asset asset = assets.get(path.substring(PREFIX.length()));
        if (asset == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", asset.contentType());
        boolean current = ("v=" + asset.version()).equals(rawQuery);
        headers.put("Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=300");
        String etag = "\"" + asset.version() + "\"";
        headers.put("ETag", etag);
        headers.put("X-Content-Type-Options", "nosniff");
        // An SVG opened on its own is a document: it may not run or load anything either.
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        if (https) {
            headers.put("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return Optional.of(Responses.of(304, headers, ""));
        }
        return Optional.of(Responses.of(200, headers, head ? "" : asset.body()));
    }
}
