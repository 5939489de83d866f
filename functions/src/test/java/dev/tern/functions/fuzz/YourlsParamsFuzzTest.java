package dev.tern.functions.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.functions.yourls.YourlsParams;
import dev.tern.functions.yourls.YourlsRequestException;
import java.nio.charset.StandardCharsets;

/**
 * {@link YourlsParams#fromQuery} (PHP's {@code $_GET}/{@code $_POST} parsing) on any query string:
 * parameters, or {@link YourlsRequestException}, never another exception; at most
 * {@link YourlsParams#MAX_PARAMETERS} of them, no name empty.
 */
class YourlsParamsFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void fromQuery(byte[] data) {
        String query = new String(data, StandardCharsets.UTF_8);
        YourlsParams params;
        try {
            params = YourlsParams.fromQuery(query);
        } catch (YourlsRequestException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(params.asMap()).hasSizeLessThanOrEqualTo(YourlsParams.MAX_PARAMETERS);
        assertThat(params.asMap().keySet()).doesNotContainNull();
        assertThat(params.asMap().values()).doesNotContainNull();
    }
}
