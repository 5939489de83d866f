package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void withPrefix_appendsEachTablesName() {
        assertThat(TableNames.withPrefix("dev-"))
                .isEqualTo(new TableNames("dev-links", "dev-clicks", "dev-idempotency", "dev-rate-limits", "dev-api-keys", "dev-yourls", "dev-health"));
    }

    @Test
    void fromEnv_readsEachTablesSettingOrItsDefault() {
        assertThat(TableNames.fromEnv(Map.of()))
                .isEqualTo(new TableNames("tern-links", "tern-clicks", "tern-idempotency", "tern-rate-limits", "tern-api-keys", "tern-yourls", "tern-health"));
        assertThat(TableNames.fromEnv(Map.of("TERN_RATE_LIMITS_TABLE", "prod-buckets")).rateLimits()).isEqualTo("prod-buckets");
        assertThatThrownBy(() -> TableNames.fromEnv(Map.of("TERN_RATE_LIMITS_TABLE", "a/b")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_RATE_LIMITS_TABLE");
    }

    @Test
    void nameOf_answersForEachTableSetting() {
        TableNames names = TableNames.withPrefix("p.");

        assertThat(names.nameOf(Setting.LINKS_TABLE)).isEqualTo("p.links");
        assertThat(names.nameOf(Setting.CLICKS_TABLE)).isEqualTo("p.clicks");
        assertThat(names.nameOf(Setting.IDEMPOTENCY_TABLE)).isEqualTo("p.idempotency");
        assertThat(names.nameOf(Setting.RATE_LIMITS_TABLE)).isEqualTo("p.rate-limits");
        assertThatThrownBy(() -> names.nameOf(Setting.REGION)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_nameDynamoDbRefuses_isRejected() {
        assertThatThrownBy(() -> new TableNames("ok-links", "no", "ok-idem", "ok-rate-limits", "ok-api-keys", "ok-yourls", "ok-health"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clicks");
        assertThatThrownBy(() -> new TableNames("ok-links", "ok-clicks", "ok-idem", "rate limits", "ok-api-keys", "ok-yourls", "ok-health"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate-limits");
        assertThatThrownBy(() -> TableNames.withPrefix("bad prefix ")).isInstanceOf(IllegalArgumentException.class);
    }
}
