package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document itself: an OpenAPI 3.1 document whose references all resolve, whose schemas
 * and examples are valid, and which describes exactly the routes the handler has.
 */
class OpenApiDocumentTest {
    private final OpenApiContract contract = OpenApiContract.API;
    private final JsonNode document = contract.document();

    @Test
    void isOpenApi31_withTheBasicsFilledIn() {
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("paths").size()).isPositive();
    }

    @Test
    void everyReference_andSecurityScheme_resolves_andEveryComponent_isUsed() {
        List<String> references = new ArrayList<>();
        collect(document, "$ref", references);
        List<String> broken = references.stream()
                .filter(ref -> !ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()).toList();
        assertThat(broken).as("references that point nowhere").isEmpty();

        Set<String> used = new HashSet<>(references);
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        forEachOperation((template, method, operation) -> operation.path("security").forEach(requirements::add));
        for (JsonNode requirement : requirements) {
            requirement.fieldNames().forEachRemaining(scheme -> used.add("#/components/securitySchemes/" + scheme));
        }
        assertThat(used.stream().filter(ref -> ref.startsWith("#/components/securitySchemes/"))
                .filter(ref -> document.at(ref.substring(1)).isMissingNode()).toList())
                .as("security requirements naming no scheme").isEmpty();
        List<String> unused = new ArrayList<>();
        document.path("components").properties().forEach(kind -> kind.getValue().fieldNames().forEachRemaining(name -> {
            String pointer = "#/components/" + kind.getKey() + "/" + name;
            if (used.stream().noneMatch(ref -> ref.equals(pointer) || ref.startsWith(pointer + "/"))
                    && !isUsedByTheContract(pointer)) {
                unused.add(pointer);
            }
        }));
        assertThat(unused).as("components nothing refers to").isEmpty();
    }

    /** RouteNotFound and MethodNotAllowed describe answers to paths and methods the document does not list. */
    private static boolean isUsedByTheContract(String pointer) {
        return pointer.equals("#/components/responses/RouteNotFound") || pointer.equals("#/components/responses/MethodNotAllowed");
    }

    @Test
    void everyOperation_hasAUniqueId_describedResponses_andItsPathParameters() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        forEachOperation((template, method, operation) -> {
            String where = method.toUpperCase(Locale.ROOT) + " " + template;
            if (!ids.add(operation.path("operationId").asText())) {
                problems.add(where + ": operationId missing or not unique");
            }
            if (operation.path("responses").isEmpty()) {
                problems.add(where + ": no responses");
            }
            operation.path("responses").properties().forEach(response -> {
                JsonNode resolved = contract.resolve(new OpenApiContract.Located(response.getValue(), "")).node();
                if (resolved.path("description").asText().isBlank()) {
                    problems.add(where + " " + response.getKey() + ": no description");
                }
            });
            Set<String> declared = new TreeSet<>();
            List<JsonNode> parameters = new ArrayList<>();
            document.path("paths").path(template).path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode p = contract.resolve(new OpenApiContract.Located(parameter, "")).node();
                if (p.path("in").asText().equals("path")) {
                    declared.add(p.path("name").asText());
                    if (!p.path("required").asBoolean(false)) {
                        problems.add(where + ": path parameter " + p.path("name").asText() + " is not required");
                    }
                }
                if (p.path("schema").isMissingNode()) {
                    problems.add(where + ": parameter " + p.path("name").asText() + " has no schema");
                }
            }
            Set<String> inTemplate = new TreeSet<>();
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
            while (names.find()) {
                inTemplate.add(names.group(1));
            }
            if (!inTemplate.equals(declared)) {
                problems.add(where + ": template parameters " + inTemplate + " but declared " + declared);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everySchema_isValidJsonSchema202012() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<String> problems = new ArrayList<>();
        forEachSchema(document, "#", (pointer, schema) -> {
            for (Error error : metaSchema.validate(schema)) {
                problems.add(pointer + ": " + error);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExample_isValidAgainstItsSchema() {
        List<String> problems = new ArrayList<>();
        forEachMediaType((pointer, media) -> media.path("examples").properties().forEach(example -> {
            problems.addAll(validate(pointer + "/schema", example.getValue().path("value")));
        }));
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The document and the handler's routes agree.

    /** Every path the handler's code names (its {@code /api/...} constants) is a documented path. */
    @Test
    void everyPathTheHandlerNames_isDocumented() throws IllegalAccessException {
        Set<String> named = new TreeSet<>();
        for (Class<?> routing : List.of(LinksApiHandler.class, ApiDocs.class)) {
            for (Field field : routing.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value != null && value.startsWith("/api/")) {
                        named.add(value);
                    }
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(documented::add);

        assertThat(named).isNotEmpty();
        assertThat(documented).containsAll(named);
    }

    /**
     * Every documented path answers every documented method (never 405 or route-not-found), and every
     * other method with 405 and an {@code Allow} header listing exactly the documented ones (checked
     * by the contract). So the methods of each path come from the handler, not from a list here.
     */
    @Test
    void everyDocumentedPath_answersExactlyItsDocumentedMethods() {
        TestWiring t = TestWiring.create();
        t.save("abc", "https://example.com/");
        LinksApiHandler api = t.api();
        List<String> problems = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            String concrete = concretePath(path.getKey(), path.getValue());
            for (String method : OpenApiContract.METHODS) {
                if (method.equals("trace")) {
                    continue; // API Gateway answers TRACE itself
                }
                JsonNode operation = path.getValue().path(method);
                Events.Builder request = Events.request(method.toUpperCase(Locale.ROOT), concrete);
                exampleBody(operation).ifPresent(body -> request.header("content-type", "application/json").body(body));
                APIGatewayV2HTTPEvent event = request.build();
                APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
                problems.addAll(contract.violations(event, response));
                boolean problem = Problems.MEDIA_TYPE.equals(response.getHeaders().get("Content-Type"))
                        && !response.getBody().isEmpty();
                String code = problem ? Fixtures.tree(response.getBody()).path("code").asText("") : "";
                boolean routed = response.getStatusCode() != 405 && !code.equals("route-not-found");
                if (routed != !operation.isMissingNode()) {
                    problems.add(method.toUpperCase(Locale.ROOT) + " " + concrete + " answered " + response.getStatusCode()
                            + (operation.isMissingNode() ? " but is not documented" : " but is documented"));
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    private String concretePath(String template, JsonNode pathItem) {
        String concrete = template;
        for (JsonNode parameter : pathItem.path("parameters")) {
            JsonNode p = contract.resolve(new OpenApiContract.Located(parameter, "")).node();
            JsonNode schema = p.path("schema");
            String value = schema.has("enum") ? schema.get("enum").get(0).asText() : "abc";
            concrete = concrete.replace("{" + p.path("name").asText() + "}", value);
        }
        return concrete;
    }

    private static java.util.Optional<String> exampleBody(JsonNode operation) {
        JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
        Iterator<JsonNode> values = examples.elements();
        return values.hasNext() ? java.util.Optional.of(values.next().path("value").toString()) : java.util.Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------

    private interface OperationVisitor {
        void visit(String template, String method, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        document.path("paths").properties().forEach(path -> {
            for (String method : OpenApiContract.METHODS) {
                if (path.getValue().has(method)) {
                    visitor.visit(path.getKey(), method, path.getValue().get(method));
                }
            }
        });
    }

    private interface NodeVisitor {
        void visit(String pointer, JsonNode node);
    }

    /** Every schema object: the components' and every {@code schema} of a parameter, header or media type. */
    private static void forEachSchema(JsonNode node, String pointer, NodeVisitor visitor) {
        if (pointer.matches("#/components/schemas/[^/]+")) {
            visitor.visit(pointer, node);
            return;
        }
        node.properties().forEach(child -> {
            String childPointer = pointer + "/" + child.getKey().replace("~", "~0").replace("/", "~1");
            if (child.getKey().equals("schema") && child.getValue().isObject()) {
                visitor.visit(childPointer, child.getValue());
            } else if (child.getValue().isContainerNode()) {
                forEachSchema(child.getValue(), childPointer, visitor);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachSchema(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** Every media type object (request bodies and responses), with its pointer. */
    private void forEachMediaType(NodeVisitor visitor) {
        forEachContainer(document, "#", (pointer, node) -> {
            if (pointer.endsWith("/content")) {
                node.properties().forEach(media -> visitor.visit(pointer + "/" + media.getKey().replace("/", "~1"), media.getValue()));
            }
        });
    }

    private static void forEachContainer(JsonNode node, String pointer, NodeVisitor visitor) {
        visitor.visit(pointer, node);
        node.properties().forEach(child -> {
            if (child.getValue().isObject()) {
                forEachContainer(child.getValue(), pointer + "/" + child.getKey().replace("~", "~0").replace("/", "~1"), visitor);
            }
        });
    }

    private static List<String> validate(String schemaPointer, JsonNode value) {
        Schema schema = SchemaRegistry.withDefaultDialect(com.networknt.schema.dialect.Dialects.getOpenApi31(), builder -> builder
                        .schemas(Map.of("https://tern.invalid/api/v1/openapi.json", ApiDocs.document())))
                .getSchema(SchemaLocation.of("https://tern.invalid/api/v1/openapi.json" + schemaPointer));
        return schema.validate(value).stream().map(error -> schemaPointer + ": " + error).toList();
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(child -> {
                if (child.getKey().equals(field) && child.getValue().isTextual()) {
                    out.add(child.getValue().asText());
                } else {
                    collect(child.getValue(), field, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, field, out));
        }
    }
}
