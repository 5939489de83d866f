package dev.tern.store;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.LinkRankingContract;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The click ranking on DynamoDB Local: a fresh clicks table for every test, since rankings are site-wide. */
class DynamoDbLinkRankingIT extends LinkRankingContract {
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
    protected ClickCounterStore emptyStore() {
        TableNames names = TableNames.withPrefix(ddb.tablePrefix() + "t" + TABLES.incrementAndGet() + "-");
        TableDefinition clicks = TernTables.definitions(names).get(1);
        client.createTable(TernTables.createRequest(clicks));
        return new DynamoDbClickCounterStore(client, clicks.name(), "test");
    }
}
