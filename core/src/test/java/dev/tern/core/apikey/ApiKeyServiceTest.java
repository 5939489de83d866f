package dev.tern.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String BOOTSTRAP = "tern_bootstrap001_0123456789abcdefghijABCDEFGHIJ0123456789abc";

    /** A map store (the testkit's fake lives in a module that depends on core). */
    private static final class MapStore implements ApiKeyStore {
        final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

        @Override
        public boolean insertIfAbsent(ApiKey key) {
            return keys.putIfAbsent(key.id(), key) == null;
        }

        @Override
        public Optional<ApiKey> find(String id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<ApiKey> list() {
            return List.copyOf(keys.values());
        }

        @Override
        public Optional<ApiKey> revoke(String id, Instant at) {
            return Optional.ofNullable(keys.computeIfPresent(id, (k, v) -> v.revokedAt(at)));
        }
    }

    private final MapStore store = new MapStore();
    private final ApiKeyService service = new ApiKeyService(store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void issue_withIdempotencyKey_issuesOnce_andARetryNamesTheKeyWithoutItsValue() {
        IssuedApiKey first = service.issue("ci", Set.of(Scope.LINKS_WRITE), Optional.empty(), "admin0000001", Optional.of("req-42"));

        assertThatThrownBy(() -> service.issue("ci", Set.of(Scope.LINKS_WRITE), Optional.empty(), "admin0000001", Optional.of("req-42")))
                .isInstanceOfSatisfying(TernException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.API_KEY_ALREADY_ISSUED);
                    assertThat(e.getMessage()).contains(first.key().id()).contains("revoke").doesNotContain(first.value().value());
                });
        assertThat(store.keys).hasSize(1);
        assertThat(service.authenticate(Optional.of(first.value().value()), Scope.LINKS_WRITE)).isEqualTo(first.key());
    }

    @Test
    void issue_sameIdempotencyKey_otherRequest_isReused_otherCreator_orOtherKey_issuesAnother() {
        IssuedApiKey first = service.issue("ci", Set.of(Scope.LINKS_WRITE), Optional.empty(), "admin0000001", Optional.of("req-7"));

        assertThatThrownBy(() -> service.issue("ci", Set.of(Scope.ADMIN), Optional.empty(), "admin0000001", Optional.of("req-7")))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        IssuedApiKey otherCreator = service.issue("ci", Set.of(Scope.LINKS_WRITE), Optional.empty(), "admin0000002", Optional.of("req-7"));
        IssuedApiKey otherKey = service.issue("ci", Set.of(Scope.LINKS_WRITE), Optional.empty(), "admin0000001", Optional.of("req-8"));

        assertThat(List.of(first.key().id(), otherCreator.key().id(), otherKey.key().id())).doesNotHaveDuplicates();
        assertThat(store.keys).hasSize(3);
    }

    @Test
    void issue_malformedIdempotencyKey_isRefused() {
        assertThatThrownBy(() -> service.issue("ci", Set.of(Scope.LINKS_WRITE), Optional.empty(), "admin0000001", Optional.of("has space")))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IDEMPOTENCY_KEY));
        assertThat(store.keys).isEmpty();
    }

    @Test
    void issue_storesOnlyTheHashAndAuthenticatesTheValue() {
        IssuedApiKey issued = service.issue(" ci ", Set.of(Scope.LINKS_READ), Optional.empty(), "admin0000001");

        assertThat(issued.value().value()).matches("tern_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
        assertThat(issued.key().name()).isEqualTo("ci");
        assertThat(issued.key().hash()).isEqualTo(issued.value().hash()).doesNotContain(issued.value().value());
        assertThat(issued.value().toString()).doesNotContain(issued.value().value().substring(18));
        assertThat(service.authenticate(Optional.of(issued.value().value()), Scope.LINKS_READ)).isEqualTo(issued.key());
    }

    @Test
    void issue_twice_givesDifferentKeys() {
        IssuedApiKey a = service.issue("a", Set.of(Scope.ADMIN), Optional.empty(), "x");
        IssuedApiKey b = service.issue("b", Set.of(Scope.ADMIN), Optional.empty(), "x");

        assertThat(a.key().id()).isNotEqualTo(b.key().id());
        assertThat(a.value().value()).isNotEqualTo(b.value().value());
    }

    @Test
    void authenticate_wrongScope_isForbidden_adminImpliesAll() {
        IssuedApiKey reader = service.issue("r", Set.of(Scope.LINKS_READ), Optional.empty(), "x");
        IssuedApiKey admin = service.issue("a", Set.of(Scope.ADMIN), Optional.empty(), "x");

        assertThatThrownBy(() -> service.authenticate(Optional.of(reader.value().value()), Scope.LINKS_WRITE))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        for (Scope scope : Scope.values()) {
            assertThat(service.authenticate(Optional.of(admin.value().value()), scope)).isEqualTo(admin.key());
        }
    }

    @Test
    void authenticate_sameIdOtherSecret_isUnauthorized() {
        IssuedApiKey issued = service.issue("r", Set.of(Scope.LINKS_READ), Optional.empty(), "x");
        String forged = "tern_" + issued.key().id() + "_" + "A".repeat(43);

        assertThatThrownBy(() -> service.authenticate(Optional.of(forged), Scope.LINKS_READ))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    @Test
    void authenticate_expiredOrRevoked_isUnauthorized() {
        ApiKeyService later = new ApiKeyService(store, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        IssuedApiKey expiring = service.issue("e", Set.of(Scope.LINKS_READ), Optional.of(NOW.plusSeconds(3600)), "x");
        IssuedApiKey revoked = service.issue("r", Set.of(Scope.LINKS_READ), Optional.empty(), "x");
        service.revoke(revoked.key().id());

        for (IssuedApiKey key : List.of(expiring, revoked)) {
            assertThatThrownBy(() -> later.authenticate(Optional.of(key.value().value()), Scope.LINKS_READ))
                    .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }
    }

    @Test
    void ensureBootstrapKey_isIdempotentAndNeverRevivesARevokedKey() {
        ApiKey first = service.ensureBootstrapKey(BOOTSTRAP);
        assertThat(service.ensureBootstrapKey(BOOTSTRAP)).isEqualTo(first);
        assertThat(first.scopes()).containsExactly(Scope.ADMIN);
        assertThat(first.createdBy()).isEqualTo(ApiKeyService.BOOTSTRAP);

        service.revoke(first.id());
        service.ensureBootstrapKey(BOOTSTRAP);

        assertThat(store.find(first.id()).orElseThrow().revokedAt()).contains(NOW);
        assertThatThrownBy(() -> service.ensureBootstrapKey("not-a-key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not-a-key");
    }

    @Test
    void issue_badInput_isRefused() {
        assertThatThrownBy(() -> service.issue(" ", Set.of(Scope.ADMIN), Optional.empty(), "x")).isInstanceOf(TernException.class);
        assertThatThrownBy(() -> service.issue("x".repeat(101), Set.of(Scope.ADMIN), Optional.empty(), "x"))
                .isInstanceOf(TernException.class);
        assertThatThrownBy(() -> service.issue("x", Set.of(), Optional.empty(), "x")).isInstanceOf(TernException.class);
        assertThatThrownBy(() -> service.issue("x", Set.of(Scope.ADMIN), Optional.of(NOW), "x"))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EXPIRY));
    }

    @Test
    void revoke_unknownOrMalformedId_isNotFound() {
        assertThatThrownBy(() -> service.revoke("nosuchkey000"))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.API_KEY_NOT_FOUND));
        assertThatThrownBy(() -> service.revoke("../x"))
                .isInstanceOfSatisfying(TernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.API_KEY_NOT_FOUND));
    }
}
