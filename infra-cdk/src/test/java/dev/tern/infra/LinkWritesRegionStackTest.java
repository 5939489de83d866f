package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * MREC's home write region: outside the home region, the functions that write links send those writes
 * (and idempotency claims) to the home region's replica, and may; under MRSC and in the home region
 * nothing changes.
 */
class LinkWritesRegionStackTest {
    private static final String HOME = "eu-west-1";

    private static RegionStack mrecRegion(String region) {
        return TestApps.eventual().regions().stream().filter(stack -> stack.regionName().equals(region)).findFirst()
                .orElseThrow();
    }

    @Test
    void mrec_otherRegion_writersCarryTheHomeRegionAndMayWriteItsReplicas() throws Exception {
        RegionStack stack = mrecRegion("us-east-1");
        Template template = TestApps.template(stack);

        for (TernFunction writer : List.of(stack.siteCreate(), stack.api(), stack.yourls(), stack.statusProbe())) {
            assertThat(variables(template, stack, writer)).as(writer.getNode().getId())
                    .containsEntry("TERN_LINKS_WRITE_REGION", HOME);
            String policy = RegionStackTest.policyJson(template, stack, writer);
            assertThat(policy).as(writer.getNode().getId())
                    .contains(":dynamodb:" + HOME + ":123456789012:table/tern-links\"")
                    .contains(":dynamodb:" + HOME + ":123456789012:table/tern-idempotency\"");
        }
        // four writers carry the setting; the redirect and the click aggregation do not
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Environment",
                Map.of("Variables", Match.objectLike(Map.of("TERN_LINKS_WRITE_REGION", HOME))))))).hasSize(4);
        assertThat(variables(template, stack, stack.site())).doesNotContainKey("TERN_LINKS_WRITE_REGION");
        assertThat(RegionStackTest.policyJson(template, stack, stack.site())).doesNotContain(":dynamodb:" + HOME + ":");
        assertThat(RegionStackTest.policyJson(template, stack, stack.aggregation())).doesNotContain(":dynamodb:" + HOME + ":");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Template template, RegionStack stack, TernFunction function) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Map<String, Object> resource = (Map<String, Object>) resources.get(RegionStackTest.logicalId(stack, function.function()));
        Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }

    @Test
    void mrec_homeRegion_writesLocally() {
        Template template = TestApps.template(mrecRegion(HOME));

        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Environment",
                Map.of("Variables", Match.objectLike(Map.of("TERN_LINKS_WRITE_REGION", Match.anyValue()))))))).isEmpty();
    }

    @Test
    void mrsc_everyRegion_writesLocally() throws Exception {
        for (RegionStack stack : TestApps.strong().regions()) {
            Template template = TestApps.template(stack);

            assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Environment",
                    Map.of("Variables", Match.objectLike(Map.of("TERN_LINKS_WRITE_REGION", Match.anyValue()))))))).isEmpty();
            String policy = RegionStackTest.policyJson(template, stack, stack.api());
            for (String other : TestApps.MRSC_REGIONS) {
                if (!other.equals(stack.regionName())) {
                    assertThat(policy).doesNotContain(":dynamodb:" + other + ":");
                }
            }
        }
    }

    @Test
    void mrec_writeRegionMovedAwayFromTheHome_everyOtherRegionWritesThere() {
        java.util.Map<String, Object> context = TestApps.context();
        context.put("tern:regions", "eu-west-1,us-east-1,ap-southeast-2");
        context.put("tern:linksConsistency", "mrec");
        context.put("tern:homeRegion", "eu-west-1");
        context.put("tern:linksWriteRegion", "us-east-1");
        InfraSettings settings = InfraSettings.fromContext(context::get);
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(software.amazon.awscdk.AppProps.builder()
                .context(context).build());

        RegionStack formerHome = new RegionStack(app, "Former", software.amazon.awscdk.StackProps.builder()
                .env(software.amazon.awscdk.Environment.builder().region("eu-west-1").account("123456789012").build())
                .build(), settings, "eu-west-1");
        RegionStack writer = new RegionStack(app, "Writer", software.amazon.awscdk.StackProps.builder()
                .env(software.amazon.awscdk.Environment.builder().region("us-east-1").account("123456789012").build())
                .build(), settings, "us-east-1");

        assertThat(variables(Template.fromStack(formerHome), formerHome, formerHome.api()))
                .containsEntry("TERN_LINKS_WRITE_REGION", "us-east-1");
        assertThat(variables(Template.fromStack(writer), writer, writer.api())).doesNotContainKey("TERN_LINKS_WRITE_REGION");
    }
}
