package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {
    private final TestSite site = TestSite.create();

    @ParameterizedTest(name = "Accept-Language: {0}")
    @CsvSource(delimiter = '|', value = {
            "pt-PT                    | pt-PT | Encurtar uma ligação",
            "pt-BR,pt;q=0.9,en;q=0.5  | pt-PT | Encurtar uma ligação",
            "en-GB,en;q=0.9           | en    | Shorten a link",
            "de-DE,pt;q=0.8,en;q=0.5  | pt-PT | Encurtar uma ligação",
            "fr-FR                    | en    | Shorten a link",
            "en;q=0,pt;q=0.1          | pt-PT | Encurtar uma ligação",
            "''                       | en    | Shorten a link",
            "'!!not a header;;q=x'    | en    | Shorten a link",
    })
    void acceptLanguage_choosesThePage(String header, String lang, String heading) {
        Browser browser = site.browser();
        if (!header.isEmpty()) {
            browser.acceptLanguage(header);
        }
        browser.open("/");

        assertThat(browser.page.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(browser.page.select("h1").text()).isEqualTo(heading);
        assertThat(browser.response.getHeaders()).containsEntry("Content-Language", lang)
                .containsEntry("Vary", "Accept-Language, Cookie");
    }

    @Test
    void switchLinks_setACookieThatWinsOverAcceptLanguage() {
        Browser browser = site.browser().acceptLanguage("en").open("/");
        assertThat(browser.element("lang-en").attr("href")).isEqualTo("/?lang=en");
        assertThat(browser.element("lang-pt").attr("href")).isEqualTo("/?lang=pt-PT");
        assertThat(browser.element("lang-en").attr("aria-current")).isEqualTo("true");
        assertThat(browser.element("lang-pt").hasAttr("aria-current")).isFalse();

        browser.open("/", "lang=pt-PT");
        assertThat(browser.page.select("h1").text()).isEqualTo("Encurtar uma ligação");
        assertThat(browser.response.getCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("lang=pt-PT;").contains("Path=/", "Max-Age=31536000", "SameSite=Lax"));

        browser.open("/");
        assertThat(browser.page.selectFirst("html").attr("lang")).as("the cookie is remembered").isEqualTo("pt-PT");
        assertThat(browser.element("lang-pt").attr("aria-current")).isEqualTo("true");

        browser.open("/", "lang=en");
        browser.open("/");
        assertThat(browser.page.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void unknownLangParameter_isIgnored() {
        Browser browser = site.browser().acceptLanguage("pt-PT").open("/", "lang=xx");

        assertThat(browser.page.selectFirst("html").attr("lang")).isEqualTo("pt-PT");
        assertThat(browser.response.getCookies()).noneMatch(cookie -> cookie.startsWith("lang="));
    }

    @Test
    void switchLinks_onAPreviewPage_stayOnIt() {
        site.save("promo", "https://example.com/");

        Browser browser = site.browser().open("/promo+");

        assertThat(browser.element("lang-pt").attr("href")).isEqualTo("/promo+?lang=pt-PT");
        browser.open("/promo+", "lang=pt-PT");
        assertThat(browser.page.select("h1").text()).isEqualTo("Para onde leva esta ligação curta");
    }

    @Test
    void everyPageKindIsTranslated() {
        Browser browser = site.browser().acceptLanguage("pt-PT");

        browser.open("/nothing+");
        assertThat(browser.page.select("h1").text()).isEqualTo("Ligação não encontrada");
        browser.open("/").submit(Map.of("url", "https://example.com/", "code", "pt"));
        assertThat(browser.page.select("h1").text()).isEqualTo("A sua ligação curta está pronta");
        assertThat(browser.element("copy").text()).isEqualTo("Copiar");
        assertThat(browser.element("copy").attr("data-copied")).isEqualTo("Copiada para a área de transferência");
    }

    @Test
    void bundles_haveTheSameKeys_andNoMissingMessageShows() {
        Messages messages = new Messages();
        Set<String> english = new TreeSet<>(messages.keys(Language.EN));
        Set<String> portuguese = new TreeSet<>(messages.keys(Language.PT_PT));

        assertThat(portuguese).isEqualTo(english);
        for (String key : english) {
            assertThat(messages.get(Language.PT_PT, key)).as(key).isNotBlank();
        }
    }

    @Test
    void negotiate_and_fromTag() {
        assertThat(Language.negotiate(null)).isEqualTo(Language.EN);
        assertThat(Language.negotiate("*")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("pt")).isEqualTo(Language.PT_PT);
        assertThat(Language.fromTag("PT-pt")).contains(Language.PT_PT);
        assertThat(Language.fromTag("pt_PT")).contains(Language.PT_PT);
        assertThat(Language.fromTag("EN")).contains(Language.EN);
        assertThat(Language.fromTag("es")).isEmpty();
    }
}
