package dev.tern.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.dynamodblocal.EmbeddedDynamoDb.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedDynamoDbOptionsTest {

  @Test
  void inMemory_defaultsToAnyFreePort() {
    Options options = Options.inMemory();

    assertThat(options.isInMemory()).isTrue();
    assertThat(options.dataDir()).isEmpty();
    assertThat(options.port()).isZero();
  }

  @Test
  void persistent_keepsTheDirectory() {
    Options options = Options.persistent(Path.of("data"));

    assertThat(options.isInMemory()).isFalse();
    assertThat(options.dataDir()).contains(Path.of("data"));
    assertThat(options.port()).isZero();
  }

  @Test
  void persistent_rejectsNullDirectory() {
    assertThatThrownBy(() -> Options.persistent(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void withPort_returnsNewOptionsAndLeavesTheOriginalUnchanged() {
    Options original = Options.persistent(Path.of("data"));

    Options changed = original.withPort(8000);

    assertThat(changed.port()).isEqualTo(8000);
    assertThat(changed.dataDir()).contains(Path.of("data"));
    assertThat(original.port()).isZero();
    assertThat(changed).isEqualTo(Options.persistent(Path.of("data")).withPort(8000));
  }

  @Test
  void withPort_rejectsPortsOutsideTheValidRange() {
    assertThatThrownBy(() -> Options.inMemory().withPort(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.inMemory().withPort(65536))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
