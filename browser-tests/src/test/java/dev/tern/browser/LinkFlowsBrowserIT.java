package dev.tern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * What a person does with Tern in a browser: create a link with the form, follow it, make a
 * mistake and see where, watch the click arrive on the preview page, and do it all from the keyboard.
 */
class LinkFlowsBrowserIT {
    @RegisterExtension
    @Order(1)
    static final LocalTernExtension tern = new LocalTernExtension();
    @RegisterExtension
    @Order(2)
    static final ChromiumExtension chromium = ChromiumExtension.headless().mappingHosts(tern::hosts);

    private static final AtomicInteger NEXT_CODE = new AtomicInteger();

    private ChromeDriver driver;
    private TernPages pages;

    @BeforeEach
    void pages() {
        driver = chromium.driver();
        pages = new TernPages(driver, tern);
    }

    @Test
    void form_createsALink_whoseShortUrlLandsOnTheLandingPage() {
        String shortUrl = pages.create(tern.landingPage(), null, null);

        assertThat(shortUrl).startsWith(tern.url("/")).matches("http://tern\\.example/[0-9A-Za-z]+");
        assertThat(driver.findElement(TernPages.COPY).isDisplayed()).as("the copy button").isTrue();
        assertThat(driver.findElements(TernPages.QR_SVG)).as("the QR code's <svg>").hasSize(1);
        String code = shortUrl.substring(tern.url("/").length());
        assertThat(driver.findElement(TernPages.PREVIEW_LINK).getDomProperty("href")).isEqualTo(tern.url("/" + code + "+"));

        driver.get(shortUrl);

        assertThat(driver.getTitle()).isEqualTo(TargetSite.LANDING_TITLE);
        assertThat(driver.getCurrentUrl()).isEqualTo(tern.landingPage());
    }

    @Test
    void copyButton_copiesTheShortUrlAndSaysSo() {
        pages.create(tern.landingPage(), null, null);

        driver.findElement(TernPages.COPY).click();

        assertThat(pages.waitForText(TernPages.COPY_STATUS)).isNotBlank();
    }

    @Test
    void form_customCodeAndTitle_areKept() {
        String code = uniqueCode("kept");

        String shortUrl = pages.create(tern.landingPage(), code, "Kept title");

        assertThat(shortUrl).isEqualTo(tern.url("/" + code));
    }

    @Test
    void form_badUrl_showsTheErrorAtTheUrlField() {
        pages.openForm();
        pages.fill("javascript:alert(1)", null, null);
        pages.submit();

        WebElement error = pages.fieldErrorAt("url");

        assertThat(error.getText()).isNotBlank();
        WebElement url = driver.findElement(TernPages.URL);
        assertThat(url.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(url.getDomAttribute("aria-describedby")).as("the field points screen readers to its error").contains("url-error");
        assertThat(url.getDomProperty("value")).as("what was typed is kept").isEqualTo("javascript:alert(1)");
        assertThat(driver.findElements(TernPages.SHORT_URL)).as("no link was created").isEmpty();
        assertThat(driver.findElement(TernPages.FORM).isDisplayed()).isTrue();
    }

    @Test
    void form_takenCode_showsTheErrorAtTheCodeField() {
        String code = uniqueCode("taken");
        pages.create(tern.landingPage(), code, null);

        pages.openForm();
        pages.fill(tern.landingPage(), code, null);
        pages.submit();

        assertThat(pages.fieldErrorAt("code").getText()).isNotBlank();
        assertThat(driver.findElements(TernPages.SHORT_URL)).isEmpty();
    }

    @Test
    void preview_countsTheClickOfAFollowedLink() throws InterruptedException {
        String code = uniqueCode("counted");
        String shortUrl = pages.create(tern.landingPage(), code, "Counted");
        driver.findElement(TernPages.PREVIEW_LINK).click();
        pages.waitFor(TernPages.CLICKS);
        assertThat(driver.getCurrentUrl()).isEqualTo(tern.url("/" + code + "+"));
        assertThat(pages.clicks()).isZero();
        assertThat(driver.findElement(TernPages.DESTINATION).getText()).contains(tern.landingPage());

        driver.get(shortUrl);
        assertThat(driver.getTitle()).isEqualTo(TargetSite.LANDING_TITLE);
        tern.flushClicks();
        pages.openPreview(code);

        assertThat(pages.clicks()).isEqualTo(1);
        assertThat(driver.findElements(TernPages.CLICKS_CHART)).as("the clicks chart").hasSize(1);
        assertThat(driver.findElements(TernPages.REFERRERS)).as("the referrers").hasSize(1);
        assertThat(driver.findElements(TernPages.COUNTRIES)).as("the countries").hasSize(1);
    }

    @Test
    void keyboard_tabReachesEveryFieldAndTheButtonInOrder_andEnterSubmits() {
        pages.openForm();
        List<String> focused = new ArrayList<>();
        for (int presses = 0; presses < 40 && !focused.contains("create"); presses++) {
            String id = pressTab();
            if (!id.isEmpty() && (focused.isEmpty() || !focused.getLast().equals(id))) {
                focused.add(id); // a date field keeps focus while Tab walks its parts: count it once
            }
        }
        assertThat(focused).as("ids of the elements Tab focused, in order")
                .containsSubsequence("url", "code", "title", "expires", "create");

        pages.openForm();
        String id = "";
        for (int presses = 0; presses < 40 && !id.equals("url"); presses++) {
            id = pressTab(); // on through whatever comes before the form (skip link, language links)
        }
        WebElement url = driver.switchTo().activeElement();
        assertThat(url.getDomAttribute("id")).isEqualTo("url");
        assertThat(url.getCssValue("outline-style").equals("none") && url.getCssValue("box-shadow").equals("none"))
                .as("a keyboard-focused field shows its focus (outline or box-shadow)").isFalse();
        new Actions(driver).sendKeys(tern.landingPage()).sendKeys(Keys.ENTER).perform();

        assertThat(pages.shortUrl()).startsWith(tern.url("/"));
    }

    @Test
    void languageLinks_switchThePageLanguage() {
        pages.openForm();

        driver.findElement(By.cssSelector("a#lang-pt")).click();
        assertThat(pages.waitForLanguage("pt")).isEqualTo("pt-PT");
        assertThat(driver.findElements(TernPages.FORM)).hasSize(1);

        driver.findElement(By.cssSelector("a#lang-en")).click();
        assertThat(pages.waitForLanguage("en")).isEqualTo("en");
    }

    /** Presses Tab and returns the id of the element that has the focus then ("" for none). */
    private String pressTab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        String id = driver.switchTo().activeElement().getDomAttribute("id");
        return id == null ? "" : id;
    }

    private static String uniqueCode(String word) {
        return word + NEXT_CODE.incrementAndGet();
    }
}
