package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.apikey.ApiKey;
import dev.tern.core.apikey.ApiKeyStore;
import dev.tern.core.apikey.ApiKeyValue;
import dev.tern.core.apikey.Scope;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyStore} does. Each test makes keys with fresh random ids. */
public abstract class ApiKeyStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store under test (may be shared by the tests of a class). */
    protected abstract ApiKeyStore store();

    private static ApiKey key(Set<Scope> scopes, Instant createdAt, Optional<Instant> expiresAt) {
        ApiKeyValue value = ApiKeyValue.generate(RANDOM);
        return new ApiKey(value.id(), value.hash(), "ci", scopes, createdAt, expiresAt, Optional.empty(), "bootstrap");
    }

    @Test
    void insertIfAbsent_newKey_isStoredAsGiven() {
        ApiKey key = key(EnumSet.of(Scope.LINKS_READ, Scope.STATS_READ), Instant.parse("2026-11-23T10:00:00.123Z"),
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(store().insertIfAbsent(key)).isTrue();

        assertThat(store().find(key.id())).contains(key);
    }

    @Test
    void insertIfAbsent_takenId_isRefusedAndKeepsTheFirst() {
        ApiKey first = key(Set.of(Scope.ADMIN), Instant.now().truncatedTo(ChronoUnit.MILLIS), Optional.empty());
        ApiKey second = new ApiKey(first.id(), "0".repeat(64), "other", Set.of(Scope.LINKS_READ), first.createdAt(),
                Optional.empty(), Optional.empty(), "someone");
        store().insertIfAbsent(first);

        assertThat(store().insertIfAbsent(second)).isFalse();

        assertThat(store().find(first.id())).contains(first);
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(store().find(ApiKeyValue.generate(RANDOM).id())).isEmpty();
    }

    @Test
    void list_showsEveryKeyNewestFirst() {
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        ApiKey older = key(Set.of(Scope.LINKS_READ), base, Optional.empty());
        ApiKey newer = key(Set.of(Scope.LINKS_WRITE), base.plusSeconds(60), Optional.empty());
        store().insertIfAbsent(older);
        store().insertIfAbsent(newer);

        assertThat(store().list()).containsSubsequence(newer, older);
    }

    @Test
    void revoke_marksTheKeyAndKeepsTheFirstTime() {
        ApiKey key = key(Set.of(Scope.LINKS_READ), Instant.parse("2026-11-23T10:00:00Z"), Optional.empty());
        store().insertIfAbsent(key);
        Instant first = Instant.parse("2026-11-24T10:00:00Z");

        assertThat(store().revoke(key.id(), first)).contains(key.revokedAt(first));
        assertThat(store().revoke(key.id(), first.plusSeconds(5))).contains(key.revokedAt(first));
        assertThat(store().find(key.id()).orElseThrow().revokedAt()).contains(first);
    }

    @Test
    void revoke_unknownId_isEmpty() {
        assertThat(store().revoke(ApiKeyValue.generate(RANDOM).id(), Instant.now())).isEmpty();
    }
}
