package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Tern without JavaScript: a second Chromium with scripts switched off for every site still
 * creates links with the form, shows field errors and the preview page. Scripts only add comfort.
 */
class NoJavaScriptBrowserIT {
    @RegisterExtension
    @Order(1)
    static final LocalTernExtension tern = new LocalTernExtension();
    @RegisterExtension
    @Order(2)
    static final ChromiumExtension chromium = ChromiumExtension.headless().withoutJavaScript().mappingHosts(tern::hosts);

    private ChromeDriver driver;
    private TernPages pages;

    @BeforeEach
    void pages() {
        driver = chromium.driver();
        pages = new TernPages(driver, tern);
    }

    @Test
    void theBrowser_runsNoScripts() {
        driver.get(tern.scriptProbe());

        assertThat(driver.getTitle()).isEqualTo(TargetSite.TITLE_WITHOUT_SCRIPT);
    }

    @Test
    void form_createsALink_thatLandsOnTheLandingPage() {
        String shortUrl = pages.create(tern.landingPage(), "noscript", "Made without scripts");
        assertThat(shortUrl).isEqualTo(tern.url("/noscript"));
        assertThat(driver.findElement(TernPages.COPY).isDisplayed()).as("no copy button that cannot work").isFalse();

        driver.get(shortUrl);

        assertThat(driver.getTitle()).isEqualTo(TargetSite.LANDING_TITLE);
    }

    @Test
    void form_badUrl_showsTheErrorAtTheUrlField() {
        pages.openForm();
        pages.fill("javascript:alert(1)", null, null);
        pages.submit();

        assertThat(pages.fieldErrorAt("url").getText()).isNotBlank();
        assertThat(driver.findElements(TernPages.SHORT_URL)).isEmpty();
    }

    @Test
    void preview_showsTheClicksAndTheChart() throws InterruptedException {
        String shortUrl = pages.create(tern.landingPage(), "noscript-preview", null);
        driver.get(shortUrl);
        tern.flushClicks();

        pages.openPreview("noscript-preview");

        assertThat(pages.clicks()).isEqualTo(1);
        assertThat(driver.findElements(TernPages.CLICKS_CHART)).hasSize(1);
    }
}
