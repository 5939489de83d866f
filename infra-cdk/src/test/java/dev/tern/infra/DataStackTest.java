package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {
    private static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";

    @SuppressWarnings("unchecked")
    static Map<String, Object> table(Template template, String name) {
        return template.findResources(GLOBAL_TABLE).values().stream()
                .filter(resource -> name.equals(((Map<String, Object>) resource.get("Properties")).get("TableName")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    static List<String> replicaRegions(Map<String, Object> table) {
        return ((List<Map<String, Object>>) properties(table).get("Replicas")).stream()
                .map(replica -> (String) replica.get("Region"))
                .toList();
    }

    @Test
    void mrsc_linksAndIdempotency_areStronglyConsistentInThreeRegions() {
        Template template = TestApps.template(TestApps.strong().data());

        for (String name : List.of("tern-links", "tern-idempotency", "tern-api-keys", "tern-yourls")) {
            Map<String, Object> table = table(template, name);
            assertThat(properties(table)).as(name).containsEntry("MultiRegionConsistency", "STRONG");
            assertThat(replicaRegions(table)).as(name).containsExactlyInAnyOrderElementsOf(TestApps.MRSC_REGIONS);
        }
    }

    @Test
    void mrsc_idempotencyTable_hasNoTimeToLive() {
        Map<String, Object> table = table(TestApps.template(TestApps.strong().data()), "tern-idempotency");

        assertThat(properties(table)).doesNotContainKey("TimeToLiveSpecification");
    }

    @Test
    void mrsc_clicksTable_staysEventuallyConsistentWithTimeToLive() {
        Map<String, Object> clicks = table(TestApps.template(TestApps.strong().data()), "tern-clicks");

        assertThat(properties(clicks)).doesNotContainKey("MultiRegionConsistency");
        assertThat(properties(clicks).get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
        assertThat(replicaRegions(clicks)).containsExactlyInAnyOrderElementsOf(TestApps.MRSC_REGIONS);
    }

    @Test
    void mrec_links_haveReplicasInEveryRegionWithoutStrongConsistency() {
        Template template = TestApps.template(TestApps.eventual().data());
        Map<String, Object> links = table(template, "tern-links");

        assertThat(properties(links)).doesNotContainKey("MultiRegionConsistency");
        assertThat(replicaRegions(links)).containsExactlyInAnyOrderElementsOf(TestApps.MREC_REGIONS);
        assertThat(properties(table(template, "tern-idempotency")).get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
        assertThat(TestApps.eventual().data().getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void everyGlobalTable_isOnDemandRetainedProtectedAndRecoverableInEveryReplica() {
        for (TernApp app : List.of(TestApps.strong(), TestApps.eventual())) {
            Template template = TestApps.template(app.data());
            Map<String, Map<String, Object>> tables = template.findResources(GLOBAL_TABLE);

            assertThat(tables).hasSize(6);
            template.allResources(GLOBAL_TABLE, Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
            template.allResourcesProperties(GLOBAL_TABLE, Map.of(
                    "BillingMode", "PAY_PER_REQUEST",
                    "Replicas", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "DeletionProtectionEnabled", true,
                            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)))))));
            for (Map<String, Object> table : tables.values()) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> replicas = (List<Map<String, Object>>) properties(table).get("Replicas");
                assertThat(replicas).allSatisfy(replica -> {
                    assertThat(replica).containsEntry("DeletionProtectionEnabled", true);
                    assertThat(replica).containsEntry("PointInTimeRecoverySpecification",
                            Map.of("PointInTimeRecoveryEnabled", true));
                });
            }
        }
    }

    @Test
    void healthTable_isEventuallyConsistentWithTimeToLiveInEveryRegion_evenUnderMrsc() {
        for (TernApp app : List.of(TestApps.strong(), TestApps.eventual())) {
            Map<String, Object> health = table(TestApps.template(app.data()), "tern-health");

            assertThat(properties(health)).doesNotContainKey("MultiRegionConsistency");
            assertThat(properties(health).get("TimeToLiveSpecification"))
                    .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
            assertThat(properties(health).get("KeySchema")).isEqualTo(List.of(
                    Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")));
            assertThat(replicaRegions(health)).containsExactlyInAnyOrderElementsOf(app.regions().stream()
                    .map(RegionStack::regionName).toList());
        }
    }

    @Test
    void secrets_areReplicatedToEveryOtherRegionAndKept() {
        Template template = TestApps.template(TestApps.strong().data());

        template.resourceCountIs("AWS::SecretsManager::Secret", 2);
        template.allResources("AWS::SecretsManager::Secret", Map.of("DeletionPolicy", "Retain"));
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "tern-bootstrap-admin-key",
                "GenerateSecretString", Map.of("SecretStringTemplate", "{\"keyId\":\"ternAdminKey\"}",
                        "GenerateStringKey", "secret", "PasswordLength", 43, "ExcludePunctuation", true,
                        "IncludeSpace", false),
                "ReplicaRegions", List.of(Map.of("Region", "us-east-2"), Map.of("Region", "us-west-2"))));
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "tern-site-secret",
                "GenerateSecretString", Map.of("PasswordLength", 64, "ExcludePunctuation", true, "IncludeSpace", false)));
    }
}
