package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Component;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import dev.tern.local.LocalOptions;
import dev.tern.local.LocalPlatform;
import dev.tern.local.status.LocalStatusOptions;
import dev.tern.local.status.LocalStatusPage;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.store.status.DynamoDbProbeResultStore;
import dev.tern.testkit.FaultInjector;
import dev.tern.testkit.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local status page in Chromium, through an outage and its recovery: DynamoDB faults injected
 * into the platform's client, the probe run once per minute of a clock stepped by the test. The page
 * holds 89 days of earlier rounds (written straight to the health table), so its 90-day bars and
 * its size are those of a page in use. Each state is checked with axe-core and photographed:
 * {@code status-major-outage.png} and {@code status-recovered.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageBrowserIT {
    @RegisterExtension
    static final ChromiumExtension chromium = ChromiumExtension.headless();

    private static final FaultInjector faults = new FaultInjector();
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final MutableClock clock = new MutableClock(NOW);
    private static final int BUDGET = 50 * 1024;
    private static LocalPlatform platform;

    @BeforeAll
    static void platformWithNinetyDaysOfHistory() throws IOException {
        platform = LocalPlatform.start(LocalOptions.inMemoryOnFreePort().withInterceptors(List.of(faults))
                .withStatus(LocalStatusOptions.every(Duration.ZERO).withClock(clock)), Map.of());
        Region local = Region.of(LocalStatusPage.REGION);
        try (DynamoDbClient client = DynamoDbClients.create(
                StoreSettings.forEndpoint(platform.dynamoDbEndpoint(), TableNames.fromEnv(Map.of())).withCallTimeout(Duration.ofSeconds(30)),
                List.of())) {
            DynamoDbProbeResultStore rounds = new DynamoDbProbeResultStore(client, TableNames.fromEnv(Map.of()).health());
            for (int day = 89; day >= 1; day--) {
                for (int hour : new int[] {3, 15}) {
                    Instant minute = NOW.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
                    boolean bad = day == 40 || day == 12;
                    List<ProbeResult> results = new ArrayList<>();
                    for (Component c : Component.values()) {
                        boolean fails = bad && c == Component.DATABASE;
                        results.add(new ProbeResult(local, local, c, minute.plusSeconds(2), fails ? Outcome.FAIL : Outcome.PASS,
                                20 + (day * 7 + c.ordinal() * 13) % 60, fails ? "DynamoDB: throttled" : ""));
                    }
                    rounds.save(new ProbeRound(local, minute, results));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static void minutes(int n) {
        for (int i = 0; i < n; i++) {
            platform.statusPage().orElseThrow().runOnce();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private ChromeDriver openStatusPage() {
        ChromeDriver driver = chromium.driver();
        chromium.viewport(Viewport.DESKTOP);
        driver.get(platform.baseUri() + "/status/");
        return driver;
    }

    @Test
    @Order(1)
    void outage_thePageSaysMajorOutage_isAccessible_andPhotographed() {
        minutes(2);
        faults.failRandomly(1.0, 3, FaultInjector.ANY, FaultInjector.Mode.BEFORE_SEND, FaultInjector.Fault.THROTTLING);
        minutes(3);

        ChromeDriver driver = openStatusPage();

        assertThat(driver.findElements(By.cssSelector("td.s-major_outage"))).extracting(e -> e.getText())
                .as("at least the database and the canary's redirect are down").hasSizeGreaterThanOrEqualTo(2)
                .containsOnly("Major outage");
        for (Viewport viewport : new Viewport[] {Viewport.PHONE, Viewport.DESKTOP}) {
            chromium.viewport(viewport);
            Axe.assertNoSeriousViolations(driver, "the status page in an outage at " + viewport.label() + " width");
        }
        chromium.viewport(Viewport.DESKTOP);
        chromium.screenshot("status-major-outage");
    }

    @Test
    @Order(2)
    void recovery_thePageIsOperationalAgain_isAccessible_andPhotographed() {
        faults.clear();
        minutes(3);

        ChromeDriver driver = openStatusPage();

        assertThat(driver.findElements(By.cssSelector("td.s-major_outage"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("td.s-operational"))).hasSize(5);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Resolved");
        for (Viewport viewport : new Viewport[] {Viewport.PHONE, Viewport.DESKTOP}) {
            chromium.viewport(viewport);
            Axe.assertNoSeriousViolations(driver, "the recovered status page at " + viewport.label() + " width");
        }
        chromium.viewport(Viewport.DESKTOP);
        chromium.screenshot("status-recovered");
    }

    @Test
    @Order(3)
    void pageAndStylesheet_of90DaysOf6Rows_fitIn50KB() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        byte[] html = http.send(HttpRequest.newBuilder(URI.create(platform.baseUri() + "/status/")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        byte[] css = http.send(HttpRequest.newBuilder(URI.create(platform.baseUri() + "/status/status.css")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        ChromeDriver driver = openStatusPage();
        int rows = driver.findElements(By.cssSelector("ol.bar")).size();

        assertThat(rows).as("5 component rows and the local region's").isEqualTo(6);
        assertThat(driver.findElements(By.cssSelector("ol.bar > li")).size()).as("90 days per row").isEqualTo(6 * 90);
        System.out.println("status page: HTML " + html.length + " bytes + CSS " + css.length + " bytes");
        assertThat(html.length + css.length).as("HTML + CSS bytes").isLessThanOrEqualTo(BUDGET);
    }
}
