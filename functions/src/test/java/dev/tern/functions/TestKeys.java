package dev.tern.functions;

/** API key values of the tests. */
final class TestKeys {
    /** The bootstrap admin key of {@link TestWiring} and {@link LocalDynamoDb} (also in the JSON event fixtures). */
    static final String ADMIN = "tern_testadmin001_0123456789abcdefghijABCDEFGHIJ0123456789abc";
    /** Its id. */
    static final String ADMIN_ID = "testadmin001";

    private TestKeys() {
    }
}
