package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickTally;
import dev.tern.core.link.ShortCode;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The site over the real DynamoDB adapters (DynamoDB Local): create from the form, idempotent resubmission, the preview's per-day counts. */
class SiteOnDynamoDbIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static DynamoDbStores dynamoDb;

    @BeforeAll
    static void open() {
        StoreSettings store = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()));
        // A generous timeout for making the tables: a loaded machine can take longer than the stores' 2 s.
        try (DynamoDbStores setup = DynamoDbStores.open(store.withCallTimeout(java.time.Duration.ofSeconds(60)), "test")) {
            setup.createTablesIfMissing();
        }
        dynamoDb = DynamoDbStores.open(store, "test");
    }

    @AfterAll
    static void close() {
        dynamoDb.close();
    }

    @Test
    void formCreatesOnce_andThePreviewShowsTheStoredDays() {
        TestSite site = TestSite.over(dynamoDb.stores());
        Browser browser = site.browser().open("/");
        String token = browser.token();

        browser.post(Map.of("token", token, "url", "https://example.com/ddb", "code", "ddbform", "title", "Über ünïcode"));
        assertThat(browser.status()).isEqualTo(201);
        site.clock.advance(Duration.ofSeconds(2)); // a second submission is a later request
        browser.post(Map.of("token", token, "url", "https://example.com/ddb", "code", "ddbform", "title", "Über ünïcode"));
        assertThat(browser.status()).as("the same form again").isEqualTo(200);
        assertThat(browser.element("short-url").val()).isEqualTo(TestSite.BASE + "/ddbform");

        ShortCode code = new ShortCode("ddbform");
        List<Click> clicks = List.of(
                Click.of(code, TestSite.NOW, "https://t.co/x", "PT", "Mozilla/5.0"),
                Click.of(code, TestSite.NOW, null, "PT", "Mozilla/5.0"),
                Click.of(code, TestSite.NOW.minus(Duration.ofDays(2)), "https://t.co/y", "DE", "Mozilla/5.0"));
        dynamoDb.clicks().add("batch-1", ClickTally.of(code, clicks));

        browser.open("/ddbform+");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.text("destination")).isEqualTo("https://example.com/ddb");
        assertThat(browser.text("link-title")).isEqualTo("Über ünïcode");
        assertThat(browser.text("clicks")).isEqualTo("3");
        assertThat(browser.page.select("svg#clicks-chart rect.bar").last().selectFirst("title").text()).isEqualTo("23 Nov 2026: 2 clicks");
        assertThat(browser.page.select("#referrers li").eachText()).containsExactly("t.co 2", "Direct (no referrer) 1");
        assertThat(browser.page.select("#countries li").eachText()).containsExactly("Portugal (PT) 2", "Germany (DE) 1");
    }

    @Test
    void takenCode_isAFieldError() {
        TestSite site = TestSite.over(dynamoDb.stores());
        site.browser().open("/").submit(Map.of("url", "https://example.com/first", "code", "ddbtaken"));

        Browser second = site.browser().from("203.0.113.99").open("/").submit(Map.of("url", "https://example.com/second", "code", "ddbtaken"));

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.text("code-error")).contains("already taken");
    }
}
