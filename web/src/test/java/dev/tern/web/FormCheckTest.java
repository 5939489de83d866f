package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expiry input is read as UTC; a date alone lasts to the end of that day. */
class FormCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-12-31T23:59,           2026-12-31T23:59:00Z",
            "2026-12-31T23:59:30,        2026-12-31T23:59:30Z",
            "2026-12-31 23:59,           2026-12-31T23:59:00Z",
            "2026-12-31,                 2027-01-01T00:00:00Z",
            "2026-12-31T23:59:00Z,       2026-12-31T23:59:00Z",
            "2026-12-31T23:59:00+01:00,  2026-12-31T22:59:00Z",
            "' 2026-12-31T23:59 ',       2026-12-31T23:59:00Z",
    })
    void parseExpiry_readsUtc(String input, String expected) {
        assertThat(FormCheck.parseExpiry(input)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "31/12/2026", "2026-13-01", "2026-02-30T10:00", "2026-12-31T25:00", "", "9999999999-01-01"})
    void parseExpiry_refusesAnythingElse(String input) {
        assertThat(FormCheck.parseExpiry(input)).isEmpty();
    }
}
