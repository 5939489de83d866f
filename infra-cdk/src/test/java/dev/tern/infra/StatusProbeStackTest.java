package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The status page's probe: a function and a one-minute schedule in every region, its grants and its alarm. */
class StatusProbeStackTest {
    private static final String ENDPOINTS = "us-east-1=https://us-east-1." + TestApps.DOMAIN
            + ",us-east-2=https://us-east-2." + TestApps.DOMAIN + ",us-west-2=https://us-west-2." + TestApps.DOMAIN;
    private static final String BUCKET = "tern-status-123456789012";

    @Test
    void everyRegion_runsTheProbeEveryMinuteThroughItsAlias() {
        for (TernApp app : List.of(TestApps.strong(), TestApps.eventual())) {
            for (RegionStack stack : app.regions()) {
                Template template = TestApps.template(stack);

                template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                        "Handler", RegionStack.STATUS_PROBE_HANDLER,
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                        "LoggingConfig", Map.of("LogFormat", "Text",
                                "LogGroup", Map.of("Ref", RegionStackTest.logicalId(stack, stack.statusProbe().logGroup())))));
                template.hasResourceProperties("AWS::Events::Rule", Map.of(
                        "ScheduleExpression", "rate(1 minute)",
                        "State", "ENABLED",
                        "Targets", List.of(Match.objectLike(Map.of(
                                "Arn", Map.of("Ref", RegionStackTest.logicalId(stack, stack.statusProbe().alias())))))));
            }
        }
    }

    @Test
    void probe_knowsEveryRegionsHostTheHealthTableAndTheStatusBucket() {
        Template template = TestApps.template(TestApps.strong().regions().get(1));

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", RegionStack.STATUS_PROBE_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "TERN_HEALTH_TABLE", "tern-health",
                        "TERN_LINKS_TABLE", "tern-links",
                        "TERN_STATUS_BUCKET", BUCKET,
                        "TERN_STATUS_ENDPOINTS", ENDPOINTS,
                        "TERN_STATUS_URL", "https://status." + TestApps.DOMAIN + "/",
                        "TERN_REGION", "us-east-2")))));
    }

    @Test
    void probe_writesHealthAndLinksAndUploadsToTheStatusBucketOnly() throws Exception {
        RegionStack stack = TestApps.strong().regions().get(2);
        Template template = TestApps.template(stack);

        List<String> actions = RegionStackTest.actions(template, stack, stack.statusProbe());
        String policy = RegionStackTest.policyJson(template, stack, stack.statusProbe());

        assertThat(actions).contains("dynamodb:PutItem", "dynamodb:GetItem", "s3:PutObject")
                .doesNotContain("s3:*", "s3:DeleteObject", "s3:GetObject");
        assertThat(policy).contains("table/tern-health", "table/tern-links", ":s3:::" + BUCKET + "/*")
                .doesNotContain("table/tern-api-keys", "table/tern-yourls", "secretsmanager");
        // its database check writes a canary into every region's replica of the health table
        for (String region : TestApps.MRSC_REGIONS) {
            if (!region.equals(stack.regionName())) {
                assertThat(policy).contains(":dynamodb:" + region + ":123456789012:table/tern-health\"");
            }
        }
        assertThat(policy).doesNotContain(":dynamodb:us-east-1:123456789012:table/tern-links");
        // the redirect function cannot upload the status site
        assertThat(RegionStackTest.actions(template, stack, stack.site())).doesNotContain("s3:PutObject");
    }

    @Test
    void statusBucket_isNamedAsTheProbesExpect() {
        Template global = TestApps.template(TestApps.strong().global());

        global.hasResourceProperties("AWS::S3::Bucket", Map.of("BucketName", BUCKET));
    }

    @Test
    void statusBucketName_isAValidBucketNameWhateverTheTablePrefix() {
        InfraSettings settings = InfraSettings.fromContext(key -> switch (key) {
            case "tern:domainName" -> TestApps.DOMAIN;
            case "tern:hostedZoneId" -> TestApps.ZONE_ID;
            case "tern:regions" -> "us-east-1,us-east-2,us-west-2";
            case "tern:alarmEmail" -> "ops@example.com";
            case "tern:tablePrefix" -> "Prod_Tables.Very-Long-Prefix-That-Goes-On-And-On-";
            default -> null;
        });

        assertThat(GlobalStack.statusBucketName(settings, "123456789012"))
                .isEqualTo("prod-tables-very-long-prefix-t-status-123456789012")
                .matches("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
    }

    @Test
    void probeFailures_raiseAnAlarmInEveryRegion() {
        for (RegionStack stack : TestApps.strong().regions()) {
            TestApps.template(stack).hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "MetricName", "Errors",
                    "Threshold", RegionAlarms.PROBE_FAILURES,
                    "AlarmDescription", Match.stringLikeRegexp(".*status probe failed.*"),
                    "Dimensions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "FunctionName"))))));
        }
    }
}
