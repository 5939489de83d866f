package dev.tern.store;

import dev.tern.core.apikey.ApiKeyStore;
import dev.tern.testkit.ApiKeyStoreContract;
import dev.tern.testkit.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbApiKeyStoreIT extends ApiKeyStoreContract {
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
    protected ApiKeyStore store() {
        return stores.apiKeys();
    }
}
