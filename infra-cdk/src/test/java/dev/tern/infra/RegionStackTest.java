package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RegionStackTest {
    private static final List<String> DYNAMODB_WRITES = List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:*");

    private static RegionStack firstRegion() {
        return TestApps.strong().regions().get(0);
    }

    static String logicalId(RegionStack stack, software.constructs.IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    @Test
    void functions_areJava21WithSnapStartAndTheConfiguredMemoryAndArchitecture() {
        Template template = TestApps.template(firstRegion());

        // the five of every region, the status probe, and (MRSC home region) the idempotency sweep
        template.resourceCountIs("AWS::Lambda::Function", 7);
        template.allResourcesProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.web.SiteHandler::handleRequest", "MemorySize", 1536));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.functions.LinksApiHandler::handleRequest", "MemorySize", 1024));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.functions.yourls.YourlsApiHandler::handleRequest", "MemorySize", 1024));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.functions.ClickAggregationHandler::handleRequest", "MemorySize", 512));
        TestApps.template(TestApps.eventual().regions().get(0)).allResourcesProperties("AWS::Lambda::Function",
                Map.of("Architectures", List.of("x86_64")));
    }

    @Test
    void everyIntegration_targetsTheAliasOnAPublishedVersion() {
        RegionStack stack = firstRegion();
        Template template = TestApps.template(stack);

        template.resourceCountIs("AWS::Lambda::Alias", 7);
        template.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "live",
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(".*CurrentVersion.*"), "Version"))));
        for (TernFunction function : List.of(stack.site(), stack.siteCreate(), stack.api(), stack.yourls())) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                    "IntegrationType", "AWS_PROXY", "PayloadFormatVersion", "2.0",
                    "IntegrationUri", Map.of("Ref", logicalId(stack, function.alias()))));
        }
        template.resourceCountIs("AWS::ApiGatewayV2::Integration", 4);
    }

    @Test
    void routes_sendPagesApiAndYourlsToTheirFunctions() {
        Template template = TestApps.template(firstRegion());

        for (String route : List.of("$default", "POST /", "POST /{code}", "ANY /api/{proxy+}", "ANY /yourls-api.php")) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", route));
        }
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "$default", "AutoDeploy", true,
                "AccessLogSettings", Match.objectLike(Map.of("Format", Match.stringLikeRegexp(".*requestId.*")))));
    }

    @Test
    void customDomains_useTheDnsValidatedCertificateAndTheRegionalRecord() {
        Template template = TestApps.template(firstRegion());

        template.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", TestApps.DOMAIN,
                "SubjectAlternativeNames", List.of("us-east-1." + TestApps.DOMAIN),
                "ValidationMethod", "DNS",
                "DomainValidationOptions", Match.arrayWith(List.of(Map.of("DomainName", TestApps.DOMAIN,
                        "HostedZoneId", TestApps.ZONE_ID)))));
        template.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of("DomainName", TestApps.DOMAIN));
        template.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of("DomainName", "us-east-1." + TestApps.DOMAIN));
        template.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 2);
        for (String type : List.of("A", "AAAA")) {
            template.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Name", "us-east-1." + TestApps.DOMAIN + ".",
                    "Type", type, "HostedZoneId", TestApps.ZONE_ID));
        }
    }

    @Test
    void redirectFunction_mayReadLinksButWriteNothing() throws Exception {
        RegionStack stack = firstRegion();
        Template template = TestApps.template(stack);

        List<String> siteActions = actions(template, stack, stack.site());
        String sitePolicy = policyJson(template, stack, stack.site());

        assertThat(siteActions).contains("dynamodb:GetItem", "dynamodb:Query").doesNotContainAnyElementsOf(DYNAMODB_WRITES);
        assertThat(sitePolicy).contains("table/tern-links").doesNotContain("table/tern-idempotency")
                .doesNotContain("table/tern-api-keys").doesNotContain("table/tern-yourls")
                .doesNotContain("table/tern-rate-limits").doesNotContain("secretsmanager");
        // the same check sees writes where they are granted
        assertThat(actions(template, stack, stack.siteCreate())).contains("dynamodb:PutItem");
    }

    @Test
    void clickAggregation_writesClicksOnly() throws Exception {
        RegionStack stack = firstRegion();
        String policy = policyJson(TestApps.template(stack), stack, stack.aggregation());

        assertThat(policy).contains("table/tern-clicks").doesNotContain("table/tern-links");
    }

    @Test
    void environment_carriesTheSettingsTableNamesAndSecrets() {
        Template template = TestApps.template(firstRegion());

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.web.SiteHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "TERN_PUBLIC_BASE_URL", "https://" + TestApps.DOMAIN,
                        "TERN_EXTRA_OWN_HOSTS", "us-east-1." + TestApps.DOMAIN,
                        "TERN_REDIRECT_STATUS", "301",
                        "TERN_REDIRECT_CACHE_SECONDS", "300",
                        "TERN_REGION", "us-east-1",
                        "TERN_LINKS_TABLE", "tern-links",
                        "TERN_CLICKS_TABLE", "tern-clicks",
                        "TERN_RATE_LIMITS_TABLE", "tern-rate-limits",
                        "TERN_SECRET", "{{resolve:secretsmanager:tern-site-secret:SecretString:::}}")))));
        // raising tern:secretsGeneration changes every function, so CloudFormation reads the secrets again
        template.allResourcesProperties("AWS::Lambda::Function", Map.of("Description",
                Match.stringLikeRegexp(".*\\(secrets generation 1\\)")));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.functions.LinksApiHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "TERN_BOOTSTRAP_ADMIN_KEY", "tern_{{resolve:secretsmanager:tern-bootstrap-admin-key:SecretString:keyId::}}"
                                + "_{{resolve:secretsmanager:tern-bootstrap-admin-key:SecretString:secret::}}")))));
    }

    @Test
    void logGroups_keepLogsForTheConfiguredRetention() {
        Template template = TestApps.template(firstRegion());

        // one per function (seven) and the HTTP API's access log
        template.resourceCountIs("AWS::Logs::LogGroup", 8);
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        template.allResources("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain"));
    }

    @Test
    void clickChannel_subscribesTheAggregationAliasToTheRedirectLogs() {
        RegionStack stack = firstRegion();
        Template template = TestApps.template(stack);

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.tern.web.SiteHandler::handleRequest",
                "LoggingConfig", Map.of("LogFormat", "Text",
                        "LogGroup", Map.of("Ref", logicalId(stack, stack.site().logGroup())))));
        template.hasResourceProperties("AWS::Logs::SubscriptionFilter", Map.of(
                "FilterPattern", "{ $.type = \"tern.click\" }",
                "LogGroupName", Map.of("Ref", logicalId(stack, stack.site().logGroup())),
                "DestinationArn", Map.of("Ref", logicalId(stack, stack.aggregation().alias()))));
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 21600,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(logicalId(stack, stack.failedClickBatches()), "Arn"))))));
    }

    @Test
    void alarms_coverErrorsLatencyThrottlesAndClickCounting() {
        Template template = TestApps.template(firstRegion());

        // seven of the region's own, and the replication latency of the tables that are always MREC (clicks,
        // health) to the two other regions
        template.resourceCountIs("AWS::CloudWatch::Alarm", 11);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Duration",
                "ExtendedStatistic", "p99", "Threshold", 1000));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "AsyncEventAge"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateNumberOfMessagesVisible"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmDescription",
                Match.stringLikeRegexp(".*5xx.*")));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", Match.anyValue()));
    }

    @Test
    void mrec_alarmsOnReplicationLatencyToTheOtherRegion() {
        Template template = TestApps.template(TestApps.eventual().regions().get(0));

        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ReplicationLatency",
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "TableName", "Value", "tern-links")))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ReplicationLatency",
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "ReceivingRegion", "Value", "us-east-1")))));
        // MRSC tables report no replication latency: only the clicks table's alarms exist there
        TestApps.template(firstRegion()).hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ReplicationLatency",
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "TableName", "Value", "tern-clicks")))));
    }

    @SuppressWarnings("unchecked")
    static List<String> actions(Template template, RegionStack stack, TernFunction function) {
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> statement : statements(template, stack, function)) {
            Object action = statement.get("Action");
            if (action instanceof List<?> list) {
                list.forEach(a -> actions.add((String) a));
            } else {
                actions.add((String) action);
            }
        }
        return actions;
    }

    static String policyJson(Template template, RegionStack stack, TernFunction function) throws Exception {
        return new ObjectMapper().writeValueAsString(statements(template, stack, function));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Template template, RegionStack stack, TernFunction function) {
        String role = logicalId(stack, function.function().getRole());
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> properties = (Map<String, Object>) policy.get("Properties");
            if (((List<Object>) properties.get("Roles")).contains(Map.of("Ref", role))) {
                statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) properties.get("PolicyDocument"))
                        .get("Statement"));
            }
        }
        assertThat(statements).as("policy of " + role).isNotEmpty();
        return statements;
    }
}
