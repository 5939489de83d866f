package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreatorTest {

    @Test
    void apiKeyAndAnonymous_arePrefixed() {
        assertThat(Creator.apiKey("k1").id()).isEqualTo("key:k1");
        assertThat(Creator.anonymous("3f2a").id()).isEqualTo("anon:3f2a");
        assertThat(Creator.UNKNOWN.id()).isEqualTo("unknown");
        assertThat(Creator.apiKey("k1")).isEqualTo(new Creator("key:k1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankId_isRefused(String id) {
        assertThatThrownBy(() -> new Creator(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idOfMoreThan200Characters_isRefused() {
        assertThat(new Creator("x".repeat(200)).id()).hasSize(200);
        assertThatThrownBy(() -> new Creator("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Creator(null)).isInstanceOf(NullPointerException.class);
    }
}
