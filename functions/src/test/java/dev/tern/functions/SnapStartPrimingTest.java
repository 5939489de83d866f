package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.status.CanaryCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SnapStart priming requests: served without an error, writing nothing, counting no click. */
class SnapStartPrimingTest {
    private final TestWiring t = TestWiring.create();

    @Test
    void redirectAndApiPriming_writeNothing_countNoClick_andAnswerWithoutErrors() {
        RedirectHandler redirect = t.redirect();
        LinksApiHandler api = t.api();

        redirect.prime();
        api.prime();

        assertThat(redirect.handleRequest(SnapStartPriming.request("GET", "/tern-snapstart-priming", ""), null).getStatusCode())
                .isEqualTo(404);
        assertThat(api.handleRequest(SnapStartPriming.request("GET", "/api/v1/openapi.json", ""), null).getStatusCode()).isEqualTo(200);
        assertThat(api.handleRequest(SnapStartPriming.request("GET", "/api/v1/links/tern-snapstart-priming", ""), null)
                .getStatusCode()).isEqualTo(401);
        assertThat(t.links.size()).isZero();
        assertThat(t.clicks).isEmpty();
        assertThat(t.apiKeys.list()).as("only the operator's bootstrap key, which any first API call provisions")
                .allMatch(key -> key.createdBy().equals(dev.tern.core.apikey.ApiKeyService.BOOTSTRAP));
    }

    @Test
    void redirectPriming_followsTheCanaryLink_withoutCountingAClick() {
        t.save(CanaryCode.VALUE, "https://example.com/tern-status-canary", new RedirectPolicy(302, Duration.ZERO, false));
        RedirectHandler redirect = t.redirect();

        redirect.prime();

        assertThat(redirect.handleRequest(SnapStartPriming.request("GET", "/" + CanaryCode.VALUE, ""), null)
                .getStatusCode()).as("the found path, as primed").isEqualTo(302);
        assertThat(t.links.size()).as("nothing written").isEqualTo(1);
        assertThat(t.clicks).as("the probe header: no click").isEmpty();
    }

    @Test
    void aFailingPrimer_isSkipped_andTheOthersRun() {
        AtomicInteger ran = new AtomicInteger();
        int before = SnapStartPriming.primeAll();
        SnapStartPriming.add("fails", () -> {
            throw new IllegalStateException("no database at build time");
        });
        SnapStartPriming.add("works", ran::incrementAndGet);

        int ok = SnapStartPriming.primeAll();

        assertThat(ok).isEqualTo(before + 1);
        assertThat(ran).hasValue(1);
    }
}
