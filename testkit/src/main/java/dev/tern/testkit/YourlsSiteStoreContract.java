package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.yourls.YourlsSite;
import dev.tern.core.yourls.YourlsSiteStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link YourlsSiteStore} does. Each test gets a fresh, empty store. */
public abstract class YourlsSiteStoreContract {

    /** A store holding nothing. */
    protected abstract YourlsSiteStore emptyStore();

    private YourlsSiteStore store;

    @BeforeEach
    void freshStore() {
        store = emptyStore();
    }

    private static YourlsSite migrated() {
        return new YourlsSite(Map.of("admin", "phpass:!2y!10!Omu8Wcw2XI3FFumoRLViWu19CRThsoseu5Sk2mai56ZNUbcfxoMxm", "ed", "plain"),
                "fdwOcmP6WNlPsUAosP7UVeacENgg3ddOf0lc3WXbtGcsGxcM", false, 62, true, Set.of("porn", "Sex", "ünï"), false);
    }

    @Test
    void load_nothingSaved_isTheDefaults() {
        assertThat(store.load()).isEqualTo(YourlsSite.defaults());
    }

    @Test
    void save_thenLoad_returnsEverySetting() {
        store.save(migrated());

        assertThat(store.load()).isEqualTo(migrated());
    }

    @Test
    void save_again_replacesTheSettings() {
        store.save(migrated());
        YourlsSite changed = new YourlsSite(Map.of(), "", true, 36, false, Set.of(), true);

        store.save(changed);

        assertThat(store.load()).isEqualTo(changed);
    }

    @Test
    void claimNextId_startsAtOneAndCountsUp() {
        assertThat(List.of(store.claimNextId(), store.claimNextId(), store.claimNextId())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void raiseNextIdTo_makesTheNextClaimAtLeastThat() {
        store.claimNextId();

        store.raiseNextIdTo(4256);

        assertThat(store.claimNextId()).isEqualTo(4256);
        assertThat(store.claimNextId()).isEqualTo(4257);
    }

    @Test
    void raiseNextIdTo_lowerValue_neverLowersTheCounter() {
        store.raiseNextIdTo(100);
        store.claimNextId();

        store.raiseNextIdTo(5);

        assertThat(store.claimNextId()).isEqualTo(101);
    }

    @Test
    void claimNextId_concurrentCallers_neverGetTheSameId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> claims = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                claims.add(pool.submit(store::claimNextId));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> claim : claims) {
                ids.add(claim.get());
            }
            assertThat(ids).hasSize(64);
        } finally {
            pool.shutdownNow();
        }
    }
}
