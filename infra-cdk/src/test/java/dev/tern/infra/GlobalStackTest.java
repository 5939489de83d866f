package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class GlobalStackTest {

    @Test
    void deployOrder_isDataThenRegionsThenGlobal() {
        TernApp app = TestApps.strong();

        assertThat(app.global().getDependencies()).containsExactlyInAnyOrderElementsOf(app.regions());
        for (RegionStack region : app.regions()) {
            assertThat(region.getDependencies()).containsExactly(app.data());
        }
        assertThat(app.global().getRegion()).isEqualTo("us-east-1");
    }

    @Test
    void everyRegion_hasAFastHealthCheckOfItsOwnHealthEndpoint() {
        Template template = TestApps.template(TestApps.strong().global());

        template.resourceCountIs("AWS::Route53::HealthCheck", 3);
        for (String region : TestApps.MRSC_REGIONS) {
            template.hasResourceProperties("AWS::Route53::HealthCheck", Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                    "Type", "HTTPS",
                    "FullyQualifiedDomainName", region + "." + TestApps.DOMAIN,
                    "ResourcePath", "/health",
                    "RequestInterval", 10,
                    "FailureThreshold", 3,
                    "EnableSNI", true))));
        }
    }

    @Test
    void everyRegion_hasLatencyRecordsTiedToItsHealthCheck() {
        Template template = TestApps.template(TestApps.strong().global());

        for (String region : TestApps.MRSC_REGIONS) {
            for (String type : List.of("A", "AAAA")) {
                template.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                        "Name", TestApps.DOMAIN + ".",
                        "Type", type,
                        "Region", region,
                        "SetIdentifier", region,
                        "HealthCheckId", Map.of("Ref", Match.stringLikeRegexp("HealthCheck" + region.replace("-", "") + ".*")),
                        "AliasTarget", Map.of("DNSName", region + "." + TestApps.DOMAIN + ".",
                                "HostedZoneId", TestApps.ZONE_ID, "EvaluateTargetHealth", false)));
            }
        }
    }

    @Test
    void healthCheckFailures_areAlarmedByEmail() {
        Template template = TestApps.template(TestApps.strong().global());

        template.resourceCountIs("AWS::CloudWatch::Alarm", 3);
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "AWS/Route53",
                "MetricName", "HealthCheckStatus", "ComparisonOperator", "LessThanThreshold", "Threshold", 1,
                "AlarmActions", Match.anyValue()));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email"));
    }

    @Test
    void statusSite_isAPrivateBucketBehindCloudFrontWithOriginAccessControl() {
        Template template = TestApps.template(TestApps.strong().global());

        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", List.of("status." + TestApps.DOMAIN),
                "DefaultRootObject", "index.html",
                "ViewerCertificate", Match.objectLike(Map.of("MinimumProtocolVersion", "TLSv1.2_2021")),
                "Origins", List.of(Match.objectLike(Map.of("OriginAccessControlId", Match.anyValue())))))));
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled")));
        template.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Name", "status." + TestApps.DOMAIN + ".",
                "Type", "A"));
    }

    @Test
    void webStaticFiles_arePublishedUnderStaticWithoutPruningTheStatusSite() {
        Template template = TestApps.template(TestApps.strong().global());

        template.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
                "DestinationBucketName", Match.anyValue(),
                "DestinationBucketKeyPrefix", "static/",
                "Prune", false,
                "DistributionPaths", List.of("/static/*")));
        assertThat(GlobalStack.webStaticAssets().resolve("tern.css")).isRegularFile();
    }
}
