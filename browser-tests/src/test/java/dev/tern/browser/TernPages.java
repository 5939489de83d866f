package dev.tern.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tern's pages as the tests use them, by the ids of the DOM contract agreed with the web module:
 * the form ({@code form#create-form}, {@code #url}, {@code #code}, {@code #title}, {@code #expires},
 * {@code button#create}, {@code #FIELD-error}), the result page ({@code #short-url}, {@code #copy},
 * {@code #qr}, {@code a#preview-link}) and the preview page ({@code #destination}, {@code #clicks},
 * {@code svg#clicks-chart}, {@code #referrers}, {@code #countries}).
 */
final class TernPages {
    static final By FORM = By.cssSelector("form#create-form");
    static final By URL = By.id("url");
    static final By CODE = By.id("code");
    static final By TITLE = By.id("title");
    static final By EXPIRES = By.id("expires");
    static final By CREATE = By.cssSelector("button#create");
    static final By SHORT_URL = By.id("short-url");
    static final By COPY = By.id("copy");
    /** Where the result page says that the copy button worked (a live region). */
    static final By COPY_STATUS = By.id("copy-status");
    static final By QR_SVG = By.cssSelector("#qr svg");
    static final By PREVIEW_LINK = By.cssSelector("a#preview-link");
    static final By DESTINATION = By.id("destination");
    static final By CLICKS = By.id("clicks");
    static final By CLICKS_CHART = By.cssSelector("svg#clicks-chart");
    static final By REFERRERS = By.id("referrers");
    static final By COUNTRIES = By.id("countries");

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final LocalTernExtension tern;

    TernPages(WebDriver driver, LocalTernExtension tern) {
        this.driver = driver;
        this.tern = tern;
    }

    static By fieldError(String field) {
        return By.id(field + "-error");
    }

    /** Opens the form at {@code /} and waits for it. */
    void openForm() {
        driver.get(tern.url("/"));
        waitFor(FORM);
    }

    /** Types into the form's fields; a {@code null} leaves the field as it is. */
    void fill(String url, String code, String title) {
        type(URL, url);
        type(CODE, code);
        type(TITLE, title);
    }

    /** Presses the create button. */
    void submit() {
        driver.findElement(CREATE).click();
    }

    /** Fills and submits the form, then waits for the result page and returns its short URL. */
    String create(String url, String code, String title) {
        openForm();
        fill(url, code, title);
        submit();
        return shortUrl();
    }

    /** Waits for the result page and reads the short URL it shows. */
    String shortUrl() {
        WebElement shortUrl = waitFor(SHORT_URL);
        return "input".equals(shortUrl.getTagName()) ? shortUrl.getDomProperty("value") : shortUrl.getText().strip();
    }

    /** Waits for the error shown at a field ({@code url}, {@code code}, ...) after a submit. */
    WebElement fieldErrorAt(String field) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(fieldError(field)));
    }

    /** Opens the preview page {@code /CODE+} and waits for it. */
    void openPreview(String code) {
        driver.get(tern.url("/" + code + "+"));
        waitFor(CLICKS);
    }

    /** The click count the preview page shows. */
    long clicks() {
        return Long.parseLong(driver.findElement(CLICKS).getText().strip().replaceAll("[^0-9]", ""));
    }

    /** Waits until the element has text, and returns it. */
    String waitForText(By locator) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            String text = d.findElement(locator).getText();
            return text.isBlank() ? null : text;
        });
    }

    /**
     * Waits until the page's {@code <html lang>} starts with {@code prefix} (a new page after a
     * language link) and returns it.
     */
    String waitForLanguage(String prefix) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            String lang = d.findElement(By.tagName("html")).getDomAttribute("lang");
            return lang != null && lang.startsWith(prefix) ? lang : null;
        });
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void type(By field, String text) {
        if (text == null) {
            return;
        }
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }
}
