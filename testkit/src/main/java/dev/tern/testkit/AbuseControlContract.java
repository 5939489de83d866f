package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.abuse.AbuseReason;
import dev.tern.core.abuse.AbuseReport;
import dev.tern.core.abuse.AbuseReportPage;
import dev.tern.core.abuse.AbuseReportStore;
import dev.tern.core.abuse.BlockedHostStore;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.ShortCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlockedHostStore} and {@link AbuseReportStore} does. A store's test extends this
 * and supplies fresh stores per test class; tests use hosts and codes of their own.
 */
public abstract class AbuseControlContract {
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456789Z");

    protected abstract BlockedHostStore blockedHosts();

    protected abstract AbuseReportStore abuseReports();

    @Test
    void blockedHosts_addRemove_areReflectedAtOnce_andRepeatable() {
        String host = "evil-" + UniqueNames.suffix().toLowerCase(java.util.Locale.ROOT) + ".example";
        blockedHosts().add(host);
        blockedHosts().add(host);
        assertThat(blockedHosts().all()).contains(host);

        assertThat(blockedHosts().remove(host)).isTrue();
        assertThat(blockedHosts().remove(host)).isFalse();
        assertThat(blockedHosts().all()).doesNotContain(host);
    }

    private static AbuseReport report(String id, ShortCode code, int seconds) {
        return new AbuseReport(id, code, AbuseReason.PHISHING, "asks for my bank password", new Creator("anon:0123abcd"),
                AT.plusSeconds(seconds));
    }

    @Test
    void reports_areListedNewestFirst_allOrPerCode_andPaged() {
        ShortCode one = new ShortCode("rep" + UniqueNames.suffix());
        ShortCode two = new ShortCode("rep" + UniqueNames.suffix());
        List<AbuseReport> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AbuseReport report = report("id" + i + UniqueNames.suffix(), i % 2 == 0 ? one : two, 1000 + i);
            abuseReports().add(report);
            mine.add(report);
        }

        AbuseReportPage first = abuseReports().list(Optional.of(one), Optional.empty(), 2);
        AbuseReportPage second = abuseReports().list(Optional.of(one), first.next(), 2);

        assertThat(first.reports()).containsExactly(mine.get(4), mine.get(2));
        assertThat(second.reports()).containsExactly(mine.get(0));
        assertThat(second.next()).isEmpty();
        assertThat(abuseReports().list(Optional.of(two), Optional.empty(), 10).reports()).containsExactly(mine.get(3), mine.get(1));
        assertThat(abuseReports().list(Optional.empty(), Optional.empty(), 100).reports()).containsSubsequence(
                mine.get(4), mine.get(3), mine.get(2), mine.get(1), mine.get(0));
    }

    @Test
    void aReportWithoutComment_comesBackEqual() {
        ShortCode code = new ShortCode("bare" + UniqueNames.suffix());
        AbuseReport report = new AbuseReport("bare" + UniqueNames.suffix(), code, AbuseReason.OTHER, "", new Creator("anon:ff"), AT);
        abuseReports().add(report);

        assertThat(abuseReports().list(Optional.of(code), Optional.empty(), 10).reports()).containsExactly(report);
    }

    @Test
    void reports_foreignCursor_isInvalidRequest() {
        assertThatThrownBy(() -> abuseReports().list(Optional.empty(), Optional.of("not-a-cursor!"), 10))
                .isInstanceOf(InvalidRequestException.class);
    }
}
