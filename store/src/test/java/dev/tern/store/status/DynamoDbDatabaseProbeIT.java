package dev.tern.store.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.Measurement;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.Region;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.store.TernTables;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.FaultInjector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The database probe against DynamoDB Local. Two "regions" share one server (so replication is
 * immediate); the second region's client can be made to fail with a {@link FaultInjector}.
 */
class DynamoDbDatabaseProbeIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();
    private static final Region EU = Region.of("eu-west-1");
    private static final Region US = Region.of("us-east-1");
    private static final FaultInjector usFaults = new FaultInjector();
    private static DynamoDbClient eu;
    private static DynamoDbClient us;
    private static String table;

    @BeforeAll
    static void tables() {
        TableNames names = TableNames.withPrefix(ddb.tablePrefix());
        StoreSettings settings = new StoreSettings(names, Optional.of(ddb.endpoint()), StoreSettings.LOCAL_REGION, Duration.ofSeconds(30));
        eu = DynamoDbClients.create(settings, List.of());
        us = DynamoDbClients.create(settings, List.of(usFaults));
        TernTables.createAll(eu, names);
        table = names.health();
    }

    @AfterAll
    static void close() {
        eu.close();
        us.close();
    }

    private DynamoDbDatabaseProbe probe() {
        return new DynamoDbDatabaseProbe(EU, Map.of(EU, eu, US, us), table, Duration.ofSeconds(2), Clock.systemUTC());
    }

    @Test
    void check_ofItsOwnRegion_writesReadsAndReportsTheOtherReplicasLag() {
        usFaults.clear();

        Measurement m = probe().check(EU);

        assertThat(m.outcome()).isEqualTo(Outcome.PASS);
        assertThat(m.detail()).startsWith("replicated to us-east-1 in ").endsWith(" ms");
    }

    @Test
    void check_ofAnotherRegion_writesAndReadsThroughItsReplica() {
        usFaults.clear();

        assertThat(probe().check(US).outcome()).isEqualTo(Outcome.PASS);
        assertThat(probe().check(US).outcome()).as("a second round replaces the first canary").isEqualTo(Outcome.PASS);
    }

    @Test
    void check_ofARegionWhoseDatabaseFails_isAFailureWithAReason_notAnException() {
        usFaults.clear();
        usFaults.failRandomly(1.0, 1, FaultInjector.ANY, FaultInjector.Mode.BEFORE_SEND, FaultInjector.Fault.THROTTLING);
        try {
            Measurement us = probe().check(US);
            Measurement own = probe().check(EU);

            assertThat(us.outcome()).isIn(Outcome.FAIL, Outcome.TIMEOUT);
            assertThat(us.detail()).isNotBlank();
            assertThat(own.outcome()).as("a replica that lags does not fail this region").isEqualTo(Outcome.PASS);
            assertThat(own.detail()).contains("us-east-1 not within 2000 ms");
        } finally {
            usFaults.clear();
        }
    }

    @Test
    void check_ofARegionWithoutClient_failsSayingSo() {
        assertThat(probe().check(Region.of("ap-southeast-2")).detail()).contains("no DynamoDB client");
    }
}
