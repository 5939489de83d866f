package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.ClickSink;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creates racing each other through the real handlers, on DynamoDB Local. */
class ConcurrentCreateIT {
    @RegisterExtension
    static final DynamoDbLocalExtension DDB = DynamoDbLocalExtension.inMemory();

    private static LocalDynamoDb local;
    private static LinksApiHandler api;
    private static RedirectHandler redirect;

    @BeforeAll
    static void open() {
        local = new LocalDynamoDb(DDB);
        Wiring wiring = local.wiring(ClickSink.DISCARD);
        api = new LinksApiHandler(wiring);
        redirect = new RedirectHandler(wiring);
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @Test
    void create_sameCustomCodeFrom64ThreadsAtOnce_exactlyOneWins() throws Exception {
        List<Callable<APIGatewayV2HTTPResponse>> contenders = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String body = "{\"url\":\"https://example.com/contender/" + i + "\",\"code\":\"race\"}";
            String ip = "192.0.2." + (i + 1);
            contenders.add(() -> api.handleRequest(Events.postJson("/api/v1/links", body).sourceIp(ip).build(), null));
        }

        List<APIGatewayV2HTTPResponse> responses = LocalDynamoDb.runTogether(64, contenders);

        List<APIGatewayV2HTTPResponse> created = responses.stream().filter(r -> r.getStatusCode() == 201).toList();
        List<APIGatewayV2HTTPResponse> refused = responses.stream().filter(r -> r.getStatusCode() == 409).toList();
        assertThat(created).hasSize(1);
        assertThat(refused).hasSize(63).allSatisfy(r -> assertThat(Fixtures.tree(r.getBody()).path("code").asText()).isEqualTo("code-taken"));
        String winner = Fixtures.tree(created.get(0).getBody()).path("url").asText();
        APIGatewayV2HTTPResponse followed = redirect.handleRequest(Events.get("/race").build(), null);
        assertThat(followed.getStatusCode()).isEqualTo(301);
        assertThat(followed.getHeaders()).containsEntry("Location", winner);
        assertThat(local.logLines).isEmpty();
    }

    @Test
    void create_2000GeneratedCodesConcurrently_allDistinctAndEachResolvesToItsOwnUrl() throws Exception {
        int threads = 16;
        int perThread = 125;
        List<Callable<Map<String, String>>> creators = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            creators.add(() -> {
                Map<String, String> made = new HashMap<>();
                for (int i = 0; i < perThread; i++) {
                    JsonNode body = LocalDynamoDb.create(api, "{\"url\":\"https://example.com/gen/" + thread + "/" + i + "\"}");
                    made.put(body.path("code").asText(), body.path("url").asText());
                }
                return made;
            });
        }

        List<Map<String, String>> results = LocalDynamoDb.runTogether(threads, creators);

        Map<String, String> all = new HashMap<>();
        Set<String> urls = new HashSet<>();
        for (Map<String, String> made : results) {
            for (Map.Entry<String, String> entry : made.entrySet()) {
                assertThat(all.put(entry.getKey(), entry.getValue())).as("code %s handed out twice", entry.getKey()).isNull();
                urls.add(entry.getValue());
            }
        }
        assertThat(all).hasSize(threads * perThread);
        assertThat(urls).hasSize(threads * perThread);

        List<Map.Entry<String, String>> entries = new ArrayList<>(all.entrySet());
        List<Callable<Integer>> resolvers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            resolvers.add(() -> {
                int checked = 0;
                for (int i = first; i < entries.size(); i += threads) {
                    Map.Entry<String, String> entry = entries.get(i);
                    APIGatewayV2HTTPResponse response = redirect.handleRequest(Events.get("/" + entry.getKey()).build(), null);
                    assertThat(response.getStatusCode()).isEqualTo(301);
                    assertThat(response.getHeaders()).containsEntry("Location", entry.getValue());
                    checked++;
                }
                return checked;
            });
        }
        assertThat(LocalDynamoDb.runTogether(threads, resolvers).stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
    }
}
