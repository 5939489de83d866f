package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.click.ClickSink;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.FaultInjector.Fault;
import dev.tern.testkit.FaultInjector.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A throttling or slow DynamoDB: 503 with Retry-After everywhere, never a 500, nothing lost. */
class StoreFaultsIT {
    /** The SDK makes this many attempts per call; failing all of them lets the failure reach the handler. */
    private static final int ATTEMPTS = 3;

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
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/steady\",\"code\":\"steady\"}");
    }

    @AfterEach
    void disarm() {
        local.faults.clear();
        local.logLines.clear();
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void redirect_getItemFailing_is503PageWithRetryAfter(Fault fault) {
        // A code of its own: once read, a link is served from the container's cache (next test).
        String code = "steady-" + fault.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        LocalDynamoDb.create(api, "{\"url\":\"https://example.com/steady\",\"code\":\"" + code + "\"}");
        local.faults.failNext(ATTEMPTS, "GetItem", Mode.BEFORE_SEND, fault);

        APIGatewayV2HTTPResponse response = redirect.handleRequest(Events.get("/" + code).build(), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertRetryAfter(response);
        assertNoInternals(response);
        assertThat(local.logLines).singleElement().asString().startsWith("{\"level\":\"WARN\",\"op\":\"redirect\"");

        local.faults.clear();
        assertThat(redirect.handleRequest(Events.get("/" + code).build(), null).getStatusCode()).isEqualTo(301);
    }

    @Test
    void redirect_ofALinkReadBefore_isServedFromTheCache_whileTheStoreFails() {
        assertThat(redirect.handleRequest(Events.get("/steady").build(), null).getStatusCode()).isEqualTo(301);
        local.faults.failNext(ATTEMPTS, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        assertThat(redirect.handleRequest(Events.get("/steady").build(), null).getStatusCode()).isEqualTo(301);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void create_putItemFailing_is503ProblemWithRetryAfter(Fault fault) {
        local.faults.failNext(ATTEMPTS, "PutItem", Mode.BEFORE_SEND, fault);
        APIGatewayV2HTTPEvent request = Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/f\",\"code\":\"f-" + fault + "\"}")
                .build();

        APIGatewayV2HTTPResponse response = api.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(Fixtures.tree(response.getBody()).path("code").asText()).isEqualTo("unavailable");
        assertRetryAfter(response);
        assertNoInternals(response);

        local.faults.clear();
        assertThat(api.handleRequest(request, null).getStatusCode()).isEqualTo(201);
    }

    @Test
    void apiGet_getItemThrottled_is503Problem() {
        local.faults.failNext(ATTEMPTS, "GetItem", Mode.BEFORE_SEND, Fault.THROTTLING);

        APIGatewayV2HTTPResponse response = api.handleRequest(Events.get("/api/v1/links/steady").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertRetryAfter(response);
        assertNoInternals(response);
    }

    @Test
    void create_lostAcknowledgement_thenRetryWithTheSameKey_isOneLinkReplayed() {
        // The second PutItem of an idempotent create is the link's insert: it is applied, but its answer is lost.
        local.faults.failEvery(2, "PutItem", Mode.AFTER_RESPONSE, Fault.TIMEOUT);
        APIGatewayV2HTTPEvent request = Events.postJson("/api/v1/links", "{\"url\":\"https://example.com/once\"}")
                .header("idempotency-key", "retry-me-1").build();

        APIGatewayV2HTTPResponse lost = api.handleRequest(request, null);
        local.faults.clear();
        APIGatewayV2HTTPResponse retried = api.handleRequest(request, null);

        assertThat(lost.getStatusCode()).isEqualTo(503);
        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(retried.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        JsonNode link = Fixtures.tree(retried.getBody());
        APIGatewayV2HTTPResponse followed = redirect.handleRequest(Events.get("/" + link.path("code").asText()).build(), null);
        assertThat(followed.getHeaders()).containsEntry("Location", "https://example.com/once");
    }

    private static void assertRetryAfter(APIGatewayV2HTTPResponse response) {
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(Long.parseLong(response.getHeaders().get("Retry-After"))).isBetween(1L, 60L);
    }

    private static void assertNoInternals(APIGatewayV2HTTPResponse response) {
        assertThat(response.getBody()).doesNotContain("Exception", "software.amazon", "at dev.", "at java.", "FaultInjector",
                "DynamoDb", "tStoreFaultsIT");
    }
}
