package dev.tern.functions;

import static dev.tern.functions.LinksApiHandlerTest.assertProblem;
import static dev.tern.functions.LinksApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.apikey.Scope;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickTally;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v1/links/{code}/stats}. */
class LinkStatsApiTest {
    private final TestWiring t = TestWiring.create();
    private final LinksApiHandler api = t.api();

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return OpenApiContract.assertConforms(event, api.handleRequest(event, null));
    }

    private void clicks(String code, Instant at, String referer, String country, int count) {
        List<Click> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(Click.of(new ShortCode(code), at, referer, country, "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"));
        }
        t.clickCounters.add("b-" + at + referer + country, ClickTally.of(new ShortCode(code), batch));
    }

    @Test
    void stats_range_isDenseDaysWithTopReferrersAndCountries() {
        t.save("st", "https://example.com/");
        clicks("st", Instant.parse("2026-11-20T10:00:00Z"), "https://news.example/a", "PT", 3);
        clicks("st", Instant.parse("2026-11-22T10:00:00Z"), "https://blog.example/", "DE", 1);

        APIGatewayV2HTTPResponse response = handle(Events.get("/api/v1/links/st/stats").query("from=2026-11-20&to=2026-11-22").build());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("total").asLong()).isEqualTo(4);
        assertThat(body.path("clicksInRange").asLong()).isEqualTo(4);
        assertThat(body.path("days").toString()).isEqualTo("[{\"date\":\"2026-11-20\",\"clicks\":3},"
                + "{\"date\":\"2026-11-21\",\"clicks\":0},{\"date\":\"2026-11-22\",\"clicks\":1}]");
        assertThat(body.path("referrers").toString())
                .isEqualTo("[{\"host\":\"news.example\",\"clicks\":3},{\"host\":\"blog.example\",\"clicks\":1}]");
        assertThat(body.path("countries").toString())
                .isEqualTo("[{\"country\":\"PT\",\"clicks\":3},{\"country\":\"DE\",\"clicks\":1}]");
        assertThat(body.path("visitors").has("browser")).isTrue();
    }

    @Test
    void stats_withoutRange_isTheLast30DaysUpToToday() {
        t.save("def", "https://example.com/");

        JsonNode body = json(handle(Events.get("/api/v1/links/def/stats").build()));

        assertThat(body.path("to").asText()).isEqualTo("2026-11-23");
        assertThat(body.path("from").asText()).isEqualTo("2026-10-25");
        assertThat(body.path("days")).hasSize(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "to=2026-13-01", "from=2026-11-23&to=2026-11-01", "from=2024-01-01&to=2026-01-01",
            "since=2026-11-01", "from=%zz"})
    void stats_badQuery_is400(String query) {
        t.save("q", "https://example.com/");

        assertProblem(handle(Events.get("/api/v1/links/q/stats").query(query).build()), 400, "invalid-request");
    }

    @Test
    void stats_unknownLink_is404_linksOnlyKey_is403_post_is405() {
        t.save("s", "https://example.com/");
        String linksOnly = t.issueKey(Scope.LINKS_READ, Scope.LINKS_WRITE);

        assertProblem(handle(Events.get("/api/v1/links/none/stats").build()), 404, "not-found");
        assertProblem(handle(Events.get("/api/v1/links/s/stats").header("authorization", "Bearer " + linksOnly).build()),
                403, "forbidden");
        String statsOnly = t.issueKey(Scope.STATS_READ);
        assertThat(handle(Events.get("/api/v1/links/s/stats").header("authorization", "Bearer " + statsOnly).build())
                .getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse post = handle(Events.request("POST", "/api/v1/links/s/stats").build());
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.getHeaders()).containsEntry("Allow", "GET, HEAD");
    }
}
