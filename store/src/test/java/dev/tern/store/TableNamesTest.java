package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.settings.Setting;
import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void withPrefix_appendsEachTablesName() {
        assertThat(TableNames.withPrefix("dev-")).isEqualTo(new TableNames("dev-links", "dev-clicks", "dev-idempotency"));
    }

    @Test
    void nameOf_answersForEachTableSetting() {
        TableNames names = TableNames.withPrefix("p.");

        assertThat(names.nameOf(Setting.LINKS_TABLE)).isEqualTo("p.links");
        assertThat(names.nameOf(Setting.CLICKS_TABLE)).isEqualTo("p.clicks");
        assertThat(names.nameOf(Setting.IDEMPOTENCY_TABLE)).isEqualTo("p.idempotency");
        assertThatThrownBy(() -> names.nameOf(Setting.REGION)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_nameDynamoDbRefuses_isRejected() {
        assertThatThrownBy(() -> new TableNames("ok-links", "no", "ok-idem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clicks");
        assertThatThrownBy(() -> TableNames.withPrefix("bad prefix ")).isInstanceOf(IllegalArgumentException.class);
    }
}
