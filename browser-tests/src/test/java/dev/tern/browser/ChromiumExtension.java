package dev.tern.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.opentest4j.TestAbortedException;

/**
 * One headless Chromium for a test class (Debian's {@code chromium}, driven by its
 * {@code chromedriver}), started before the first test and quit after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ChromiumExtension chromium = ChromiumExtension.headless();
 * ...
 * chromium.driver().get(url);
 * }</pre>
 *
 * <p><b>When Chromium or chromedriver is missing</b> every test of the class is skipped (a JUnit
 * assumption) with a message saying how to install them, except when the environment variable
 * {@code CI} is set (to anything but {@code false}): then the class fails, so CI can never pass
 * without the browser proof.
 *
 * <p>Every browser gets a fresh, temporary profile and runs with background networking, component
 * updates, sync and QUIC off, so it talks to nothing but the pages a test opens. Binaries are found
 * by {@link BrowserBinaries} and handed to Selenium explicitly, so Selenium Manager never runs.
 * When a test fails, a screenshot and the page's HTML are left in {@code target/browser-failures/}.
 */
public final class ChromiumExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AfterTestExecutionCallback {
    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Selenium warns at every start that it has no DevTools module for this Chromium's version. The
     * tests never use Selenium's DevTools API (only WebDriver and chromedriver's own CDP command), so
     * the warning is noise. Held in a field: java.util.logging keeps loggers only weakly.
     */
    private static final List<Logger> QUIETED = quiet("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver");

    private final boolean javaScript;
    private final Supplier<Map<String, URI>> hosts;
    private ChromeDriver driver;
    private Path profile;
    private OutputStream driverLog;
    private TestAbortedException skipped;

    private ChromiumExtension(boolean javaScript, Supplier<Map<String, URI>> hosts) {
        this.javaScript = javaScript;
        this.hosts = hosts;
    }

    /** Headless Chromium with JavaScript on, as visitors have it. */
    public static ChromiumExtension headless() {
        return new ChromiumExtension(true, Map::of);
    }

    /** The same browser with JavaScript switched off for every site. */
    public ChromiumExtension withoutJavaScript() {
        return new ChromiumExtension(false, hosts);
    }

    /**
     * Makes the browser resolve host names to local servers ({@code tern.example} → {@code http://127.0.0.1:PORT}),
     * read when the browser starts (so after earlier extensions have started those servers). Only
     * the browser sees these names; every connection still goes to 127.0.0.1.
     */
    public ChromiumExtension mappingHosts(Supplier<Map<String, URI>> hostsToServers) {
        return new ChromiumExtension(javaScript, hostsToServers);
    }

    /** The browser; valid between the class's first and last test. */
    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("Chromium has not started: register the extension with @RegisterExtension on a static field");
        }
        return driver;
    }

    /** Resizes the page's viewport, exactly, through Chromium's device emulation. */
    public void viewport(Viewport viewport) {
        driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width(),
                "height", viewport.height(),
                "deviceScaleFactor", 1,
                "mobile", viewport.mobile()));
    }

    /** Saves what the viewport shows as {@code NAME.png} (see {@link Screenshots}). */
    public List<Path> screenshot(String name) {
        return Screenshots.save(name, driver().getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        BrowserBinaries binaries;
        switch (BrowserBinaries.locate()) {
            case BrowserBinaries.Found found -> binaries = found.binaries();
            case BrowserBinaries.Missing missing -> {
                RuntimeException outcome = whenMissing(missing.message(), System.getenv());
                if (outcome instanceof TestAbortedException skip) {
                    // Skipped test by test (in beforeEach), so the report counts each one as skipped.
                    skipped = skip;
                    return;
                }
                throw outcome;
            }
        }
        profile = Files.createTempDirectory("tern-chromium-");
        Path logs = Files.createDirectories(BuildPaths.buildDir().resolve("browser-logs"));
        driverLog = Files.newOutputStream(logs.resolve("chromedriver-" + context.getRequiredTestClass().getSimpleName() + ".log"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        service.sendOutputTo(driverLog);
        try {
            driver = new ChromeDriver(service, options(binaries.chromium()));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT).scriptTimeout(PAGE_LOAD_TIMEOUT);
        presentAsAPerson();
        viewport(Viewport.DESKTOP);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (skipped != null) {
            throw skipped;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Path dir = Files.createDirectories(BuildPaths.buildDir().resolve("browser-failures"));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
            System.err.println("Browser state at the failure of " + name + ": " + dir.resolve(name + ".png"));
        } catch (IOException | RuntimeException e) {
            // the test's own failure is what matters; a browser that cannot even take a screenshot adds nothing
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeQuietly();
    }

    /**
     * The policy for a machine without the browser: skip (a JUnit assumption) on a developer's
     * machine, fail under CI.
     *
     * @return what to throw: a {@link TestAbortedException} to skip, anything else to fail
     */
    static RuntimeException whenMissing(String message, Map<String, String> env) {
        if (isCi(env)) {
            return new IllegalStateException("CI is set, so the browser tests must run, not be skipped. " + message);
        }
        // What a failed JUnit assumption throws: the class is reported as skipped, with this message.
        return new TestAbortedException(message + " (Skipped here; where the variable CI is set, this fails.)");
    }

    static boolean isCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.strip().equalsIgnoreCase("false");
    }

    private ChromeOptions options(Path chromium) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        List<String> arguments = new ArrayList<>(List.of(
                "--headless",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
                "--disable-gpu",
                "--disable-dev-shm-usage", // containers often have a tiny /dev/shm
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--disable-features=HttpsUpgrades", // mapped hosts speak plain HTTP: no https:// attempt first
                "--hide-scrollbars", // screenshots show the page, not a scroll bar
                "--lang=en-US",
                "--window-size=" + Viewport.DESKTOP.width() + "," + Viewport.DESKTOP.height(),
                "--user-data-dir=" + profile));
        String rules = hostResolverRules(hosts.get());
        if (!rules.isEmpty()) {
            arguments.add("--host-resolver-rules=" + rules);
        }
        options.addArguments(arguments);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return options;
    }

    static String hostResolverRules(Map<String, URI> hostsToServers) {
        return hostsToServers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "MAP " + e.getKey() + " " + e.getValue().getHost() + ":" + e.getValue().getPort())
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    /**
     * Headless Chromium says "HeadlessChrome" in its User-Agent, and Tern counts such visitors as
     * bots. The tests stand for people, so the browser sends the User-Agent of the same Chromium
     * with a screen.
     */
    private void presentAsAPerson() {
        String userAgent = String.valueOf(driver.executeCdpCommand("Browser.getVersion", Map.of()).get("userAgent"));
        driver.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", userAgent.replace("HeadlessChrome/", "Chrome/"), "acceptLanguage", "en-US,en"));
    }

    private static List<Logger> quiet(String... names) {
        List<Logger> loggers = new ArrayList<>();
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.SEVERE);
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    private void closeQuietly() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (RuntimeException e) {
            // already quitting; chromedriver stops with the JVM at the latest
        } finally {
            driver = null;
            try {
                if (driverLog != null) {
                    driverLog.close();
                }
            } catch (IOException e) {
                // a log file that cannot be closed loses nothing the test needs
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
        profile = null;
    }
}
