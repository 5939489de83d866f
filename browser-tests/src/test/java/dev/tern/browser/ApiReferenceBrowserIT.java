package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API reference at {@code /api/v1/docs}: Swagger UI, started by our own script file under a
 * policy without inline script, renders every operation of the OpenAPI document, and loads nothing
 * from any other host.
 */
class ApiReferenceBrowserIT {
    @RegisterExtension
    @Order(1)
    static final LocalTernExtension tern = new LocalTernExtension();
    @RegisterExtension
    @Order(2)
    static final ChromiumExtension chromium = ChromiumExtension.headless().mappingHosts(tern::hosts);

    @Test
    void reference_rendersEveryOperation_fromTernAlone() {
        ChromeDriver driver = chromium.driver();
        driver.get(tern.url("/api/v1/docs"));

        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

        assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).startsWith("Tern REST API");
        assertThat(driver.findElements(By.cssSelector(".opblock .opblock-summary-path")))
                .extracting(element -> element.getAttribute("data-path"))
                .contains("/api/v1/links", "/api/v1/links/{code}", "/api/v1/keys", "/api/v1/openapi.json");
        assertThat(driver.findElements(By.cssSelector(".auth-wrapper .authorize"))).as("the Authorize button").isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("script:not([src])"))).as("no inline script").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(function (r) { return r.name; });");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(tern.url("/")));
        chromium.screenshot("api-reference");
    }
}
