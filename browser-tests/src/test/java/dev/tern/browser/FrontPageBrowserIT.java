package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Smoke: the browser reaches the local platform by its public name and renders its front page;
 * the landing page is reachable and runs scripts. (Until the web module's pages are served.)
 */
class FrontPageBrowserIT {
    @RegisterExtension
    @Order(1)
    static final LocalTernExtension tern = new LocalTernExtension();
    @RegisterExtension
    @Order(2)
    static final ChromiumExtension chromium = ChromiumExtension.headless().mappingHosts(tern::hosts);

    @Test
    void frontPage_rendersInChromium_withoutSeriousAccessibilityViolations() {
        chromium.driver().get(tern.url("/"));

        assertThat(chromium.driver().getTitle()).contains("Tern");
        assertThat(chromium.driver().findElement(By.tagName("h1")).isDisplayed()).isTrue();
        Axe.assertNoSeriousViolations(chromium.driver(), "the front page");
        chromium.screenshot("front-page-desktop");
    }

    @Test
    void landingPage_isReachedByItsName_andRunsScripts() {
        chromium.driver().get(tern.landingPage());
        assertThat(chromium.driver().getTitle()).isEqualTo(TargetSite.LANDING_TITLE);

        chromium.driver().get(tern.scriptProbe());
        assertThat(chromium.driver().getTitle()).isEqualTo(TargetSite.TITLE_WITH_SCRIPT);
    }
}
