package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What can be checked without a browser: WCAG AA contrast of the stylesheet's colour pairs in both
 * themes, a visible focus style, a skip link, labelled fields. (The browser tests run axe-core on the
 * rendered pages.)
 */
class AccessibilityTest {
    private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):(#[0-9a-f]{6})");

    @Test
    void colourPairs_meetAaContrast_inLightAndDarkThemes() {
        String css = new StaticAssets().find("tern.css").orElseThrow().body();
        int dark = css.indexOf("@media (prefers-color-scheme:dark)");
        Map<String, String> light = variables(css.substring(0, dark));
        Map<String, String> darkTheme = new LinkedHashMap<>(light);
        darkTheme.putAll(variables(css.substring(dark, css.indexOf("}}", dark))));

        for (Map<String, String> theme : java.util.List.of(light, darkTheme)) {
            // Text: 4.5:1.
            assertContrast(theme, "fg", "bg", 4.5);
            assertContrast(theme, "fg", "soft", 4.5);
            assertContrast(theme, "muted", "bg", 4.5);
            assertContrast(theme, "muted", "soft", 4.5);
            assertContrast(theme, "accent", "bg", 4.5);
            assertContrast(theme, "accent", "soft", 4.5);
            assertContrast(theme, "accent-fg", "accent", 4.5);
            assertContrast(theme, "error", "bg", 4.5);
            assertContrast(theme, "error", "soft", 4.5);
            // Field borders, focus ring and chart bars: 3:1 against the page.
            assertContrast(theme, "line", "bg", 3);
            assertContrast(theme, "focus", "bg", 3);
            assertContrast(theme, "bar", "bg", 3);
        }
    }

    @Test
    void keyboard_focusIsVisible_andASkipLinkLeadsToTheContent() {
        String css = new StaticAssets().find("tern.css").orElseThrow().body();
        assertThat(css).contains(":focus-visible{outline:3px solid var(--focus)").doesNotContain("outline:none", "outline:0");

        Browser browser = TestSite.create().browser().open("/");
        Element skip = browser.page.selectFirst("a.skip");
        assertThat(skip.attr("href")).isEqualTo("#main");
        assertThat(browser.element("main").tagName()).isEqualTo("main");
        assertThat(browser.page.select("input:not([type=hidden])")).allSatisfy(input ->
                assertThat(browser.page.select("label[for=" + input.id() + "]")).as("label of #" + input.id()).hasSize(1));
        assertThat(browser.page.select("nav.langs").attr("aria-label")).isEqualTo("Language");
        assertThat(browser.element("lang-pt").attr("lang")).isEqualTo("pt-PT");
    }

    private static Map<String, String> variables(String css) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(css);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    private static void assertContrast(Map<String, String> theme, String foreground, String background, double minimum) {
        double ratio = contrast(theme.get(foreground), theme.get(background));
        assertThat(ratio).as("%s %s on %s %s", foreground, theme.get(foreground), background, theme.get(background))
                .isGreaterThanOrEqualTo(minimum);
    }

    /** WCAG 2 contrast ratio of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
