package dev.tern.infra;

import dev.tern.store.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.secretsmanager.ReplicaRegion;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The data, deployed once in the home region: every global table of {@code tern-store}'s definitions
 * (replicas in the other regions) and the deployment's two secrets (replicated to every region). Its
 * lifecycle is the data's: it changes rarely, and deleting it keeps every table and secret.
 */
public final class DataStack extends Stack {
    /** The replicated secret holding the first admin API key: JSON {@code {"keyId": …, "secret": …}}. */
    static final String ADMIN_KEY_ID = "ternAdminKey";

    private final Map<String, TableV2> tables = new LinkedHashMap<>();
    private final Secret adminKey;
    private final Secret siteSecret;

    DataStack(Construct scope, String id, StackProps props, InfraSettings settings) {
        super(scope, id, props);
        for (TableDefinition definition : Tables.definitions(settings)) {
            if (definition.replication() == TableDefinition.Replication.GLOBAL) {
                tables.put(definition.name(), Tables.create(this, idOf(definition), definition, settings));
            }
        }
        var replicas = settings.regions().stream()
                .filter(region -> !region.equals(settings.homeRegion()))
                .map(region -> ReplicaRegion.builder().region(region).build())
                .collect(Collectors.toList());
        // TERN_BOOTSTRAP_ADMIN_KEY is tern_<12 base62>_<43 base62>: a fixed id and a generated secret part.
        adminKey = Secret.Builder.create(this, "BootstrapAdminKey")
                .secretName(secretName(settings, "bootstrap-admin-key"))
                .description("Tern's first admin API key: tern_<keyId>_<secret> (TERN_BOOTSTRAP_ADMIN_KEY)")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"keyId\":\"" + ADMIN_KEY_ID + "\"}")
                        .generateStringKey("secret")
                        .passwordLength(43)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .replicaRegions(replicas)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // 64 characters of A-Z, a-z, 0-9 are valid base64 for 48 bytes: TERN_SECRET wants at least 32.
        siteSecret = Secret.Builder.create(this, "SiteSecret")
                .secretName(secretName(settings, "site-secret"))
                .description("Tern's TERN_SECRET: signs form tokens and keys the hashes of client addresses")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .replicaRegions(replicas)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.suppress(adminKey, "AwsSolutions-SMG4",
                "An API key cannot rotate by a Lambda rotation function: the new key must be registered with the"
                        + " running deployment first. docs/DEPLOYING.md gives the manual rotation.");
        Nag.suppress(siteSecret, "AwsSolutions-SMG4",
                "Rotating TERN_SECRET invalidates open forms only; docs/DEPLOYING.md gives the manual rotation,"
                        + " done with a deploy so that every region changes together.");
    }

    /** The construct id of a table: its setting, e.g. {@code LinksTable} for TERN_LINKS_TABLE. */
    static String idOf(TableDefinition definition) {
        StringBuilder id = new StringBuilder();
        for (String word : definition.setting().name().split("_")) {
            id.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return id.toString();
    }

    /** The name of one of the deployment's secrets, e.g. {@code tern-site-secret}. */
    static String secretName(InfraSettings settings, String what) {
        return settings.tablePrefix() + what;
    }

    /** The global tables by name. */
    public Map<String, TableV2> tables() {
        return Map.copyOf(tables);
    }

    /** The secret holding the first admin API key. */
    public Secret adminKey() {
        return adminKey;
    }

    /** The secret holding TERN_SECRET. */
    public Secret siteSecret() {
        return siteSecret;
    }
}
