package dev.tern.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.core.link.LongUrl;

/**
 * {@link LongUrl#fromStored} (links read back from the store, or migrated rows judged by older rules)
 * on anything: a printable-ASCII {@code Location}, never an exception.
 */
class LongUrlFromStoredFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void fromStored(byte[] data) {
        String stored = FuzzText.decode(data);
        String location = LongUrl.fromStored(stored).location();
        assertThat(location.chars()).as("location of stored %s", FuzzText.escape(stored))
                .allMatch(c -> c > 0x20 && c < 0x7F);
    }
}
