package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The idempotency sweep: hourly, in the home region of an MRSC deployment (no TTL there), nowhere else. */
class IdempotencySweepStackTest {
    @Test
    void mrsc_homeRegion_sweepsHourly() throws Exception {
        RegionStack home = TestApps.strong().regions().get(0);
        assertThat(home.regionName()).isEqualTo("us-east-1");
        Template template = TestApps.template(home);
        TernFunction sweep = home.idempotencySweep().orElseThrow();

        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", RegionStack.SWEEP_HANDLER,
                "Timeout", 300, "Environment", Map.of("Variables",
                        software.amazon.awscdk.assertions.Match.objectLike(Map.of("TERN_IDEMPOTENCY_TABLE", "tern-idempotency")))));
        template.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 hour)",
                "Targets", List.of(software.amazon.awscdk.assertions.Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", RegionStackTest.logicalId(home, sweep.alias())))))));
        assertThat(RegionStackTest.actions(template, home, sweep)).contains("dynamodb:Scan", "dynamodb:DeleteItem");
        assertThat(RegionStackTest.policyJson(template, home, sweep)).contains("table/tern-idempotency")
                .doesNotContain("table/tern-links");
    }

    @Test
    void mrsc_otherRegions_andMrec_haveNoSweep() {
        for (RegionStack stack : TestApps.strong().regions().subList(1, 3)) {
            assertThat(stack.idempotencySweep()).isEmpty();
            TestApps.template(stack).resourcePropertiesCountIs("AWS::Lambda::Function",
                    Map.of("Handler", RegionStack.SWEEP_HANDLER), 0);
        }
        for (RegionStack stack : TestApps.eventual().regions()) {
            assertThat(stack.idempotencySweep()).as("MREC: TTL deletes them").isEmpty();
            TestApps.template(stack).resourcePropertiesCountIs("AWS::Lambda::Function",
                    Map.of("Handler", RegionStack.SWEEP_HANDLER), 0);
        }
    }
}
