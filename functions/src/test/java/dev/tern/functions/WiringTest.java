package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.settings.SettingsException;
import java.util.Map;
import dev.tern.core.yourls.RankingLinkStore;
import org.junit.jupiter.api.Test;

class WiringTest {

    @Test
    void fromEnv_unusableSetting_failsNamingTheVariable() {
        assertThatThrownBy(() -> Wiring.fromEnv(Map.of("TERN_REDIRECT_STATUS", "200", "TERN_DYNAMODB_ENDPOINT", "http://127.0.0.1:1")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("TERN_REDIRECT_STATUS");
    }

    @Test
    void fromEnv_buildsDynamoDbStoresAndTheLogLineSink_withoutANetworkCall() {
        try (Wiring wiring = Wiring.fromEnv(Map.of(
                "TERN_PUBLIC_BASE_URL", "https://sho.rt",
                "TERN_DYNAMODB_ENDPOINT", "http://127.0.0.1:1",
                "TERN_REGION", "eu-west-1"))) {
            assertThat(wiring.settings().publicBaseUrl()).hasToString("https://sho.rt");
            assertThat(wiring.settings().region()).isEqualTo("eu-west-1");
            assertThat(wiring.clickSink()).isInstanceOf(LogLineClickSink.class);
            assertThat(wiring.stores().links()).isInstanceOf(RankingLinkStore.class);
            assertThat(((RankingLinkStore) wiring.stores().links()).delegate().getClass().getName()).startsWith("dev.tern.store.");
            assertThat(wiring.dynamoDbRateLimiter()).get().extracting(limiter -> limiter.getClass().getSimpleName())
                    .isEqualTo("DynamoDbRateLimiter");
        }
    }

    @Test
    void wiringOverGivenStores_hasNoDynamoDbRateLimiter() {
        assertThat(TestWiring.create().wiring().dynamoDbRateLimiter()).isEmpty();
    }

    @Test
    void expensiveParts_areBuiltOnceOnFirstUse() {
        Wiring wiring = TestWiring.create().wiring();

        assertThat(wiring.apiJson()).isSameAs(wiring.apiJson());
        assertThat(wiring.clickAggregator()).isSameAs(wiring.clickAggregator());
    }

    @Test
    void handlers_shareTheWiringTheyAreGiven() {
        Wiring wiring = TestWiring.create().wiring();

        assertThat(new RedirectHandler(wiring)).isNotNull();
        assertThat(new LinksApiHandler(wiring)).isNotNull();
        assertThat(new ClickAggregationHandler(wiring)).isNotNull();
    }
}
