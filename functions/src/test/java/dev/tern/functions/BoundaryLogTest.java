package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundaryLogTest {
    private final List<String> lines = new ArrayList<>();
    private final BoundaryLog log = new BoundaryLog(lines::add);

    @Test
    void error_isOneJsonLineWithContext() {
        log.error("create", "promo", "req-1", new IllegalStateException("bad \"state\"\nsecond line",
                new java.io.IOException("cause")));

        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line).doesNotContain("\n").startsWith("{\"level\":\"ERROR\",\"op\":\"create\",\"code\":\"promo\",\"requestId\":\"req-1\"");
        JsonNode json = Fixtures.tree(line);
        assertThat(json.path("error").asText()).isEqualTo("java.lang.IllegalStateException: bad \"state\"\nsecond line");
        assertThat(json.path("stack").asText()).contains("BoundaryLogTest", "caused by java.io.IOException: cause");
    }

    @Test
    void warn_leavesOutWhatIsUnknown() {
        log.warn("redirect", null, "r", "busy");

        assertThat(lines).containsExactly("{\"level\":\"WARN\",\"op\":\"redirect\",\"requestId\":\"r\",\"error\":\"busy\"}");
    }

    @Test
    void lines_arePureAsciiJson() {
        log.warnBatch("aggregate", "cwl-1", 3, "naïve \u2028 \u0000 \uD83D\uDE80 <>&'");

        String line = lines.get(0);
        assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).isTrue();
        assertThat(Fixtures.tree(line).path("error").asText()).isEqualTo("naïve \u2028 \u0000 \uD83D\uDE80 <>&'");
        assertThat(Fixtures.tree(line).path("count").asInt()).isEqualTo(3);
    }

    @Test
    void longMessages_areCut() {
        log.warn("x", null, null, "m".repeat(5000));

        assertThat(Fixtures.tree(lines.get(0)).path("error").asText()).hasSize(1003);
    }
}
