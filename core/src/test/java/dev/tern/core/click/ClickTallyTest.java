package dev.tern.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickTallyTest {
    private static final ShortCode CODE = new ShortCode("abc");

    private static Click click(String at, String referrer, String country, VisitorClass visitor) {
        return new Click(CODE, Instant.parse(at), referrer, country, visitor);
    }

    @Test
    void of_addsUpClicksPerUtcDay() {
        List<Click> clicks = List.of(
                click("2026-11-22T23:59:59.999Z", "direct", "DE", VisitorClass.BROWSER),
                click("2026-11-23T00:00:00Z", "direct", "DE", VisitorClass.BROWSER),
                click("2026-11-23T12:00:00Z", "news.example", "", VisitorClass.BOT),
                click("2026-11-23T23:59:59Z", "news.example", "FR", VisitorClass.BROWSER));

        ClickTally tally = ClickTally.of(CODE, clicks);

        assertThat(tally.code()).isEqualTo(CODE);
        assertThat(tally.total()).isEqualTo(4);
        assertThat(tally.days().keySet()).containsExactly(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-23"));
        assertThat(tally.days().get(LocalDate.parse("2026-11-22")))
                .isEqualTo(new DayTally(1, Map.of("direct", 1L), Map.of("DE", 1L), Map.of(VisitorClass.BROWSER, 1L)));
        assertThat(tally.days().get(LocalDate.parse("2026-11-23")))
                .isEqualTo(new DayTally(3, Map.of("direct", 1L, "news.example", 2L), Map.of("DE", 1L, "FR", 1L),
                        Map.of(VisitorClass.BROWSER, 2L, VisitorClass.BOT, 1L)));
    }

    @Test
    void of_clickWithoutCountry_isNotListedUnderCountries() {
        ClickTally tally = ClickTally.of(CODE, List.of(click("2026-11-23T10:00:00Z", "direct", "", VisitorClass.OTHER)));
        assertThat(tally.days().values().iterator().next().countries()).isEmpty();
    }

    @Test
    void of_noClicks_isEmpty() {
        ClickTally tally = ClickTally.of(CODE, List.of());
        assertThat(tally.total()).isZero();
        assertThat(tally.days()).isEmpty();
    }

    @Test
    void of_clickOfAnotherLink_isRefused() {
        Click other = new Click(new ShortCode("xyz"), Instant.parse("2026-11-23T10:00:00Z"), "direct", "", VisitorClass.OTHER);
        assertThatThrownBy(() -> ClickTally.of(CODE, List.of(other))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void days_cannotBeChanged() {
        ClickTally tally = ClickTally.of(CODE, List.of(click("2026-11-23T10:00:00Z", "direct", "", VisitorClass.OTHER)));
        assertThatThrownBy(() -> tally.days().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dayTally_plus_addsEveryCounter_andLeavesBothUnchanged() {
        DayTally a = new DayTally(3, Map.of("direct", 2L, "x.example", 1L), Map.of("DE", 3L), Map.of(VisitorClass.BROWSER, 3L));
        DayTally b = new DayTally(2, Map.of("direct", 1L, "y.example", 1L), Map.of("FR", 1L),
                Map.of(VisitorClass.BROWSER, 1L, VisitorClass.BOT, 1L));

        DayTally sum = a.plus(b);

        assertThat(sum).isEqualTo(new DayTally(5, Map.of("direct", 3L, "x.example", 1L, "y.example", 1L),
                Map.of("DE", 3L, "FR", 1L), Map.of(VisitorClass.BROWSER, 4L, VisitorClass.BOT, 1L)));
        assertThat(a.clicks()).isEqualTo(3);
        assertThat(b.referrers()).hasSize(2);
        assertThat(a.plus(new DayTally(0, Map.of(), Map.of(), Map.of()))).isEqualTo(a);
    }

    @Test
    void dayTally_mapsAreCopiesThatCannotBeChanged() {
        java.util.HashMap<String, Long> referrers = new java.util.HashMap<>(Map.of("direct", 1L));
        DayTally day = new DayTally(1, referrers, Map.of(), Map.of());
        referrers.put("other", 5L);
        assertThat(day.referrers()).containsOnlyKeys("direct");
        assertThatThrownBy(() -> day.referrers().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
