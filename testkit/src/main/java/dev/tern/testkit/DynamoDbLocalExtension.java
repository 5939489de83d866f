package dev.tern.testkit;

import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real DynamoDB (DynamoDB Local, in-process) for a test class, with tables of its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();
 *
 * @BeforeAll
 * static void tables() {
 *     stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix())), "test");
 *     stores.createTablesIfMissing();
 * }
 * }</pre>
 *
 * <p>One in-memory server serves the whole JVM (a test run): it starts when the first test class
 * that uses it starts (or on the first {@link #endpoint()}) and stops when the JVM exits. Test
 * classes do not see each other's data because each extension instance has its own
 * {@link #tablePrefix()}: the test class's simple name plus a random suffix.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback {
    private static final Object LOCK = new Object();
    private static EmbeddedDynamoDb server;
    private static RuntimeException startFailure;

    private final String tablePrefix;

    private DynamoDbLocalExtension(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** An extension whose tables are named after the class that calls this (normally the test class). */
    public static DynamoDbLocalExtension inMemory() {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        return new DynamoDbLocalExtension(prefixFor(caller.getSimpleName()));
    }

    /** Starts the shared server now, so that a failure to start fails the class up front. */
    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    /** The shared server's endpoint, {@code http://127.0.0.1:PORT}; starts it if needed. */
    public URI endpoint() {
        return server().endpoint();
    }

    /**
     * A table-name prefix unique to this extension instance (this test class), such as
     * {@code tDynamoDbLinkStoreIT-k3x9q1-}: only characters DynamoDB allows in table names.
     */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** The shared server; starts it if needed. */
    public static EmbeddedDynamoDb server() {
        synchronized (LOCK) {
            if (server != null) {
                return server;
            }
            if (startFailure != null) {
                throw new IllegalStateException("DynamoDB Local failed to start earlier in this JVM", startFailure);
            }
            try {
                EmbeddedDynamoDb started = EmbeddedDynamoDb.startInMemory();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dynamodb-local-stop"));
                server = started;
                return started;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    static String prefixFor(String className) {
        String cleaned = className.replaceAll("[^A-Za-z0-9_.-]", "");
        if (cleaned.length() > 100) {
            cleaned = cleaned.substring(0, 100);
        }
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        return "t" + cleaned + "-" + suffix.toLowerCase(Locale.ROOT) + "-";
    }
}
