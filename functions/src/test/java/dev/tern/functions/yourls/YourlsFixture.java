package dev.tern.functions.yourls;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.functions.HttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One recorded YOURLS 1.10.4 API call from {@code testdata/yourls/fixtures} (see its README): the
 * request's parameters and the exact response.
 */
record YourlsFixture(
        String id,
        String description,
        String method,
        Map<String, String> params,
        String path,
        String requestBody,
        int httpStatus,
        String contentType,
        String body) {

    static final Path DIRECTORY = Path.of(System.getProperty("tern.testdata.dir", "../testdata"), "yourls");
    /** The recorded site's address (index.json's {@code site}). */
    static final String SITE = "http://127.0.0.1:8080";
    /**
     * The moment of the recording, from the newest time-limited signature's timestamp: the signatures
     * recorded as valid are valid then, the ones recorded as expired are expired.
     */
    static final Instant RECORDED_AT = Instant.ofEpochSecond(1_795_412_181L);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every fixture file, in file order. */
    static Stream<YourlsFixture> all() {
        try (Stream<Path> files = Files.list(DIRECTORY.resolve("fixtures"))) {
            List<Path> sorted = files
                    .filter(file -> file.getFileName().toString().matches("\\d{3}-.*\\.json"))
                    .sorted()
                    .toList();
            return sorted.stream().map(YourlsFixture::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YourlsFixture read(Path file) {
        try {
            Map<String, Object> raw = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            Map<String, String> params = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> recorded = (Map<String, Object>) raw.get("params");
            recorded.forEach((name, value) -> params.put(name, String.valueOf(value)));
            String body = (String) raw.get("body");
            if (body == null && raw.get("body_base64") != null) {
                body = new String(Base64.getDecoder().decode((String) raw.get("body_base64")), StandardCharsets.UTF_8);
            }
            return new YourlsFixture(
                    (String) raw.get("id"),
                    (String) raw.get("description"),
                    (String) raw.get("method"),
                    params,
                    (String) raw.get("path"),
                    (String) raw.get("request_body"),
                    ((Number) raw.get("http_status")).intValue(),
                    (String) raw.get("content_type"),
                    body == null ? "" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded request as API Gateway would deliver it. */
    HttpRequest request() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        int question = path.indexOf('?');
        event.setRawPath(question < 0 ? path : path.substring(0, question));
        event.setRawQueryString(question < 0 ? "" : path.substring(question + 1));
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setSourceIp("127.0.0.1");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        event.setRequestContext(context);
        if (requestBody != null) {
            event.setBody(requestBody);
            event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
        }
        return HttpRequest.of(event, null);
    }

    /** The parameters as Tern reads them from the recorded request. */
    YourlsParams yourlsParams() {
        return YourlsParams.fromRequest(request());
    }

    /**
     * The recorded site's settings, read from {@code config-reference.php} (user, stored hash, cookie
     * key, unique URLs off, base 36, the reserved words, private).
     */
    static YourlsSite referenceSite() {
        try {
            String config = Files.readString(DIRECTORY.resolve("config-reference.php"));
            Matcher user = Pattern.compile("'(\\w+)' => '(phpass:[^']+)'").matcher(config);
            Matcher cookieKey = Pattern.compile("'YOURLS_COOKIEKEY', '([^']+)'").matcher(config);
            if (!user.find() || !cookieKey.find()) {
                throw new IllegalStateException("config-reference.php no longer has the user or the cookie key");
            }
            return new YourlsSite(Map.of(user.group(1), user.group(2)), cookieKey.group(1), false, 36, false,
                    Set.of("porn", "faggot", "sex", "nigger", "fuck", "cunt", "dick"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String format() {
        return params.getOrDefault("format", "xml");
    }

    String action() {
        return params.get("action");
    }

    @Override
    public String toString() {
        return id;
    }
}
