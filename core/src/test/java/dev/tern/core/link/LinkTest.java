package dev.tern.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LongUrl TARGET = LongUrl.parse("https://example.com/", UrlPolicy.defaults(Set.of()));
    private static final ShortCode CODE = new ShortCode("abc");

    @Test
    void newActive_isActive_withoutExpiryPolicyOrKey() {
        Link link = Link.newActive(CODE, TARGET, "Title", NOW, Creator.UNKNOWN);
        assertThat(link.status()).isEqualTo(LinkStatus.ACTIVE);
        assertThat(link.expiry()).isEmpty();
        assertThat(link.ownRedirectPolicy()).isEmpty();
        assertThat(link.createdWithIdempotencyKey()).isEmpty();
        assertThat(link.title()).isEqualTo("Title");
    }

    @Test
    void nullTitle_isEmpty() {
        assertThat(Link.newActive(CODE, TARGET, null, NOW, Creator.UNKNOWN).title()).isEmpty();
    }

    @Test
    void requiredFields_areRequired() {
        assertThatThrownBy(() -> Link.newActive(null, TARGET, "", NOW, Creator.UNKNOWN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Link.newActive(CODE, null, "", NOW, Creator.UNKNOWN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Link.newActive(CODE, TARGET, "", null, Creator.UNKNOWN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Link.newActive(CODE, TARGET, "", NOW, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isExpiredAt_fromTheExpiryInstantOn() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        Link link = Link.newActive(CODE, TARGET, "", NOW, Creator.UNKNOWN).withExpiry(expiry);
        assertThat(link.isExpiredAt(expiry.minusNanos(1))).isFalse();
        assertThat(link.isExpiredAt(expiry)).isTrue();
        assertThat(link.isExpiredAt(expiry.plusSeconds(1))).isTrue();
        assertThat(link.expiry()).contains(expiry);
        assertThat(Link.newActive(CODE, TARGET, "", NOW, Creator.UNKNOWN).isExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void withers_changeOneFieldAndKeepTheOthers() {
        RedirectPolicy policy = new RedirectPolicy(302, Duration.ZERO, true);
        Link link = Link.newActive(CODE, TARGET, "T", NOW, Creator.apiKey("k"))
                .withExpiry(NOW.plusSeconds(60))
                .withRedirectPolicy(policy)
                .withIdempotencyKey("key:k 1")
                .withStatus(LinkStatus.DISABLED)
                .withCode(new ShortCode("xyz"));
        assertThat(link).isEqualTo(new Link(new ShortCode("xyz"), TARGET, "T", NOW, Creator.apiKey("k"), LinkStatus.DISABLED,
                NOW.plusSeconds(60), policy, "key:k 1"));
        assertThat(link.ownRedirectPolicy()).contains(policy);
        assertThat(link.createdWithIdempotencyKey()).contains("key:k 1");
    }
}
