package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.TernSettings;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code TERN_DYNAMODB_HTTP_CLIENT}: the stores work the same over the AWS CRT client as over the JDK's. */
class CrtHttpClientIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    @Test
    void fromEnv_crt_choosesTheCrtClient_andDefaultsToUrlConnection() {
        assertThat(StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", "http://127.0.0.1:9", "TERN_DYNAMODB_HTTP_CLIENT", "crt"))
                .httpClient()).isEqualTo(StoreSettings.HttpClient.CRT);
        assertThat(StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", "http://127.0.0.1:9")).httpClient())
                .isEqualTo(StoreSettings.HttpClient.URL_CONNECTION);
        assertThatThrownBy(() -> StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", "http://127.0.0.1:9",
                "TERN_DYNAMODB_HTTP_CLIENT", "netty")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_DYNAMODB_HTTP_CLIENT");
    }

    @Test
    void linkStore_overTheCrtClient_writesAndReadsALink() {
        StoreSettings settings = StoreSettings.fromEnv(Map.of("TERN_DYNAMODB_ENDPOINT", ddb.endpoint().toString(),
                "TERN_DYNAMODB_HTTP_CLIENT", "crt", "TERN_LINKS_TABLE", ddb.tablePrefix() + "crt-links",
                "TERN_CLICKS_TABLE", ddb.tablePrefix() + "crt-clicks", "TERN_IDEMPOTENCY_TABLE", ddb.tablePrefix() + "crt-idempotency"))
                .withCallTimeout(Duration.ofSeconds(30));
        TernSettings tern = TernSettings.fromEnv(Map.of("TERN_PUBLIC_BASE_URL", "https://tern.example"));
        try (DynamoDbStores stores = DynamoDbStores.open(settings, "local")) {
            stores.createTablesIfMissing();
            Link link = Link.newActive(new ShortCode("crt"), LongUrl.parse("https://example.com/crt", tern.urlPolicy()), "",
                    Instant.parse("2026-11-23T00:00:00Z"), Creator.UNKNOWN);
            stores.links().insertNew(link);

            assertThat(stores.links().find(new ShortCode("crt"))).hasValueSatisfying(found ->
                    assertThat(found.target().location()).isEqualTo("https://example.com/crt"));
        }
    }
}
