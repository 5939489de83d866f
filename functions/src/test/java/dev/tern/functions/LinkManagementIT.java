package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.ClickSink;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing links through the real handlers, on DynamoDB Local. */
class LinkManagementIT {
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

    private static APIGatewayV2HTTPResponse patch(String code, String body) {
        return api.handleRequest(Events.request("PATCH", "/api/v1/links/" + code).header("content-type", "application/json")
                .body(body).build(), null);
    }

    @Test
    void patch_target_redirectFollowsIt() {
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/old\",\"code\":\"moved\"}");

        APIGatewayV2HTTPResponse response = patch("moved", "{\"url\":\"https://example.com/new\",\"redirect\":{\"status\":302,\"cacheSeconds\":0}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse followed = redirect.handleRequest(Events.get("/moved").build(), null);
        assertThat(followed.getStatusCode()).isEqualTo(302);
        assertThat(followed.getHeaders()).containsEntry("Location", "https://example.com/new").containsEntry("Cache-Control", "no-store");
    }

    @Test
    void deleteAndRestore_onDynamoDb_redirectIsGoneThenBack() {
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/del\",\"code\":\"softdel\"}");

        APIGatewayV2HTTPResponse deleted = api.handleRequest(Events.request("DELETE", "/api/v1/links/softdel").build(), null);
        assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(200);
        assertThat(Fixtures.tree(deleted.getBody()).path("restorableUntil").asText()).isNotEmpty();
        assertThat(redirect.handleRequest(Events.get("/softdel").build(), null).getStatusCode()).isEqualTo(410);
        assertThat(LocalDynamoDb.create(api, "{\"url\":\"https://example.com/x\"}").path("code").asText())
                .isNotEqualTo("softdel");

        APIGatewayV2HTTPResponse restored = api.handleRequest(Events.request("POST", "/api/v1/links/softdel/restore").build(), null);
        assertThat(restored.getStatusCode()).as(restored.getBody()).isEqualTo(200);
        assertThat(redirect.handleRequest(Events.get("/softdel").build(), null).getStatusCode()).isEqualTo(301);
    }

    @Test
    void historyAndRestoreOfAVersion_onDynamoDb() {
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/v1\",\"code\":\"versions\"}");
        patch("versions", "{\"url\":\"https://example.com/v2\"}");
        patch("versions", "{\"disabled\":true}");

        APIGatewayV2HTTPResponse restored = api.handleRequest(Events.request("POST", "/api/v1/links/versions/restore")
                .query("version=1").build(), null);
        assertThat(restored.getStatusCode()).as(restored.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse history = api.handleRequest(Events.get("/api/v1/links/versions/history").build(), null);

        assertThat(history.getStatusCode()).as(history.getBody()).isEqualTo(200);
        JsonNode entries = Fixtures.tree(history.getBody()).path("entries");
        List<String> changes = new ArrayList<>();
        entries.forEach(entry -> changes.add(entry.path("change").asText() + "@" + entry.path("version").asLong()));
        assertThat(changes).containsExactly("restore@4", "disable@3", "update@2", "create@1");
        assertThat(entries.get(2).path("before").path("url").asText()).isEqualTo("https://example.com/v1");
        assertThat(entries.get(0).path("restoredFrom").asLong()).isEqualTo(1);
        APIGatewayV2HTTPResponse followed = redirect.handleRequest(Events.get("/versions").build(), null);
        assertThat(followed.getHeaders()).containsEntry("Location", "https://example.com/v1");
    }

    @Test
    void listAndBulk_onDynamoDb_pageThroughWhatTheKeyCreated() {
        String key = api.handleRequest(Events.postJson("/api/v1/keys", "{\"name\":\"lister\",\"scopes\":[\"links:read\",\"links:write\"]}")
                .build(), null).getBody().replaceAll(".*\"key\":\"(tern_[^\"]+)\".*", "$1");
        StringBuilder body = new StringBuilder("{\"links\":[");
        for (int i = 0; i < 5; i++) {
            body.append(i == 0 ? "" : ",").append("{\"url\":\"https://example.com/bulk/").append(i).append("\"}");
        }
        APIGatewayV2HTTPResponse bulk = api.handleRequest(Events.postJson("/api/v1/links:bulk", body + "]}")
                .header("authorization", "Bearer " + key).build(), null);
        assertThat(Fixtures.tree(bulk.getBody()).path("created").asInt()).as(bulk.getBody()).isEqualTo(5);
        String keyId = key.substring(5, 17);

        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            String query = "creator=" + keyId + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = Fixtures.tree(api.handleRequest(Events.get("/api/v1/links").query(query).build(), null).getBody());
            page.path("links").forEach(link -> codes.add(link.path("code").asText()));
            cursor = page.has("next") ? page.path("next").asText() : null;
        } while (cursor != null && codes.size() < 20);

        assertThat(codes).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void patch_differentFieldsFrom16ThreadsAtOnce_everyChangeSurvives() throws Exception {
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/busy\",\"code\":\"busy\"}");
        List<Callable<APIGatewayV2HTTPResponse>> changes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = switch (i % 4) {
                case 0 -> "{\"title\":\"Busy\"}";
                case 1 -> "{\"expiresAt\":\"2030-01-01T00:00:00Z\"}";
                case 2 -> "{\"redirect\":{\"status\":307,\"cacheSeconds\":60,\"forwardQuery\":true}}";
                default -> "{\"disabled\":true}";
            };
            changes.add(() -> patch("busy", body));
        }

        List<APIGatewayV2HTTPResponse> results = LocalDynamoDb.runTogether(16, changes);

        assertThat(results).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isIn(200, 503));
        assertThat(results).anySatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(200));
        JsonNode link = Fixtures.tree(api.handleRequest(Events.get("/api/v1/links/busy").build(), null).getBody());
        // Every acknowledged change is in the link: none was undone by a concurrent one.
        if (acknowledged(results, 0)) {
            assertThat(link.path("title").asText()).isEqualTo("Busy");
        }
        if (acknowledged(results, 1)) {
            assertThat(link.path("expiresAt").asText()).isEqualTo("2030-01-01T00:00:00Z");
        }
        if (acknowledged(results, 2)) {
            assertThat(link.path("redirect").path("status").asInt()).isEqualTo(307);
        }
        if (acknowledged(results, 3)) {
            assertThat(link.path("status").asText()).isEqualTo("disabled");
        }
        assertThat(link.path("url").asText()).isEqualTo("https://example.com/busy");
    }

    private static boolean acknowledged(List<APIGatewayV2HTTPResponse> results, int kind) {
        for (int i = kind; i < results.size(); i += 4) {
            if (results.get(i).getStatusCode() == 200) {
                return true;
            }
        }
        return false;
    }
}
