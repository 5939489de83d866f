package dev.tern.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazySecureRandomTest {

    @Test
    void get_createsTheGeneratorOnFirstUseOnly() {
        AtomicInteger made = new AtomicInteger();
        LazySecureRandom random = new LazySecureRandom(() -> {
            made.incrementAndGet();
            return new SecureRandom();
        });
        assertThat(made).hasValue(0);

        SecureRandom first = random.get();

        assertThat(random.get()).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void reset_makesTheNextUseCreateANewGenerator() {
        LazySecureRandom random = new LazySecureRandom();
        SecureRandom first = random.get();

        random.reset();

        assertThat(random.get()).isNotSameAs(first);
    }

    @Test
    void resetAll_makesEveryInstanceCreateANewGenerator() {
        LazySecureRandom one = new LazySecureRandom();
        LazySecureRandom two = new LazySecureRandom();
        SecureRandom first = one.get();
        SecureRandom second = two.get();

        LazySecureRandom.resetAll();

        assertThat(one.get()).isNotSameAs(first);
        assertThat(two.get()).isNotSameAs(second);
    }
}
