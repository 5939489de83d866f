package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.ApiKeyService;
import dev.tern.core.apikey.IssuedApiKey;
import dev.tern.core.apikey.Scope;
import dev.tern.core.error.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin routes of the REST API (every one needs the {@code admin} scope):
 *
 * <ul>
 *   <li>{@code POST /api/v1/keys} with {@code {"name", "scopes": [...], "expiresAt"?}}: 201 with the key,
 *       whose {@code key} field holds its value: shown this once, never again;
 *   <li>{@code GET /api/v1/keys}: {@code {"keys": [...]}}, newest first, without values or hashes;
 *   <li>{@code DELETE /api/v1/keys/{id}}: revokes the key, 200 with it.
 * </ul>
 */
final class ApiKeysRoutes {
    static final String KEYS_PATH = "/api/v1/keys";
    static final Set<String> FIELDS = Set.of("name", "scopes", "expiresAt");
    private static final String EXAMPLE = "{\"name\":\"ci\",\"scopes\":[\"links:read\",\"links:write\"]}";

    private final ApiKeyService keys;
    private final ApiJson json;

    ApiKeysRoutes(ApiKeyService keys, ApiJson json) {
        this.keys = keys;
        this.json = json;
    }

    APIGatewayV2HTTPResponse create(HttpRequest request, ApiKey caller, Map<String, String> headers) {
        JsonNode body = new LinkRequestReader(json, EXAMPLE).readObject(request);
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(Problems.shortened(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw InvalidRequestException.of("Unknown field(s) \"" + String.join("\", \"", unknown.subList(0, Math.min(5, unknown.size())))
                    + "\"; a key has only \"name\", \"scopes\" and \"expiresAt\"");
        }
        String name = LinkRequestReader.text(body, "name");
        if (name == null) {
            throw InvalidRequestException.of("The field \"name\" is required: what the key is for, e.g. \"ci\"");
        }
        String expiry = LinkRequestReader.text(body, "expiresAt");
        Optional<Instant> expiresAt = expiry == null ? Optional.empty() : Optional.of(LinkRequestReader.instant(expiry));
        IssuedApiKey issued = keys.issue(name, scopes(body.get("scopes")), expiresAt, caller.id(),
                Optional.ofNullable(request.header("idempotency-key")));
        ObjectNode representation = representation(issued.key(), Instant.MIN).put("key", issued.value().value());
        headers.put("Location", KEYS_PATH + "/" + issued.key().id());
        return Responses.of(201, headers, json.write(representation));
    }

    APIGatewayV2HTTPResponse list(Instant now, Map<String, String> headers) {
        ObjectNode body = json.object();
        ArrayNode array = body.putArray("keys");
        for (ApiKey key : keys.list()) {
            array.add(representation(key, now));
        }
        return Responses.of(200, headers, json.write(body));
    }

    APIGatewayV2HTTPResponse revoke(String id, Instant now, Map<String, String> headers) {
        return Responses.of(200, headers, json.write(representation(keys.revoke(id), now)));
    }

    private static Set<Scope> scopes(JsonNode node) {
        if (node == null || node.isNull()) {
            throw InvalidRequestException.of("The field \"scopes\" is required: a list of links:read, links:write, stats:read, admin");
        }
        if (!node.isArray()) {
            throw InvalidRequestException.of("The field \"scopes\" must be an array of strings, not "
                    + LinkRequestReader.describe(node.getNodeType()));
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw InvalidRequestException.of("The field \"scopes\" must hold strings, not "
                        + LinkRequestReader.describe(element.getNodeType()));
            }
            scopes.add(Scope.parse(element.textValue()).orElseThrow(() -> InvalidRequestException.of("Unknown scope \""
                    + Problems.shortened(element.textValue()) + "\"; scopes are links:read, links:write, stats:read and admin")));
        }
        return scopes;
    }

    /** A key as the API shows it: never its value or hash. {@code now} decides whether it shows as expired. */
    private ObjectNode representation(ApiKey key, Instant now) {
        ObjectNode body = json.object().put("id", key.id()).put("name", key.name());
        ArrayNode scopes = body.putArray("scopes");
        EnumSet.copyOf(key.scopes()).forEach(scope -> scopes.add(scope.value()));
        body.put("createdAt", key.createdAt().toString());
        key.expiresAt().ifPresent(at -> body.put("expiresAt", at.toString()));
        key.revokedAt().ifPresent(at -> body.put("revokedAt", at.toString()));
        body.put("createdBy", key.createdBy());
        String status = key.revokedAt().isPresent() ? "revoked"
                : key.expiresAt().filter(at -> !now.isBefore(at)).isPresent() ? "expired" : "active";
        return body.put("status", status);
    }
}
