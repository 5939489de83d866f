package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redirect path with the container's link cache on (TERN_LINK_CACHE_ENTRIES), as deployed. */
class HotLinkCacheTest {
    private final TestWiring t = TestWiring.withEnv(Map.of("TERN_LINK_CACHE_ENTRIES", "1000"));
    private final Wiring wiring = t.wiring();
    private final RedirectHandler redirect = new RedirectHandler(wiring);
    private final LinksApiHandler api = new LinksApiHandler(wiring);

    private int status(String path) {
        APIGatewayV2HTTPResponse response = redirect.handleRequest(Events.get(path).build(), null);
        return response.getStatusCode();
    }

    @Test
    void aHotLink_isServedFromTheCache_andEveryRedirectIsStillAClick() {
        Link link = t.save("hot", "https://example.com/");
        assertThat(status("/hot")).isEqualTo(301);

        // Changed behind this container's back (as another region or container would): the cache still serves it.
        t.links.replace(link, link.withStatus(LinkStatus.DISABLED));
        for (int i = 0; i < 10; i++) {
            assertThat(status("/hot")).isEqualTo(301);
        }

        assertThat(t.clicks).hasSize(11);
    }

    @Test
    void aChangeThroughThisContainersApi_takesEffectAtOnce() {
        t.save("mine", "https://example.com/");
        assertThat(status("/mine")).isEqualTo(301);

        APIGatewayV2HTTPResponse patched = api.handleRequest(Events.request("PATCH", "/api/v1/links/mine")
                .header("content-type", "application/json").body("{\"disabled\":true}").build(), null);

        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        assertThat(status("/mine")).isEqualTo(410);
    }
}
