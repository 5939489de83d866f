package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.store.TableDefinition;
import dev.tern.store.TableDefinition.KeyAttribute;
import dev.tern.store.TableNames;
import dev.tern.store.TernTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The tables in the templates have exactly the keys and indexes of {@code tern-store}'s definitions. */
class TableSchemaTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyTableInTheTemplates_hasTheKeysAndIndexesOfItsStoreDefinition() {
        TernApp app = TestApps.strong();
        Template data = TestApps.template(app.data());
        Template region = TestApps.template(app.regions().get(0));
        List<TableDefinition> definitions = TernTables.definitions(TableNames.withPrefix("tern-"));

        assertThat(definitions).extracting(TableDefinition::name).contains("tern-links", "tern-clicks",
                "tern-idempotency", "tern-rate-limits", "tern-api-keys", "tern-yourls");
        for (TableDefinition definition : definitions) {
            Template template = definition.replication() == TableDefinition.Replication.GLOBAL ? data : region;
            Map<String, Object> table = DataStackTest.properties(DataStackTest.table(template, definition.name()));

            assertThat(table.get("KeySchema")).as(definition.name()).isEqualTo(keySchema(definition.partitionKey(),
                    definition.sortKey().orElse(null)));
            assertThat((List<Object>) table.get("AttributeDefinitions")).as(definition.name())
                    .containsExactlyInAnyOrderElementsOf(attributes(definition));
            assertThat(table.get("GlobalSecondaryIndexes")).as(definition.name()).isEqualTo(indexes(definition));
            assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        }
    }

    @Test
    void regionalTables_areCreatedInEveryRegionWithoutReplicas() {
        for (RegionStack stack : TestApps.strong().regions()) {
            Map<String, Object> rateLimits = DataStackTest.properties(
                    DataStackTest.table(TestApps.template(stack), "tern-rate-limits"));

            assertThat(DataStackTest.replicaRegions(Map.of("Properties", rateLimits))).containsExactly(stack.getRegion());
            assertThat(rateLimits.get("TimeToLiveSpecification")).isEqualTo(Map.of("AttributeName", "expiresAt",
                    "Enabled", true));
        }
    }

    private static List<Map<String, Object>> keySchema(KeyAttribute partition, KeyAttribute sort) {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(Map.of("AttributeName", partition.name(), "KeyType", "HASH"));
        if (sort != null) {
            keys.add(Map.of("AttributeName", sort.name(), "KeyType", "RANGE"));
        }
        return keys;
    }

    private static List<Map<String, Object>> attributes(TableDefinition definition) {
        Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(definition.partitionKey());
        definition.sortKey().ifPresent(keys::add);
        for (TableDefinition.SecondaryIndex index : definition.indexes()) {
            keys.add(index.partitionKey());
            index.sortKey().ifPresent(keys::add);
        }
        for (KeyAttribute key : keys) {
            attributes.putIfAbsent(key.name(), Map.of("AttributeName", key.name(), "AttributeType", switch (key.type()) {
                case STRING -> "S";
                case NUMBER -> "N";
                case BINARY -> "B";
            }));
        }
        return new ArrayList<>(attributes.values());
    }

    private static List<Map<String, Object>> indexes(TableDefinition definition) {
        if (definition.indexes().isEmpty()) {
            return null;
        }
        return definition.indexes().stream()
                .map(index -> Map.<String, Object>of("IndexName", index.name(),
                        "KeySchema", keySchema(index.partitionKey(), index.sortKey().orElse(null)),
                        "Projection", Map.of("ProjectionType", "ALL")))
                .toList();
    }
}
