package dev.tern.store;

import dev.tern.core.abuse.AbuseReportStore;
import dev.tern.core.abuse.BlockedHostStore;
import dev.tern.testkit.AbuseControlContract;
import dev.tern.testkit.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbAbuseControlIT extends AbuseControlContract {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static DynamoDbStores stores;

    @BeforeAll
    static void createTables() {
        stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix())), "test");
        stores.createTablesIfMissing();
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Override
    protected BlockedHostStore blockedHosts() {
        return stores.blockedHosts();
    }

    @Override
    protected AbuseReportStore abuseReports() {
        return stores.abuseReports();
    }
}
