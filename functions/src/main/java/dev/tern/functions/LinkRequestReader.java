package dev.tern.functions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.error.InvalidUrlException;
import dev.tern.core.error.TernException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.NewLinkRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/links} into a {@link NewLinkRequest}, refusing each kind of
 * bad body with its own plain message: wrong media type, too large, empty, not JSON, not an object,
 * unknown fields (named), a field of the wrong type, {@code url} missing. The values themselves
 * (is the URL acceptable, is the code free) are judged by the core.
 */
final class LinkRequestReader {
    /** The largest body accepted, in bytes after base64 decoding. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final Set<String> FIELDS = Set.of("url", "code", "title", "expiresAt");
    private static final String EXAMPLE = "{\"url\":\"https://example.com/\"}";

    private final ApiJson json;
    private final String example;

    LinkRequestReader(ApiJson json) {
        this(json, EXAMPLE);
    }

    /** A reader whose messages about a bad body show {@code example} as what to send. */
    LinkRequestReader(ApiJson json, String example) {
        this.json = json;
        this.example = example;
    }

    /** Checks the request's media type and size, then reads its body. */
    NewLinkRequest read(HttpRequest request, Creator creator) {
        return fromJson(readObject(request), creator, request.header("idempotency-key"));
    }

    /** Checks the request's media type and size, then reads its body, which must be a JSON object. */
    JsonNode readObject(HttpRequest request) {
        requireJsonMediaType(request.header("content-type"));
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("The request body is marked as base64 but is not valid base64");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new TernException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body has " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        return parse(body);
    }

    static void requireJsonMediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new TernException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request has no Content-Type; send the link as JSON with Content-Type: application/json");
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new TernException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The Content-Type \"" + Problems.shortened(mediaType)
                    + "\" is not accepted; send the link as JSON with Content-Type: application/json");
        }
    }

    private JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = json.read(body);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null || where.getLineNr() < 1 ? ""
                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "has a field twice" : "is not valid JSON";
            throw InvalidRequestException.of("The request body " + why + position + "; send a JSON object such as " + example);
        } catch (IOException e) {
            throw InvalidRequestException.of("The request body could not be read; send a JSON object such as " + example);
        }
        if (node == null || node.isMissingNode()) {
            throw InvalidRequestException.of("The request body is empty; send a JSON object such as " + example);
        }
        if (!node.isObject()) {
            throw InvalidRequestException.of("The request body must be a JSON object such as " + example + ", not "
                    + describe(node.getNodeType()));
        }
        return node;
    }

    static NewLinkRequest fromJson(JsonNode body, Creator creator, String idempotencyKey) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw InvalidRequestException.of(unknownFields(unknown));
        }
        String url = text(body, "url");
        if (url == null) {
            throw new InvalidUrlException("The field \"url\" is required: the long URL the short link leads to");
        }
        String code = text(body, "code");
        String title = text(body, "title");
        String expiry = text(body, "expiresAt");
        return new NewLinkRequest(url, code, title, expiry == null ? null : instant(expiry), creator, idempotencyKey);
    }

    /** A string field's value, {@code null} when absent or null, refused when of another JSON type. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw InvalidRequestException.of("The field \"" + field + "\" must be a string, not " + describe(value.getNodeType()));
        }
        return value.textValue();
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(ErrorCode.INVALID_EXPIRY, "The field \"expiresAt\" must be an ISO-8601 "
                        + "instant such as 2026-12-31T23:59:59Z, not \"" + Problems.shortened(text) + "\"");
            }
        }
    }

    private static String unknownFields(List<String> unknown) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(5, unknown.size()); i++) {
            names.append(i == 0 ? "" : ", ").append('"').append(Problems.shortened(unknown.get(i))).append('"');
        }
        if (unknown.size() > 5) {
            names.append(" and ").append(unknown.size() - 5).append(" more");
        }
        return (unknown.size() == 1 ? "Unknown field " : "Unknown fields ") + names
                + "; a link has only \"url\", \"code\", \"title\" and \"expiresAt\"";
    }

    static String describe(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }
}
