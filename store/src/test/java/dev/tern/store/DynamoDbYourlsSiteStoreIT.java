package dev.tern.store;

import dev.tern.core.yourls.YourlsSiteStore;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.YourlsSiteStoreContract;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The YOURLS site store on DynamoDB Local: a fresh table for every test. */
class DynamoDbYourlsSiteStoreIT extends YourlsSiteStoreContract {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbClients.create(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix())), List.of());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Override
    protected YourlsSiteStore emptyStore() {
        TableNames names = TableNames.withPrefix(ddb.tablePrefix() + "t" + TABLES.incrementAndGet() + "-");
        TableDefinition yourls = TernTables.definitions(names).get(5);
        client.createTable(TernTables.createRequest(yourls));
        return new DynamoDbYourlsSiteStore(client, yourls.name());
    }
}
