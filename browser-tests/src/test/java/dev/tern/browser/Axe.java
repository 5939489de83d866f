package dev.tern.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core, injected into the page under test from the class path (the
 * {@code axe.min.js} bundled in Deque's {@code com.deque.html.axe-core:selenium} jar): nothing is
 * fetched at run time and nothing is added to Tern's pages.
 *
 * <p>Runs every rule axe enables by default (WCAG 2.0–2.2 A and AA, and best practices). A page
 * passes when it has no violation of impact {@code serious} or {@code critical}; lesser ones are
 * printed but do not fail.
 */
final class Axe {
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final String SOURCE = load();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(results => done({
                version: axe.version,
                violations: results.violations.map(v => ({
                  rule: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary || '' }))
                }))
              }))
              .catch(e => done({ error: String(e) }));
            """;

    private Axe() {
    }

    /** One element that breaks a rule. */
    record Node(String target, String html, String summary) {
    }

    /** One rule the page breaks, with every element that breaks it. */
    record Violation(String rule, String impact, String help, String helpUrl, List<Node> nodes) {
        boolean fails() {
            return FAILING_IMPACTS.contains(impact);
        }

        String describe() {
            StringBuilder text = new StringBuilder()
                    .append("  [").append(impact).append("] ").append(rule).append(": ").append(help)
                    .append(" (").append(helpUrl).append(")\n");
            for (Node node : nodes) {
                text.append("      at ").append(node.target()).append("  ").append(node.html()).append('\n');
                for (String line : node.summary().split("\n")) {
                    if (!line.isBlank()) {
                        text.append("         ").append(line.strip()).append('\n');
                    }
                }
            }
            return text.toString();
        }
    }

    /** Runs axe on the page the browser shows and returns every violation. */
    static List<Violation> analyse(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object raw = js.executeAsyncScript(RUN);
        if (!(raw instanceof Map<?, ?> result)) {
            throw new IllegalStateException("axe returned " + raw);
        }
        if (result.get("error") != null) {
            throw new IllegalStateException("axe failed on " + driver.getCurrentUrl() + ": " + result.get("error"));
        }
        return ((List<?>) result.get("violations")).stream().map(Map.class::cast).map(Axe::violation).toList();
    }

    /**
     * Fails with every violation listed (rule, impact, elements, how to fix) if the page has a
     * serious or critical one; prints lesser ones.
     *
     * @param page what the page is, for the message ("the form at phone width")
     */
    static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<Violation> violations = analyse(driver);
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder();
        violations.forEach(v -> report.append(v.describe()));
        if (violations.stream().anyMatch(Violation::fails)) {
            fail("axe-core found serious or critical accessibility violations on " + page + " (" + driver.getCurrentUrl()
                    + "):\n" + report);
        }
        System.out.println("axe-core: minor or moderate accessibility findings on " + page + ":\n" + report);
    }

    private static Violation violation(Map<?, ?> raw) {
        List<Node> nodes = ((List<?>) raw.get("nodes")).stream().map(Map.class::cast)
                .map(n -> new Node(String.valueOf(n.get("target")), String.valueOf(n.get("html")), String.valueOf(n.get("summary"))))
                .toList();
        return new Violation(String.valueOf(raw.get("rule")), String.valueOf(raw.get("impact")), String.valueOf(raw.get("help")),
                String.valueOf(raw.get("helpUrl")), nodes);
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
