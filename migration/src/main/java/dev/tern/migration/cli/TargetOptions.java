package dev.tern.migration.cli;

import dev.tern.core.settings.TernSettings;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which Tern is written or read: the same {@code TERN_*} settings the deployment uses (table names,
 * region, URL policy, reserved codes, redirect defaults; see {@code docs/CONFIGURATION.md}), with
 * the DynamoDB endpoint and region also settable here.
 */
final class TargetOptions {

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "A DynamoDB endpoint other than the region's, e.g. the one `./tern run` prints (TERN_DYNAMODB_ENDPOINT).")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The AWS region of Tern's tables (else AWS_REGION / TERN_REGION).")
    String region;

    /** The environment with this command's overrides applied. */
    Map<String, String> environment(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        if (endpoint != null) {
            merged.put("TERN_DYNAMODB_ENDPOINT", endpoint.toString());
        }
        if (region != null) {
            merged.put("AWS_REGION", region);
            merged.put("TERN_REGION", region);
        }
        return merged;
    }

    TernSettings settings(Map<String, String> env) {
        return TernSettings.fromEnv(environment(env));
    }

    /**
     * Opens Tern's stores; the name clicks are counted under is {@code migration}. A call may take
     * 30 s (a transaction of 100 links on a busy table), not the 2 s a visitor's request gets.
     */
    DynamoDbStores open(Map<String, String> env) {
        return DynamoDbStores.open(StoreSettings.fromEnv(environment(env)).withCallTimeout(Duration.ofSeconds(30)), "migration");
    }
}
