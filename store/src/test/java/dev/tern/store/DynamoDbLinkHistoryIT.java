package dev.tern.store;

import dev.tern.core.link.LinkStore;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.LinkHistoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbLinkHistoryIT extends LinkHistoryContract {
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
    protected LinkStore store() {
        return stores.stores().links();
    }
}
