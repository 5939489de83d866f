package dev.tern.infra;

import dev.tern.core.settings.Setting;
import dev.tern.store.TableDefinition;
import dev.tern.store.TableDefinition.KeyAttribute;
import dev.tern.store.TableNames;
import dev.tern.store.TernTables;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.MultiRegionConsistency;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.TableAttributesV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * Turns {@code tern-store}'s {@link TableDefinition}s into {@link TableV2}s, so that the tables the
 * code uses and the tables this app creates cannot disagree: keys, indexes, TTL and replication all
 * come from {@link TernTables#definitions}.
 */
final class Tables {
    private Tables() {
    }

    /** The deployment's table definitions. */
    static List<TableDefinition> definitions(InfraSettings settings) {
        return TernTables.definitions(TableNames.withPrefix(settings.tablePrefix()));
    }

    /** The deployment's definition of the table {@code setting} names. */
    static TableDefinition definition(InfraSettings settings, Setting setting) {
        return definitions(settings).stream().filter(definition -> definition.setting() == setting).findFirst()
                .orElseThrow(() -> new IllegalStateException("tern-store defines no table for " + setting));
    }

    /** The table names, as the functions read them from their environment. */
    static TableNames names(InfraSettings settings) {
        return TableNames.withPrefix(settings.tablePrefix());
    }

    /**
     * Whether {@code definition} is a multi-Region strongly consistent table in this deployment: every
     * global table whose store allows it (no transactions), when the deployment chose MRSC.
     */
    static boolean stronglyConsistent(TableDefinition definition, InfraSettings settings) {
        return settings.linksConsistency() == InfraSettings.LinksConsistency.MRSC
                && definition.allowsMultiRegionStrongConsistency()
                && !ALWAYS_EVENTUALLY_CONSISTENT.contains(definition.setting())
                && settings.regions().size() > 1;
    }

    /**
     * Global tables that stay MREC under MRSC although their store would allow it: the health table's
     * items are each written by one region (its probe rounds, its engine checkpoint), so no write
     * conflicts with another region's, and its rounds must expire after 90 days by TTL, which MRSC
     * tables do not have.
     */
    static final Set<Setting> ALWAYS_EVENTUALLY_CONSISTENT = Set.of(Setting.HEALTH_TABLE);

    /**
     * A table from its definition: on-demand, point-in-time recovery, deletion protection, kept when
     * the stack is deleted; for a {@link TableDefinition.Replication#GLOBAL} table a replica in every
     * region but {@code settings.homeRegion()}, where the stack deploying it lives.
     */
    static TableV2 create(Construct scope, String id, TableDefinition definition, InfraSettings settings) {
        boolean strong = stronglyConsistent(definition, settings);
        TableV2.Builder table = TableV2.Builder.create(scope, id)
                .tableName(definition.name())
                .partitionKey(attribute(definition.partitionKey()))
                .billing(Billing.onDemand())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN);
        definition.sortKey().ifPresent(sort -> table.sortKey(attribute(sort)));
        // MRSC tables have no TTL: the stores treat expired items as absent, a sweeper deletes them.
        if (!strong) {
            definition.timeToLiveAttribute().ifPresent(table::timeToLiveAttribute);
        }
        if (!definition.indexes().isEmpty()) {
            table.globalSecondaryIndexes(definition.indexes().stream()
                    .map(index -> {
                        GlobalSecondaryIndexPropsV2.Builder props = GlobalSecondaryIndexPropsV2.builder()
                                .indexName(index.name())
                                .partitionKey(attribute(index.partitionKey()))
                                .projectionType(ProjectionType.ALL);
                        index.sortKey().ifPresent(sort -> props.sortKey(attribute(sort)));
                        return props.build();
                    })
                    .toList());
        }
        if (definition.replication() == TableDefinition.Replication.GLOBAL) {
            table.replicas(settings.regions().stream()
                    .filter(region -> !region.equals(settings.homeRegion()))
                    .map(region -> ReplicaTableProps.builder().region(region).build())
                    .toList());
            if (strong) {
                table.multiRegionConsistency(MultiRegionConsistency.STRONG);
            }
        }
        return table.build();
    }

    /**
     * A reference to the table named by {@code definition} in the scope's own region (a global
     * table's replica, or a regional table made elsewhere), with its indexes, for grants.
     */
    static ITableV2 reference(Construct scope, String id, TableDefinition definition) {
        return TableV2.fromTableAttributes(scope, id, TableAttributesV2.builder()
                .tableName(definition.name())
                .globalIndexes(definition.indexes().stream().map(TableDefinition.SecondaryIndex::name).toList())
                .build());
    }

    private static Attribute attribute(KeyAttribute key) {
        AttributeType type = switch (key.type()) {
            case STRING -> AttributeType.STRING;
            case NUMBER -> AttributeType.NUMBER;
            case BINARY -> AttributeType.BINARY;
        };
        return Attribute.builder().name(key.name()).type(type).build();
    }
}
