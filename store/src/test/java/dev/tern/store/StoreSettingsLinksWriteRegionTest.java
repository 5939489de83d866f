package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.settings.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsLinksWriteRegionTest {
    @Test
    void fromEnv_withoutWriteRegion_writesLocally() {
        assertThat(StoreSettings.fromEnv(Map.of("AWS_REGION", "us-west-2")).linkWrites()).isEmpty();
    }

    @Test
    void fromEnv_writeRegionElsewhere_givesSettingsForThatRegion() {
        StoreSettings settings = StoreSettings.fromEnv(Map.of("AWS_REGION", "eu-west-1", "TERN_LINKS_WRITE_REGION", "us-east-1",
                "TERN_DYNAMODB_TIMEOUT_MILLIS", "900"));

        assertThat(settings.linksWriteRegion()).contains("us-east-1");
        StoreSettings writes = settings.linkWrites().orElseThrow();
        assertThat(writes.awsRegion()).isEqualTo("us-east-1");
        assertThat(writes.tables()).isEqualTo(settings.tables());
        assertThat(writes.callTimeout()).isEqualTo(settings.callTimeout());
        assertThat(writes.linkWrites()).isEmpty();
    }

    @Test
    void fromEnv_writeRegionIsTheFunctionsOwn_writesLocally() {
        StoreSettings home = StoreSettings.fromEnv(Map.of("AWS_REGION", "us-east-1", "TERN_LINKS_WRITE_REGION", "us-east-1"));

        assertThat(home.linkWrites()).isEmpty();
    }

    @Test
    void fromEnv_writeRegionNotARegion_namesTheVariable() {
        assertThatThrownBy(() -> StoreSettings.fromEnv(Map.of("AWS_REGION", "us-east-1", "TERN_LINKS_WRITE_REGION", "home")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("TERN_LINKS_WRITE_REGION");
    }
}
