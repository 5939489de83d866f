package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.StoreUnavailableException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemsTest {

    @Test
    void everyErrorCode_hasTheAgreedStatus() {
        Map<ErrorCode, Integer> expected = new EnumMap<>(ErrorCode.class);
        for (ErrorCode code : new ErrorCode[] {ErrorCode.INVALID_URL, ErrorCode.REDIRECT_LOOP, ErrorCode.INVALID_CODE,
                ErrorCode.RESERVED_CODE, ErrorCode.INVALID_TITLE, ErrorCode.INVALID_EXPIRY, ErrorCode.INVALID_REQUEST,
                ErrorCode.INVALID_IDEMPOTENCY_KEY, ErrorCode.BLOCKED_URL}) {
            expected.put(code, 400);
        }
        expected.put(ErrorCode.UNAUTHORIZED, 401);
        expected.put(ErrorCode.FORBIDDEN, 403);
        expected.put(ErrorCode.API_KEY_NOT_FOUND, 404);
        expected.put(ErrorCode.RATE_LIMITED, 429);
        expected.put(ErrorCode.CODE_TAKEN, 409);
        expected.put(ErrorCode.API_KEY_ALREADY_ISSUED, 409);
        expected.put(ErrorCode.NOT_FOUND, 404);
        expected.put(ErrorCode.VERSION_NOT_FOUND, 404);
        expected.put(ErrorCode.ROUTE_NOT_FOUND, 404);
        expected.put(ErrorCode.METHOD_NOT_ALLOWED, 405);
        expected.put(ErrorCode.GONE, 410);
        expected.put(ErrorCode.PAYLOAD_TOO_LARGE, 413);
        expected.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415);
        expected.put(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422);
        expected.put(ErrorCode.UNAVAILABLE, 503);
        expected.put(ErrorCode.INTERNAL, 500);

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(Problems.status(code)).as(code.slug()).isEqualTo(expected.get(code));
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void response_isAProblemDocument(ErrorCode code) {
        APIGatewayV2HTTPResponse response = Problems.response(code, "Some \"detail\" <b>", Map.of(), new ApiJson());

        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode body = Fixtures.tree(response.getBody());
        assertThat(body.path("type").asText()).isEqualTo("/problems/" + code.slug());
        assertThat(body.path("title").asText()).isEqualTo(Problems.title(code)).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(Problems.status(code));
        assertThat(body.path("detail").asText()).isEqualTo("Some \"detail\" <b>");
        assertThat(body.path("code").asText()).isEqualTo(code.slug());
    }

    @Test
    void retryAfter_roundsUpToWholeSeconds_atLeastOne() {
        assertThat(Problems.retryAfterSeconds(unavailable(Duration.ZERO))).isEqualTo(1);
        assertThat(Problems.retryAfterSeconds(unavailable(null))).isEqualTo(1);
        assertThat(Problems.retryAfterSeconds(unavailable(Duration.ofMillis(1)))).isEqualTo(1);
        assertThat(Problems.retryAfterSeconds(unavailable(Duration.ofMillis(1000)))).isEqualTo(1);
        assertThat(Problems.retryAfterSeconds(unavailable(Duration.ofMillis(1001)))).isEqualTo(2);
        assertThat(Problems.retryAfterSeconds(unavailable(Duration.ofSeconds(30)))).isEqualTo(30);
    }

    private static StoreUnavailableException unavailable(Duration retryAfter) {
        return new StoreUnavailableException("test", retryAfter, null);
    }
}
