package dev.tern.status.incident;

import static dev.tern.status.incident.ProbeScenario.ALL_PASS;
import static dev.tern.status.incident.ProbeScenario.AP;
import static dev.tern.status.incident.ProbeScenario.EU;
import static dev.tern.status.incident.ProbeScenario.US;
import static dev.tern.status.incident.ProbeScenario.failing;
import static dev.tern.status.incident.ProbeScenario.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Cell;
import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentEngineTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    private static final Cell REDIRECT_EU = new Cell(Component.REDIRECT, EU);

    @Test
    void flappingProbe_neverOpensAnIncident_butEveryDownMinuteIsKept() {
        ProbeScenario s = new ProbeScenario();
        for (int i = 0; i < 5; i++) {
            s.run(1, failing(Component.REDIRECT, EU)).run(1, ALL_PASS);
        }

        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.incidents()).isEmpty();
        assertThat(snapshot.status(REDIRECT_EU).status()).isEqualTo(ComponentStatus.OPERATIONAL);
        DayStats day = snapshot.day(REDIRECT_EU, DAY);
        assertThat(day.downMinutes()).isEqualTo(5);
        assertThat(day.observedMinutes()).isEqualTo(10);
        assertThat(day.uptime()).hasValue(0.5);
    }

    @Test
    void oneRegionsProbesFailingAlone_isNoIncident_becauseQuorumIsNotMet() {
        ProbeScenario s = new ProbeScenario();
        s.run(10, (from, cell) -> from.equals(AP) ? Outcome.TIMEOUT : Outcome.PASS);

        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.incidents()).isEmpty();
        assertThat(snapshot.overallStatus()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(snapshot.status(REDIRECT_EU).detail()).contains("ap-southeast-2", "alone", "quorum not met");
        assertThat(snapshot.day(REDIRECT_EU, DAY).downMinutes()).isZero();
    }

    @Test
    void regionOutage_confirmedByTwoRegionsForTwoMinutes_opensAMajorIncident() {
        ProbeScenario s = new ProbeScenario();
        s.run(3, ALL_PASS).run(1, (from, cell) -> cell.region().equals(EU) ? Outcome.FAIL : Outcome.PASS);

        assertThat(s.settledSnapshot().incidents()).as("one failing minute is not enough").isEmpty();

        s.run(2, (from, cell) -> cell.region().equals(EU) ? Outcome.FAIL : Outcome.PASS);
        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.regionStatus(EU)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(snapshot.regionStatus(US)).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(snapshot.componentStatus(Component.REDIRECT)).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(snapshot.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo("20261123-0903");
            assertThat(incident.startedAt()).isEqualTo(minute(3));
            assertThat(incident.impact()).isEqualTo(Impact.MAJOR);
            assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(incident.isResolved()).isFalse();
            assertThat(incident.affected()).hasSize(Component.values().length).allMatch(c -> c.region().equals(EU));
            assertThat(incident.title()).startsWith("Outage: Redirects in eu-west-1");
            assertThat(incident.updates()).as("one update for the five cells that failed together").singleElement()
                    .extracting(IncidentUpdate::body).asString()
                    .contains("Confirmed major outage since 2026-11-23 09:03 UTC, for 2 consecutive minutes",
                            "eu-west-1: Redirects, REST API, Web form, YOURLS API, Database", "HTTP 503");
        });
        assertThat(snapshot.unresolvedIncidents()).hasSize(1);
    }

    @Test
    void componentDownInEveryRegion_isACriticalMajorOutage() {
        ProbeScenario s = new ProbeScenario();
        s.run(2, (from, cell) -> cell.component() == Component.DATABASE ? Outcome.TIMEOUT : Outcome.PASS);

        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.componentStatus(Component.DATABASE)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(snapshot.overallStatus()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(snapshot.incidents()).singleElement().extracting(Incident::impact).isEqualTo(Impact.CRITICAL);
    }

    @Test
    void recovery_resolvesTheIncidentAtTheFirstHealthyMinute_andKeepsItsHistory() {
        ProbeScenario s = new ProbeScenario();
        s.run(2, ALL_PASS).run(5, failing(Component.REDIRECT, EU)).run(1, ALL_PASS);

        assertThat(s.settledSnapshot().unresolvedIncidents()).as("one healthy minute is not enough").hasSize(1);

        s.run(3, ALL_PASS);
        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.status(REDIRECT_EU).status()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(snapshot.unresolvedIncidents()).isEmpty();
        Incident incident = snapshot.incidents().getFirst();
        assertThat(incident.startedAt()).isEqualTo(minute(2));
        assertThat(incident.resolvedAt()).contains(minute(7));
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.updates()).extracting(IncidentUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED);
        assertThat(incident.updates().getLast().body())
                .startsWith("Recovered at 2026-11-23 09:07 UTC: eu-west-1: Redirects.").contains("resolved");
        assertThat(snapshot.day(REDIRECT_EU, DAY).downMinutes()).isEqualTo(5);
    }

    @Test
    void maintenanceWindow_showsFailuresAsMaintenance_opensNoIncident_andLeavesThemOutOfUptime() {
        ProbeScenario s = new ProbeScenario();
        s.engine.apply(new OperatorAction.Maintenance("mw-1", "DynamoDB table class change",
                Set.of(Component.DATABASE), Set.of(EU), minute(2), minute(6), minute(0)));
        s.run(2, ALL_PASS).run(4, failing(Component.DATABASE, EU));

        Cell databaseEu = new Cell(Component.DATABASE, EU);
        StatusSnapshot during = s.settledSnapshot();
        assertThat(during.status(databaseEu).status()).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(during.status(databaseEu).detail()).contains("DynamoDB table class change");
        assertThat(during.incidents()).isEmpty();
        assertThat(during.day(databaseEu, DAY)).satisfies(d -> {
            assertThat(d.maintenanceMinutes()).isEqualTo(4);
            assertThat(d.downMinutes()).isZero();
            assertThat(d.uptime()).hasValue(1.0);
        });
        assertThat(during.maintenances()).extracting(OperatorAction.Maintenance::id).containsExactly("mw-1");

        s.run(2, failing(Component.DATABASE, EU));
        assertThat(s.settledSnapshot().unresolvedIncidents())
                .as("still failing after the window: the truth again").singleElement()
                .extracting(Incident::startedAt).isEqualTo(minute(6));
    }

    @Test
    void noData_isItsOwnState_neverOperational() {
        ProbeScenario s = new ProbeScenario();

        assertThat(s.engine.snapshot().status(REDIRECT_EU).status()).as("before any probe").isEqualTo(ComponentStatus.NO_DATA);

        s.run(3, ALL_PASS).silence(4);
        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.status(REDIRECT_EU).status()).isEqualTo(ComponentStatus.NO_DATA);
        assertThat(snapshot.overallStatus()).isEqualTo(ComponentStatus.NO_DATA);
        assertThat(snapshot.day(REDIRECT_EU, DAY).observedMinutes()).isEqualTo(3);
        assertThat(snapshot.incidents()).isEmpty();
    }

    @Test
    void failuresFromOneRegion_whileTheOthersAreSilent_areNoData_notDown() {
        ProbeScenario s = new ProbeScenario();
        s.run(4, failing(Component.REDIRECT, EU), (from, cell) -> 40L, List.of(AP));

        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.status(REDIRECT_EU).status()).isEqualTo(ComponentStatus.NO_DATA);
        assertThat(snapshot.status(REDIRECT_EU).detail()).contains("quorum of 2 regions not met");
        assertThat(snapshot.incidents()).isEmpty();
    }

    @Test
    void slowAnswersForTwoMinutes_areDegradedPerformance_andAMinorIncident() {
        ProbeScenario s = new ProbeScenario(StatusPolicy.defaults().withDegradedAbove(Component.API, Duration.ofMillis(300)),
                EU, US, AP);
        s.run(2, ALL_PASS, (from, cell) -> cell.component() == Component.API && cell.region().equals(US) ? 900L : 40L,
                List.of(EU, US, AP));

        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.status(new Cell(Component.API, US)).status()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(snapshot.incidents()).singleElement().satisfies(i -> {
            assertThat(i.impact()).isEqualTo(Impact.MINOR);
            assertThat(i.title()).isEqualTo("Degraded performance: REST API in us-east-1");
        });
        assertThat(snapshot.day(new Cell(Component.API, US), DAY).degradedMinutes()).isEqualTo(2);
    }

    @Test
    void operatorNote_joinsTheTimeline_andMovesTheStatus() {
        ProbeScenario s = new ProbeScenario();
        s.run(3, failing(Component.WEB, US));
        String id = s.settledSnapshot().incidents().getFirst().id();

        s.engine.apply(new OperatorAction.Note(id, minute(3).plusSeconds(30), "A bad deploy; rolling back.",
                Optional.of(IncidentStatus.IDENTIFIED)));
        Incident incident = s.engine.snapshot().incidents().getFirst();

        assertThat(incident.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(incident.updates().getLast()).satisfies(u -> {
            assertThat(u.byOperator()).isTrue();
            assertThat(u.body()).isEqualTo("A bad deploy; rolling back.");
        });
    }

    @Test
    void singleRegionDeployment_judgesItselfWithOneRegion() {
        Region local = Region.of("local");
        ProbeScenario s = new ProbeScenario(StatusPolicy.defaults(), local);
        s.run(2, (from, cell) -> cell.component() == Component.DATABASE ? Outcome.FAIL : Outcome.PASS);

        StatusSnapshot snapshot = s.settledSnapshot();

        assertThat(snapshot.componentStatus(Component.DATABASE)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(snapshot.incidents()).singleElement().extracting(Incident::impact).isEqualTo(Impact.CRITICAL);
    }

    @Test
    void minute_isJudgedOnceEveryRegionReported_andALateRoundIsIgnored() {
        ProbeScenario s = new ProbeScenario();
        s.run(1, ALL_PASS);
        assertThat(s.engine.snapshot().judgedThrough()).as("all three reported").contains(minute(0));

        s.run(1, failing(Component.REDIRECT, EU), (from, cell) -> 40L, List.of(EU, US));
        assertThat(s.engine.snapshot().judgedThrough()).as("ap-southeast-2 may still report").contains(minute(0));

        s.clock.advance(Duration.ofMinutes(2));
        assertThat(s.engine.snapshot().judgedThrough()).as("settle delay passed").contains(minute(1));
        assertThat(s.engine.snapshot().day(REDIRECT_EU, DAY).downMinutes()).isEqualTo(1);

        s.engine.apply(new dev.tern.core.status.ProbeRound(AP, minute(1), List.of()));
        assertThat(s.engine.lateRounds()).isEqualTo(1);
    }
}
