package dev.tern.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {
    private enum Colour { RED, BLUE }

    @Test
    void string_unsetOrBlank_isTheDefault_andValuesAreStripped() {
        assertThat(new SettingsReader(Map.of()).string(Setting.LINKS_TABLE)).isEqualTo("tern-links");
        assertThat(new SettingsReader(Map.of("TERN_LINKS_TABLE", " \t")).string(Setting.LINKS_TABLE)).isEqualTo("tern-links");
        assertThat(new SettingsReader(Map.of("TERN_LINKS_TABLE", " my-links ")).string(Setting.LINKS_TABLE)).isEqualTo("my-links");
    }

    @Test
    void other_readsANonTernVariable() {
        SettingsReader read = new SettingsReader(Map.of("AWS_REGION", " eu-west-1 "));
        assertThat(read.other("AWS_REGION", "x")).isEqualTo("eu-west-1");
        assertThat(read.other("MISSING", "fallback")).isEqualTo("fallback");
    }

    @Test
    void integer_withinBounds_isParsed_andOutsideFailsNamingTheVariable() {
        SettingsReader read = new SettingsReader(Map.of("TERN_DYNAMODB_TIMEOUT_MILLIS", "1500"));
        assertThat(read.integer(Setting.DYNAMODB_TIMEOUT_MILLIS, 100, 10_000)).isEqualTo(1500);
        assertThatThrownBy(() -> read.integer(Setting.DYNAMODB_TIMEOUT_MILLIS, 2000, 10_000))
                .isInstanceOf(SettingsException.class)
                .hasMessage("TERN_DYNAMODB_TIMEOUT_MILLIS='1500' is not usable: a whole number from 2000 to 10000");
        assertThat(new SettingsReader(Map.of()).integer(Setting.DYNAMODB_TIMEOUT_MILLIS, 100, 10_000)).isEqualTo(2000);
    }

    @Test
    void list_splitsOnCommas_trimsAndDropsEmpties() {
        SettingsReader read = new SettingsReader(Map.of("TERN_EXTRA_OWN_HOSTS", " a.example, ,b.example,,a.example "));
        assertThat(read.list(Setting.EXTRA_OWN_HOSTS)).containsExactlyInAnyOrder("a.example", "b.example");
        assertThat(new SettingsReader(Map.of()).list(Setting.EXTRA_OWN_HOSTS)).isEmpty();
    }

    @Test
    void httpUri_acceptsHttpAndHttpsAddresses() {
        assertThat(new SettingsReader(Map.of("TERN_PUBLIC_BASE_URL", "https://go.example/s/")).httpUri(Setting.PUBLIC_BASE_URL))
                .isEqualTo(URI.create("https://go.example/s/"));
    }

    @Test
    void choice_isCaseInsensitive_andListsTheChoicesWhenWrong() {
        Map<String, Colour> choices = Map.of("red", Colour.RED, "blue", Colour.BLUE);
        assertThat(new SettingsReader(Map.of("TERN_UNKNOWN_CODE", "RED")).choice(Setting.UNKNOWN_CODE, choices)).isEqualTo(Colour.RED);
        assertThatThrownBy(() -> new SettingsReader(Map.of("TERN_UNKNOWN_CODE", "green")).choice(Setting.UNKNOWN_CODE, choices))
                .hasMessage("TERN_UNKNOWN_CODE='green' is not usable: one of blue, red");
    }

    @Test
    void nullEnvironment_isRefused() {
        assertThatThrownBy(() -> new SettingsReader(null)).isInstanceOf(NullPointerException.class);
    }
}
