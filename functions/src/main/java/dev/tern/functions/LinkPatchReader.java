package dev.tern.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.LinkPatch;
import dev.tern.core.link.RedirectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code PATCH /api/v1/links/{code}} (JSON merge-patch style: absent fields stay,
 * {@code null} clears what can be cleared) into a {@link LinkPatch}:
 * {@code {"url"?, "title"?, "expiresAt"?: string|null, "redirect"?: {"status", "cacheSeconds", "forwardQuery"?}|null,
 * "disabled"?: boolean}}.
 */
final class LinkPatchReader {
    static final Set<String> FIELDS = Set.of("url", "title", "expiresAt", "redirect", "disabled");
    static final Set<String> REDIRECT_FIELDS = Set.of("status", "cacheSeconds", "forwardQuery");
    private static final String EXAMPLE = "{\"url\":\"https://example.com/new\",\"disabled\":false}";

    private final ApiJson json;

    LinkPatchReader(ApiJson json) {
        this.json = json;
    }

    LinkPatch read(HttpRequest request) {
        JsonNode body = new LinkRequestReader(json, EXAMPLE).readObject(request);
        requireKnown(body, FIELDS, "a link's changeable fields are \"url\", \"title\", \"expiresAt\", \"redirect\" and \"disabled\"");
        LinkPatch patch = LinkPatch.none();
        if (body.has("url")) {
            patch = patch.withUrl(required(body, "url"));
        }
        if (body.has("title")) {
            String title = LinkRequestReader.text(body, "title");
            patch = patch.withTitle(title == null ? "" : title);
        }
        if (body.has("expiresAt")) {
            String expiry = LinkRequestReader.text(body, "expiresAt");
            patch = patch.withExpiresAt(expiry == null ? null : LinkRequestReader.instant(expiry));
        }
        if (body.has("redirect")) {
            patch = patch.withRedirect(redirect(body.get("redirect")));
        }
        if (body.has("disabled")) {
            JsonNode disabled = body.get("disabled");
            if (!disabled.isBoolean()) {
                throw InvalidRequestException.of("The field \"disabled\" must be true or false, not "
                        + LinkRequestReader.describe(disabled.getNodeType()));
            }
            patch = patch.withDisabled(disabled.booleanValue());
        }
        return patch;
    }

    private static RedirectPolicy redirect(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw InvalidRequestException.of("The field \"redirect\" must be an object such as "
                    + "{\"status\":302,\"cacheSeconds\":60}, or null, not " + LinkRequestReader.describe(node.getNodeType()));
        }
        requireKnown(node, REDIRECT_FIELDS, "a redirect has only \"status\", \"cacheSeconds\" and \"forwardQuery\"");
        JsonNode status = node.get("status");
        JsonNode cache = node.get("cacheSeconds");
        JsonNode forward = node.get("forwardQuery");
        if (status == null || !status.isIntegralNumber() || cache == null || !cache.isIntegralNumber()) {
            throw InvalidRequestException.of("A redirect needs \"status\" (301, 302, 307 or 308) and \"cacheSeconds\" "
                    + "(0 to 31536000) as whole numbers");
        }
        if (forward != null && !forward.isNull() && !forward.isBoolean()) {
            throw InvalidRequestException.of("The field \"redirect.forwardQuery\" must be true or false");
        }
        if (!status.canConvertToInt() || !RedirectPolicy.REDIRECT_STATUSES.contains(status.intValue())) {
            throw InvalidRequestException.of("The redirect status must be 301, 302, 307 or 308, not " + Problems.shortened(status.asText()));
        }
        if (!cache.canConvertToLong() || cache.longValue() < 0 || cache.longValue() > RedirectPolicy.MAX_CACHE_FOR.toSeconds()) {
            throw InvalidRequestException.of("The redirect's cacheSeconds must be from 0 to "
                    + RedirectPolicy.MAX_CACHE_FOR.toSeconds() + ", not " + Problems.shortened(cache.asText()));
        }
        return new RedirectPolicy(status.intValue(), Duration.ofSeconds(cache.longValue()),
                forward != null && forward.booleanValue());
    }

    private static String required(JsonNode body, String field) {
        String value = LinkRequestReader.text(body, field);
        if (value == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_URL, "The field \"" + field + "\" cannot be null");
        }
        return value;
    }

    private static void requireKnown(JsonNode object, Set<String> known, String hint) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add("\"" + Problems.shortened(name) + "\"");
            }
        }
        if (!unknown.isEmpty()) {
            throw InvalidRequestException.of((unknown.size() == 1 ? "Unknown field " : "Unknown fields ")
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + "; " + hint);
        }
    }
}
