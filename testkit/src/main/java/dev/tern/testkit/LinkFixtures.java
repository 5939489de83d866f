package dev.tern.testkit;

import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Links for tests, with defaults for everything not under test.
 *
 * <pre>{@code
 * Link link = LinkFixtures.link("promo").target("https://example.com").expiringAt(tomorrow).build();
 * }</pre>
 *
 * Defaults: target {@code https://example.com/<code>}, no title, created at {@link #CREATED_AT}
 * (nine fraction digits, so a store that loses precision is caught), creator
 * {@link #CREATOR}, active, no expiry, the deployment's redirect policy, no Idempotency-Key.
 */
public final class LinkFixtures {
    /** The default creation instant. */
    public static final Instant CREATED_AT = Instant.parse("2026-11-23T10:15:30.123456789Z");
    /** The default creator. */
    public static final Creator CREATOR = Creator.apiKey("test");
    /** How {@link Builder#target} parses: the default policy, with no own hosts. */
    public static final UrlPolicy URL_POLICY = UrlPolicy.defaults(Set.of());

    private LinkFixtures() {
    }

    /** A builder for a link with this code (which must be a valid short code). */
    public static Builder link(String code) {
        return new Builder(new ShortCode(code));
    }

    /** A builder for a link with this code. */
    public static Builder link(ShortCode code) {
        return new Builder(code);
    }

    /** A mutable builder; {@link #build()} may be called more than once. */
    public static final class Builder {
        private ShortCode code;
        private LongUrl target;
        private String title = "";
        private Instant createdAt = CREATED_AT;
        private Creator creator = CREATOR;
        private LinkStatus status = LinkStatus.ACTIVE;
        private Instant expiresAt;
        private RedirectPolicy redirectPolicy;
        private String idempotencyKey;

        private Builder(ShortCode code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        public Builder code(String newCode) {
            this.code = new ShortCode(newCode);
            return this;
        }

        /** The target as a creator would type it: parsed and normalised by {@link LongUrl#parse}. */
        public Builder target(String raw) {
            this.target = LongUrl.parse(raw, URL_POLICY);
            return this;
        }

        /** The target exactly as stored (as the migration may carry it over): {@link LongUrl#fromStored}. */
        public Builder storedTarget(String stored) {
            this.target = LongUrl.fromStored(stored);
            return this;
        }

        public Builder title(String newTitle) {
            this.title = newTitle;
            return this;
        }

        public Builder createdAt(Instant instant) {
            this.createdAt = instant;
            return this;
        }

        public Builder creator(Creator newCreator) {
            this.creator = newCreator;
            return this;
        }

        public Builder status(LinkStatus newStatus) {
            this.status = newStatus;
            return this;
        }

        public Builder expiringAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        public Builder redirect(RedirectPolicy policy) {
            this.redirectPolicy = policy;
            return this;
        }

        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public Link build() {
            LongUrl url = target != null ? target : LongUrl.parse("https://example.com/" + code.value(), URL_POLICY);
            return new Link(code, url, title, createdAt, creator, status, expiresAt, redirectPolicy, idempotencyKey);
        }
    }
}
