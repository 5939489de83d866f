package dev.tern.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VisitorClassTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Opera/9.80 (Windows NT 6.1) Presto/2.12.388 Version/12.18",
            "Mozilla/5.0 (Linux; Android 11; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    })
    void browser_isBrowser(String userAgent) {
        assertThat(VisitorClass.fromUserAgent(userAgent)).isEqualTo(VisitorClass.BROWSER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0.0.0 Safari/537.36",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Twitterbot/1.0",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "WhatsApp/2.23.20.0",
            "TelegramBot (like TwitterBot)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
            "python-requests/2.32.3",
    })
    void crawlerOrPreviewFetcher_isBot(String userAgent) {
        assertThat(VisitorClass.fromUserAgent(userAgent)).isEqualTo(VisitorClass.BOT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"curl/8.5.0", "Wget/1.21.4", "Java-http-client/21", "okhttp/4.12.0", "  ", "-"})
    void toolOrNothing_isOther(String userAgent) {
        assertThat(VisitorClass.fromUserAgent(userAgent)).isEqualTo(VisitorClass.OTHER);
    }

    @ParameterizedTest
    @EnumSource(VisitorClass.class)
    void slug_roundTrips(VisitorClass visitor) {
        assertThat(VisitorClass.fromSlug(visitor.slug())).isEqualTo(visitor);
    }

    @Test
    void slugs_areStable() {
        assertThat(VisitorClass.BROWSER.slug()).isEqualTo("browser");
        assertThat(VisitorClass.BOT.slug()).isEqualTo("bot");
        assertThat(VisitorClass.OTHER.slug()).isEqualTo("other");
        assertThatThrownBy(() -> VisitorClass.fromSlug("human")).isInstanceOf(IllegalArgumentException.class);
    }
}
