package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.core.LazySecureRandom;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import dev.tern.functions.yourls.PasswordHashes;
import dev.tern.functions.yourls.YourlsAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The admin routes for the YOURLS-compatible API's settings (the {@code admin} scope): who may call
 * {@code /yourls-api.php} and how it makes keywords, for a site that never ran YOURLS or to change
 * what the migration carried over from {@code config.php}.
 *
 * <ul>
 *   <li>{@code GET /api/v1/yourls}: the settings, with each user's static signature token; never a
 *       password or its hash, never the cookie key;</li>
 *   <li>{@code PUT /api/v1/yourls}: replaces them. Each user is {@code {"password": "…"}} (stored as
 *       YOURLS stores it: bcrypt, {@code phpass:!2y!10!…}), {@code {"passwordHash": "…"}} (a hash from a
 *       YOURLS config.php, kept as given) or {@code {"keep": true}} (the stored one). Without
 *       {@code cookieKey} the stored key stays, or a random one is made.</li>
 * </ul>
 */
final class YourlsSiteRoutes {
    static final String YOURLS_PATH = "/api/v1/yourls";
    private static final Set<String> FIELDS = Set.of("users", "cookieKey", "uniqueUrls", "keywordBase", "hyphensInKeywords",
            "reservedKeywords", "private");
    private static final String EXAMPLE = "{\"users\":{\"admin\":{\"password\":\"a long passphrase\"}},\"uniqueUrls\":true,\"keywordBase\":36}";
    private static final Pattern USER = Pattern.compile("^[^\\p{Cntrl}\\s:]{1,100}$");
    private static final Pattern COOKIE_KEY = Pattern.compile("^[\\x21-\\x7E]{16,256}$");
    private static final Pattern KEYWORD = Pattern.compile("^[^\\p{Cntrl}\\s/]{1,100}$");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** bcrypt reads only the first 72 bytes; a longer password would be accepted on its first 72 alone. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final LazySecureRandom RANDOM = new LazySecureRandom();

    private final YourlsSiteStore sites;
    private final ApiJson json;

    YourlsSiteRoutes(YourlsSiteStore sites, ApiJson json) {
        this.sites = sites;
        this.json = json;
    }

    APIGatewayV2HTTPResponse get(Map<String, String> headers) {
        return Responses.of(200, headers, json.write(representation(sites.load())));
    }

    APIGatewayV2HTTPResponse put(HttpRequest request, Map<String, String> headers) {
        JsonNode body = new LinkRequestReader(json, EXAMPLE).readObject(request);
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(Problems.shortened(name));
            }
        });
        if (!unknown.isEmpty()) {
            throw InvalidRequestException.of("Unknown field(s) \"" + String.join("\", \"", unknown.subList(0, Math.min(5, unknown.size())))
                    + "\"; the settings are " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
        }
        YourlsSite stored = sites.load();
        YourlsSite defaults = YourlsSite.defaults();
        Map<String, String> users = users(body.get("users"), stored);
        String cookieKey = LinkRequestReader.text(body, "cookieKey");
        if (cookieKey == null) {
            cookieKey = stored.cookieKey().isEmpty() ? randomCookieKey() : stored.cookieKey();
        } else if (!COOKIE_KEY.matcher(cookieKey).matches()) {
            throw InvalidRequestException.of("The field \"cookieKey\" must be 16-256 visible ASCII characters (YOURLS_COOKIEKEY)");
        }
        int base = integer(body, "keywordBase", defaults.keywordBase());
        if (base != 36 && base != 62) {
            throw InvalidRequestException.of("The field \"keywordBase\" must be 36 (0-9a-z) or 62 (0-9a-zA-Z), as YOURLS_URL_CONVERT");
        }
        YourlsSite site = new YourlsSite(users, cookieKey, bool(body, "uniqueUrls", defaults.uniqueUrls()), base,
                bool(body, "hyphensInKeywords", defaults.hyphensInKeywords()), reserved(body.get("reservedKeywords")),
                bool(body, "private", defaults.privateApi()));
        sites.save(site);
        return Responses.of(200, headers, json.write(representation(site)));
    }

    private static Map<String, String> users(JsonNode node, YourlsSite stored) {
        if (node == null || node.isNull()) {
            throw InvalidRequestException.of("The field \"users\" is required: {\"name\": {\"password\": \"…\"}, …} ({} for none)");
        }
        if (!node.isObject()) {
            throw InvalidRequestException.of("The field \"users\" must be an object of user name → {\"password\"}, {\"passwordHash\"} or {\"keep\": true}");
        }
        Map<String, String> users = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> user = it.next();
            String name = user.getKey();
            if (!USER.matcher(name).matches()) {
                throw InvalidRequestException.of("The user name \"" + Problems.shortened(name)
                        + "\" must be 1-100 characters without spaces, colons or control characters");
            }
            users.put(name, credential(name, user.getValue(), stored));
        }
        return users;
    }

    private static String credential(String name, JsonNode value, YourlsSite stored) {
        String quoted = "\"" + Problems.shortened(name) + "\"";
        if (value == null || !value.isObject() || value.size() != 1) {
            throw InvalidRequestException.of("The user " + quoted + " must be exactly one of {\"password\": \"…\"}, "
                    + "{\"passwordHash\": \"…\"} or {\"keep\": true}");
        }
        if (value.has("password")) {
            String password = LinkRequestReader.text(value, "password");
            int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 8 || bytes > MAX_PASSWORD_BYTES) {
                throw InvalidRequestException.of("The password of " + quoted + " must be 8-" + MAX_PASSWORD_BYTES
                        + " bytes (bcrypt reads no more)");
            }
            return PasswordHashes.hash(password, RANDOM.get());
        }
        if (value.has("passwordHash")) {
            String hash = LinkRequestReader.text(value, "passwordHash");
            if (!PasswordHashes.isHash(hash)) {
                throw InvalidRequestException.of("The passwordHash of " + quoted + " is not a hash YOURLS makes "
                        + "(phpass:!2y!…, $2y$…, $P$…, md5:salt:hash); send {\"password\": \"…\"} to set a new password");
            }
            return hash;
        }
        if (value.has("keep")) {
            if (!value.get("keep").isBoolean() || !value.get("keep").booleanValue()) {
                throw InvalidRequestException.of("The user " + quoted + ": \"keep\" can only be true");
            }
            String kept = stored.users().get(name);
            if (kept == null) {
                throw InvalidRequestException.of("The user " + quoted + " has no stored password to keep; send {\"password\": \"…\"}");
            }
            return kept;
        }
        throw InvalidRequestException.of("The user " + quoted + " must be exactly one of {\"password\": \"…\"}, "
                + "{\"passwordHash\": \"…\"} or {\"keep\": true}");
    }

    private static Set<String> reserved(JsonNode node) {
        Set<String> reserved = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return reserved;
        }
        if (!node.isArray()) {
            throw InvalidRequestException.of("The field \"reservedKeywords\" must be an array of strings");
        }
        for (JsonNode element : node) {
            if (!element.isTextual() || !KEYWORD.matcher(element.textValue()).matches()) {
                throw InvalidRequestException.of("Each reserved keyword must be a string of 1-100 characters without spaces or slashes");
            }
            reserved.add(element.textValue());
        }
        return reserved;
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw InvalidRequestException.of("The field \"" + field + "\" must be true or false");
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode body, String field, int fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw InvalidRequestException.of("The field \"" + field + "\" must be a whole number");
        }
        return value.intValue();
    }

    private static String randomCookieKey() {
        StringBuilder key = new StringBuilder(48);
        for (int i = 0; i < 48; i++) {
            key.append(BASE62.charAt(RANDOM.get().nextInt(BASE62.length())));
        }
        return key.toString();
    }

    /** The settings as the API shows them: user names with their signature tokens; no password, hash or cookie key. */
    private ObjectNode representation(YourlsSite site) {
        ObjectNode body = json.object();
        ArrayNode users = body.putArray("users");
        new TreeMap<>(site.users()).keySet().forEach(name -> {
            ObjectNode user = users.addObject().put("name", name);
            if (!site.cookieKey().isEmpty()) {
                user.put("signatureToken", YourlsAuthenticator.signatureToken(site.cookieKey(), name));
            }
        });
        body.put("uniqueUrls", site.uniqueUrls());
        body.put("keywordBase", site.keywordBase());
        body.put("hyphensInKeywords", site.hyphensInKeywords());
        ArrayNode reserved = body.putArray("reservedKeywords");
        new java.util.TreeSet<>(site.reservedKeywords()).forEach(reserved::add);
        body.put("private", site.privateApi());
        return body;
    }
}
