package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.Stores;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.LinkStore;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /health}: pass with the read's time, fail (503) when the links table does not answer, never a write. */
class HealthCheckTest {

    private static APIGatewayV2HTTPResponse get(TestWiring t, String method) {
        return new HealthCheck(t.wiring()).respond(HttpRequest.of(Events.request(method, "/health").withoutKey().build(), null));
    }

    @Test
    void storeAnswers_isPass_withTheReadsTime_andChangesNothing() {
        TestWiring t = TestWiring.create();

        APIGatewayV2HTTPResponse response = get(t, "GET");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/health+json").containsEntry("Cache-Control", "no-store");
        JsonNode body = Fixtures.tree(response.getBody());
        assertThat(body.path("status").asText()).isIn("pass", "warn");
        JsonNode check = body.path("checks").path("links:responseTime").get(0);
        assertThat(check.path("observedUnit").asText()).isEqualTo("ms");
        assertThat(check.path("observedValue").isIntegralNumber()).isTrue();
        assertThat(check.path("time").asText()).isEqualTo(TestWiring.NOW.toString());
        assertThat(t.links.size()).isZero();
        assertThat(t.clicks).isEmpty();
    }

    @Test
    void storeThrottles_isFail503_withTheReason() {
        LinkStore down = new LinkStore() {
            @Override
            public Optional<Link> find(ShortCode code) {
                throw new StoreUnavailableException("the database is throttling requests", Duration.ofSeconds(1), null);
            }

            @Override
            public Optional<Link> findLatest(ShortCode code) {
                return find(code);
            }

            @Override
            public void insertNew(Link link) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean replace(Link current, Link updated) {
                throw new UnsupportedOperationException();
            }

            @Override
            public LinkPage list(Optional<Creator> creator, Optional<String> cursor, int limit) {
                throw new UnsupportedOperationException();
            }
        };
        TestWiring t = TestWiring.withStores(new Stores(down, new InMemoryIdempotencyStore(), new InMemoryClickCounterStore()));

        APIGatewayV2HTTPResponse response = get(t, "GET");

        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode body = Fixtures.tree(response.getBody());
        assertThat(body.path("status").asText()).isEqualTo("fail");
        assertThat(body.path("output").asText()).contains("the database is throttling requests");
    }

    @Test
    void head_hasNoBody_andOtherMethodsAre405() {
        TestWiring t = TestWiring.create();

        assertThat(get(t, "HEAD").getBody()).isEmpty();
        APIGatewayV2HTTPResponse post = get(t, "POST");
        assertThat(post.getStatusCode()).isEqualTo(405);
        assertThat(post.getHeaders()).containsEntry("Allow", "GET, HEAD");
    }
}
