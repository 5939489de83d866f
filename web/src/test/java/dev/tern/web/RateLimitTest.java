package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.error.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anonymous creation is limited per client address (API Gateway's source IP), keyed by a hash, never the address. */
class RateLimitTest {
    private final TestSite site = TestSite.withEnv(Map.of("TERN_ANONYMOUS_CREATE_BURST", "2", "TERN_ANONYMOUS_CREATES_PER_HOUR", "6"));

    @Test
    void burstExhausted_is429WithRetryAfter_andTheValuesAreKept() {
        Browser browser = site.browser().from("203.0.113.7");
        browser.open("/").submit(Map.of("url", "https://example.com/1"));
        browser.open("/").submit(Map.of("url", "https://example.com/2"));
        assertThat(browser.status()).isEqualTo(201);

        browser.open("/").submit(Map.of("url", "https://example.com/3", "code", "third"));

        assertThat(browser.status()).isEqualTo(429);
        assertThat(browser.response.getHeaders()).containsEntry("Retry-After", "600");
        assertThat(browser.page.select("h1").text()).isEqualTo("Too many links at once");
        assertThat(browser.page.text()).contains("wait about 10 min");
        assertThat(browser.page.select("a[href=/]")).isNotEmpty();
        assertThat(browser.element("url").val()).isEqualTo("https://example.com/3");
        assertThat(browser.element("code").val()).isEqualTo("third");
        assertThat(site.links.size()).isEqualTo(2);

        site.clock.advance(Duration.ofMinutes(10));
        browser.submit(Map.of("url", "https://example.com/3", "code", "third"));
        assertThat(browser.status()).as("a token is back after Retry-After").isEqualTo(201);
    }

    @Test
    void anotherAddress_isNotAffected() {
        Browser first = site.browser().from("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            first.open("/").submit(Map.of("url", "https://example.com/" + i));
        }
        assertThat(first.status()).isEqualTo(429);

        Browser second = site.browser().from("203.0.113.8");
        second.open("/").submit(Map.of("url", "https://example.com/other"));

        assertThat(second.status()).isEqualTo(201);
    }

    @Test
    void forwardedForHeaders_areIgnored() {
        Browser browser = site.browser().from("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            browser.open("/");
            site.send(Requests.post("/").sourceIp("203.0.113.7").cookie("tern-form", browser.cookies().get("tern-form"))
                    .header("x-forwarded-for", "192.0.2." + i)
                    .form("url=https%3A%2F%2Fexample.com%2F" + i + "&token=" + browser.token()));
        }

        assertThat(site.links.size()).isEqualTo(2);
    }

    @Test
    void bucketKeys_holdAKeyedHashOfTheAddress_neverTheAddress() {
        site.browser().from("203.0.113.7").open("/").submit(Map.of("url", "https://example.com/"));
        site.browser().from("2001:db8::7").open("/").submit(Map.of("url", "https://example.com/6"));

        assertThat(site.limiter.keys).hasSize(2).allSatisfy(key -> assertThat(key).matches("web-create:[0-9a-f]{32}"))
                .noneMatch(key -> key.contains("203.0.113") || key.contains("2001"));
        assertThat(site.links.size()).isEqualTo(2);
    }

    @Test
    void limiterUnavailable_is503WithRetryAfter_neverA500() {
        TestSite busy = TestSite.withRateLimiter((key, limit, now) -> {
            throw new StoreUnavailableException("throttled", Duration.ofSeconds(2), null);
        });
        Browser browser = busy.browser().open("/").submit(Map.of("url", "https://example.com/"));

        assertThat(browser.status()).isEqualTo(503);
        assertThat(browser.response.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(browser.page.select("h1").text()).isEqualTo("Busy right now");
        assertThat(browser.element("url").val()).isEqualTo("https://example.com/");
    }
}
