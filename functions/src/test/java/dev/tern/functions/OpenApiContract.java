package dev.tern.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks API Gateway responses against the OpenAPI 3.1 document the API serves
 * ({@code /api/v1/openapi.json}), so that the document cannot drift from the code:
 *
 * <ul>
 *   <li>The request's path and method select the operation. A path the document does not have must
 *       be answered with its {@code RouteNotFound} response; a documented path asked with a method it
 *       does not list, with {@code MethodNotAllowed}, whose {@code Allow} header must list exactly the
 *       documented methods.
 *   <li>The status must be one of the operation's responses, its required headers present and valid
 *       against their schemas, its {@code Content-Type} one of the documented media types, and its
 *       body valid against that media type's schema (JSON Schema 2020-12 with OpenAPI's dialect, by
 *       networknt's validator, formats asserted). A HEAD answer has no body; a response without
 *       {@code content} has none either. A HEAD operation is documented with the responses of GET:
 *       its answer has their headers (a {@code Content-Type} among their media types) and no body.
 *   <li>A request that succeeded (2xx) must itself conform: its body to the request body schema
 *       (under a documented media type; {@code application/*+json} counts as {@code application/json}),
 *       its path and header parameters to theirs. So the document can be neither looser nor stricter
 *       than the code on the happy path.
 * </ul>
 */
final class OpenApiContract {
    /** The document as the handler serves it. */
    static final OpenApiContract API = new OpenApiContract(ApiDocs.document());

    private static final String DOCUMENT_IRI = "https://tern.invalid/api/v1/openapi.json";
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    OpenApiContract(String documentText) {
        try {
            this.document = mapper.readTree(documentText);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, documentText))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** Fails with every difference between the document and this exchange. */
    static APIGatewayV2HTTPResponse assertConforms(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        List<String> violations = API.violations(request, response);
        if (!violations.isEmpty()) {
            throw new AssertionError("The response to " + describe(request) + " does not conform to openapi.json:\n  - "
                    + String.join("\n  - ", violations) + "\nstatus " + response.getStatusCode() + ", headers "
                    + response.getHeaders() + ", body " + response.getBody());
        }
        return response;
    }

    JsonNode document() {
        return document;
    }

    /** Every difference between the document and this exchange; empty when it conforms. */
    List<String> violations(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        HttpRequest http = HttpRequest.of(request, null);
        List<String> out = new ArrayList<>();
        String method = http.method().toLowerCase(Locale.ROOT);
        boolean head = method.equals("head");
        Optional<PathMatch> match = matchPath(http.path());
        if (match.isEmpty()) {
            checkResponse(ref("#/components/responses/RouteNotFound"), 404, response, head, out);
            return out;
        }
        Located pathItem = match.get().item();
        Located operation = pathItem.child(method);
        if (operation.node().isMissingNode()) {
            checkResponse(ref("#/components/responses/MethodNotAllowed"), 405, response, head, out);
            TreeSet<String> documented = new TreeSet<>();
            for (String m : METHODS) {
                if (pathItem.node().has(m)) {
                    documented.add(m.toUpperCase(Locale.ROOT));
                }
            }
            TreeSet<String> allowed = new TreeSet<>();
            for (String m : Optional.ofNullable(header(response, "Allow")).orElse("").split(",")) {
                if (!m.isBlank()) {
                    allowed.add(m.strip());
                }
            }
            if (!allowed.equals(documented)) {
                out.add("Allow lists " + allowed + " but the document has " + documented + " for " + match.get().template());
            }
            return out;
        }
        String status = Integer.toString(response.getStatusCode());
        Located responses = operation.child("responses");
        Located documentedResponse = responses.child(status);
        if (documentedResponse.node().isMissingNode()) {
            documentedResponse = responses.child(status.charAt(0) + "XX");
        }
        if (documentedResponse.node().isMissingNode()) {
            documentedResponse = responses.child("default");
        }
        if (documentedResponse.node().isMissingNode()) {
            out.add("status " + status + " is not documented for " + method.toUpperCase(Locale.ROOT) + " " + match.get().template());
            return out;
        }
        checkResponse(documentedResponse, response.getStatusCode(), response, head, out);
        if (response.getStatusCode() / 100 == 2) {
            checkRequest(match.get(), operation, http, out);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------

    private void checkResponse(Located documented, int expectedStatus, APIGatewayV2HTTPResponse response, boolean head,
            List<String> out) {
        Located resolved = resolve(documented);
        if (response.getStatusCode() != expectedStatus) {
            out.add("status " + response.getStatusCode() + " where the document expects " + expectedStatus + " ("
                    + resolved.pointer() + ")");
            return;
        }
        Located headers = resolved.child("headers");
        for (Iterator<String> names = headers.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Located header = resolve(headers.child(name));
            String value = header(response, name);
            if (value == null) {
                if (header.node().path("required").asBoolean(false)) {
                    out.add("required header " + name + " is missing (" + header.pointer() + ")");
                }
                continue;
            }
            validate(header.child("schema"), headerValue(header.child("schema"), value), "header " + name, out);
        }
        String body = response.getBody() == null ? "" : response.getBody();
        Located content = resolved.child("content");
        String contentType = header(response, "Content-Type");
        if (content.node().isMissingNode() || head) {
            if (!body.isEmpty()) {
                out.add("a body where the document has none (" + resolved.pointer() + (head ? ", HEAD" : "") + ")");
            }
            // HEAD answers the headers of GET, so a Content-Type it has is one GET would have.
            if (head && contentType != null && !content.node().isMissingNode()
                    && content.child(mediaType(contentType)).node().isMissingNode()) {
                out.add("Content-Type " + contentType + " is not one of " + fieldNames(content.node()) + " (" + resolved.pointer() + ")");
            }
            return;
        }
        if (contentType == null) {
            out.add("no Content-Type where the document has " + fieldNames(content.node()));
            return;
        }
        String mediaType = mediaType(contentType);
        Located media = content.child(mediaType);
        if (media.node().isMissingNode()) {
            out.add("Content-Type " + contentType + " is not one of " + fieldNames(content.node()) + " (" + resolved.pointer() + ")");
            return;
        }
        validate(media.child("schema"), parse(mediaType, body, "response body", out), "response body", out);
    }

    private void checkRequest(PathMatch match, Located operation, HttpRequest http, List<String> out) {
        List<Located> parameters = new ArrayList<>();
        match.item().child("parameters").elements().forEach(parameters::add);
        operation.child("parameters").elements().forEach(parameters::add);
        for (Located parameter : parameters) {
            Located p = resolve(parameter);
            String name = p.node().path("name").asText();
            String in = p.node().path("in").asText();
            String value = switch (in) {
                case "path" -> match.values().get(name);
                case "header" -> http.header(name.toLowerCase(Locale.ROOT));
                default -> null;
            };
            if (value == null) {
                if (p.node().path("required").asBoolean(false)) {
                    out.add("the request succeeded without the required " + in + " parameter " + name);
                }
                continue;
            }
            validate(p.child("schema"), headerValue(p.child("schema"), value), "request " + in + " parameter " + name, out);
        }
        Located requestBody = resolve(operation.child("requestBody"));
        if (requestBody.node().isMissingNode()) {
            return;
        }
        String contentType = http.header("content-type");
        String mediaType = contentType == null ? "" : mediaType(contentType);
        if (mediaType.startsWith("application/") && mediaType.endsWith("+json")) {
            mediaType = "application/json";
        }
        Located media = requestBody.child("content").child(mediaType);
        if (media.node().isMissingNode()) {
            out.add("the request succeeded with Content-Type " + contentType + ", not one of "
                    + fieldNames(requestBody.child("content").node()));
            return;
        }
        String body = new String(http.bodyBytes(), StandardCharsets.UTF_8);
        validate(media.child("schema"), parse(mediaType, body, "request body", out), "request body of a successful request", out);
    }

    private void validate(Located schema, JsonNode value, String what, List<String> out) {
        if (value == null || schema.node().isMissingNode()) {
            return;
        }
        Schema compiledSchema = compiled.computeIfAbsent(schema.pointer(),
                pointer -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + pointer)));
        for (Error error : compiledSchema.validate(value)) {
            out.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage() + " (" + schema.pointer() + ")");
        }
    }

    private JsonNode parse(String mediaType, String body, String what, List<String> out) {
        if (!(mediaType.endsWith("/json") || mediaType.endsWith("+json"))) {
            return TextNode.valueOf(body);
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            out.add(what + " is not JSON: " + e.getMessage());
            return null;
        }
    }

    /** A header or parameter value as the JSON its schema describes: a number for an integer schema. */
    private JsonNode headerValue(Located schema, String value) {
        if (resolve(schema).node().path("type").asText().equals("integer")) {
            try {
                return LongNode.valueOf(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }

    // ---------------------------------------------------------------------------------------------
    // The document: paths, pointers, references.

    record PathMatch(String template, Located item, Map<String, String> values) {
    }

    /** The documented path that {@code rawPath} (one trailing slash tolerated, as the handler does) is. */
    Optional<PathMatch> matchPath(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        Located paths = new Located(document.path("paths"), "#/paths");
        PathMatch templated = null;
        for (Iterator<String> templates = document.path("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            if (template.equals(path)) {
                return Optional.of(new PathMatch(template, paths.child(template), Map.of()));
            }
            Matcher names = TEMPLATE_PARAMETER.matcher(template);
            List<String> parameterNames = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (names.find()) {
                regex.append(Pattern.quote(template.substring(last, names.start()))).append("([^/]+)");
                parameterNames.add(names.group(1));
                last = names.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            Matcher matcher = Pattern.compile(regex.toString()).matcher(path);
            if (!parameterNames.isEmpty() && matcher.matches() && templated == null) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < parameterNames.size(); i++) {
                    values.put(parameterNames.get(i), matcher.group(i + 1));
                }
                templated = new PathMatch(template, paths.child(template), values);
            }
        }
        return Optional.ofNullable(templated);
    }

    /** A node of the document and its JSON pointer ({@code #/paths/~1api~1v1~1links/post}). */
    record Located(JsonNode node, String pointer) {
        Located child(String name) {
            return new Located(node.path(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        }

        List<Located> elements() {
            List<Located> out = new ArrayList<>();
            for (int i = 0; i < node.size() && node.isArray(); i++) {
                out.add(new Located(node.get(i), pointer + "/" + i));
            }
            return out;
        }
    }

    /** The node a local {@code $ref} points at (followed through chains), else the node itself. */
    Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; hops < 10 && current.node().has("$ref"); hops++) {
            current = ref(current.node().get("$ref").asText());
        }
        return current;
    }

    Located ref(String reference) {
        if (!reference.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are used: " + reference);
        }
        return new Located(document.at(reference.substring(1)), reference);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : response.getHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(APIGatewayV2HTTPEvent request) {
        HttpRequest http = HttpRequest.of(request, null);
        return http.method() + " " + http.path();
    }
}
