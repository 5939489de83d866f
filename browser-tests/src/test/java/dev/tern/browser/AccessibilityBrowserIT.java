package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page checked with axe-core at phone and desktop widths — no serious or critical
 * violation — and photographed there: these are the screenshots in {@code docs/screenshots/}.
 * The links shown have fixed codes and titles, so the pictures are the same from run to run.
 */
class AccessibilityBrowserIT {
    @RegisterExtension
    @Order(1)
    static final LocalTernExtension tern = new LocalTernExtension();
    @RegisterExtension
    @Order(2)
    static final ChromiumExtension chromium = ChromiumExtension.headless().mappingHosts(tern::hosts);

    /** The link whose preview page is shown: a few days of clicks from a few places. */
    private static final String PREVIEWED_CODE = "launch";

    private ChromeDriver driver;
    private TernPages pages;

    @BeforeAll
    static void aLinkWithClicks() throws Exception {
        tern.createLink("{\"url\":\"" + tern.landingPage() + "\",\"code\":\"" + PREVIEWED_CODE + "\",\"title\":\"Spring sale\"}");
        String[][] visits = {
                {"https://news.example/today", "PT"}, {"https://news.example/today", "PT"}, {"https://news.example/week", "BR"},
                {"https://mail.example/inbox", "US"}, {"https://mail.example/inbox", "PT"}, {"https://social.example/", "GB"},
                {"https://news.example/today", "BR"}};
        for (String[] visit : visits) {
            tern.visit(PREVIEWED_CODE, visit[0], visit[1]);
        }
        tern.flushClicks();
    }

    @BeforeEach
    void pages() {
        driver = chromium.driver();
        pages = new TernPages(driver, tern);
    }

    @AfterEach
    void desktopAgain() {
        chromium.viewport(Viewport.DESKTOP);
    }

    @Test
    void form_hasNoSeriousViolations() {
        pages.openForm();

        checkAndPhotograph("form", "the form");
    }

    @Test
    void formWithAFieldError_hasNoSeriousViolations() {
        pages.openForm();
        pages.fill("javascript:alert(1)", null, null);
        pages.submit();
        pages.fieldErrorAt("url");

        checkAndPhotograph("form-error", "the form showing a field error");
    }

    @Test
    void result_hasNoSeriousViolations() {
        String shortUrl = pages.create(tern.landingPage(), "spring", "Spring sale");
        assertThat(shortUrl).isEqualTo(tern.url("/spring"));

        checkAndPhotograph("result", "the result page");
    }

    @Test
    void preview_hasNoSeriousViolations() {
        pages.openPreview(PREVIEWED_CODE);
        assertThat(pages.clicks()).isEqualTo(7);

        checkAndPhotograph("preview", "the preview page");
    }

    /** At each width: axe, then a screenshot named {@code NAME-phone} / {@code NAME-desktop}. */
    private void checkAndPhotograph(String name, String page) {
        for (Viewport viewport : new Viewport[] {Viewport.PHONE, Viewport.DESKTOP}) {
            chromium.viewport(viewport);
            Axe.assertNoSeriousViolations(driver, page + " at " + viewport.label() + " width");
            chromium.screenshot(name + "-" + viewport.label());
        }
    }
}
