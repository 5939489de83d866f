package dev.tern.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.route53.AaaaRecord;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.HealthCheckType;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.CloudFrontTarget;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * What is global, deployed in us-east-1 (where Route 53 publishes health-check metrics and CloudFront
 * takes its certificates): per region a health check of {@code https://<region>.<domain>/health} every
 * 10 seconds and latency records of the domain that leave out a region whose check fails; the alarms on
 * those checks; and the status site (S3 + CloudFront, independent of the regions' API path).
 *
 * <p>The latency records are aliases of the regional stacks' {@code <region>.<domain>} records, names
 * this stack knows without reading anything from the regional stacks (no cross-region references).
 */
public final class GlobalStack extends Stack {
    /** The region this stack must be deployed in. */
    public static final String REGION = "us-east-1";
    /** Seconds between two checks by each Route 53 checker: the fast interval. */
    static final int CHECK_INTERVAL_SECONDS = 10;
    /** Failed checks in a row before a region is unhealthy: with 10 s, about 30 s. */
    static final int FAILURE_THRESHOLD = 3;
    /** Where the web's static files are published in the status bucket (and on {@code status.<domain>}). */
    static final String WEB_STATIC_PREFIX = "static/";
    /** The web's static files in the source tree, relative to {@code infra-cdk/}. */
    static final String WEB_STATIC_SOURCE = "../web/src/main/resources/dev/tern/web/static";

    /** The path of each region's health endpoint (issue 7). */
    static final String HEALTH_PATH = "/health";

    private final Map<String, HealthCheck> healthChecks = new LinkedHashMap<>();
    private final Bucket statusBucket;
    private final Distribution statusDistribution;

    GlobalStack(Construct scope, String id, StackProps props, InfraSettings settings) {
        super(scope, id, props);
        IHostedZone zone = HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                .hostedZoneId(settings.hostedZoneId()).zoneName(settings.hostedZoneName()).build());
        Alarms alarms = new Alarms(this, settings);

        for (String region : settings.regions()) {
            String suffix = region.replace("-", "");
            HealthCheck check = HealthCheck.Builder.create(this, "HealthCheck" + suffix)
                    .type(HealthCheckType.HTTPS)
                    .fqdn(settings.regionalHost(region))
                    .port(443)
                    .resourcePath(HEALTH_PATH)
                    .enableSni(true)
                    .requestInterval(Duration.seconds(CHECK_INTERVAL_SECONDS))
                    .failureThreshold(FAILURE_THRESHOLD)
                    .build();
            healthChecks.put(region, check);
            for (String type : List.of("A", "AAAA")) {
                CfnRecordSet.Builder.create(this, "Latency" + type + suffix)
                        .hostedZoneId(settings.hostedZoneId())
                        .name(settings.domainName() + ".")
                        .type(type)
                        .setIdentifier(region)
                        .region(region)
                        .healthCheckId(check.getHealthCheckId())
                        .aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
                                .dnsName(settings.regionalHost(region) + ".")
                                .hostedZoneId(settings.hostedZoneId())
                                // the health check decides; the target record has none of its own
                                .evaluateTargetHealth(false)
                                .build())
                        .build();
            }
            alarms.below("RegionUnhealthy" + suffix, "Tern: " + region + " fails its health checks and is out of DNS",
                    Metric.Builder.create().namespace("AWS/Route53").metricName("HealthCheckStatus")
                            .dimensionsMap(Map.of("HealthCheckId", check.getHealthCheckId()))
                            .statistic("Minimum").period(Duration.minutes(1)).build(),
                    1, 2);
        }

        Bucket accessLogs = Bucket.Builder.create(this, "StatusAccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.suppress(accessLogs, "AwsSolutions-S1", "This bucket receives the status bucket's access logs; logging it"
                + " too would log the logs.");
        statusBucket = Bucket.Builder.create(this, "StatusSite")
                // A name every regional stack can compute: their status probes upload here (no cross-region reference).
                .bucketName(statusBucketName(settings, getAccount()))
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("status-site/")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Certificate certificate = Certificate.Builder.create(this, "StatusCertificate")
                .domainName(settings.statusHost())
                .validation(CertificateValidation.fromDns(zone))
                .build();
        statusDistribution = Distribution.Builder.create(this, "StatusDistribution")
                .comment("Tern status page")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(statusBucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .build())
                .defaultRootObject("index.html")
                .domainNames(List.of(settings.statusHost()))
                .certificate(certificate)
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .build();
        Nag.suppress(statusDistribution, "AwsSolutions-CFR1",
                "The status page is public and must be readable from every country.");
        Nag.suppress(statusDistribution, "AwsSolutions-CFR2",
                "A static, cached, read-only page: a WAF web ACL costs more than anything it could protect here.");
        Nag.suppress(statusDistribution, "AwsSolutions-CFR3",
                "CloudFront access logs need ACL-enabled log buckets; the status bucket's own access logs and"
                        + " CloudFront's metrics cover this static page.");
        // The web's static files (stylesheet, script, icon) under static/ of the same bucket, served by the
        // same distribution. Never pruned: the status probes' files live beside them.
        BucketDeployment.Builder.create(this, "WebStaticAssets")
                .sources(List.of(Source.asset(webStaticAssets().toString())))
                .destinationBucket(statusBucket)
                .destinationKeyPrefix(WEB_STATIC_PREFIX)
                .prune(false)
                .distribution(statusDistribution)
                .distributionPaths(List.of("/" + WEB_STATIC_PREFIX + "*"))
                .build();
        suppressBucketDeploymentFindings();
        RecordTarget target = RecordTarget.fromAlias(new CloudFrontTarget(statusDistribution));
        ARecord.Builder.create(this, "StatusRecord").zone(zone).recordName(settings.statusHost()).target(target).build();
        AaaaRecord.Builder.create(this, "StatusRecordIpv6").zone(zone).recordName(settings.statusHost()).target(target)
                .build();
    }

    /**
     * The status site bucket's name, {@code <prefix>status-<account>}, known to every stack without a
     * cross-region reference: the table prefix made a valid bucket name (lower case, letters, digits and
     * '-', at most 30 characters) and the account (a token that each stack resolves to the same account).
     */
    static String statusBucketName(InfraSettings settings, String account) {
        String prefix = settings.tablePrefix().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-").replaceAll("^-", "");
        if (prefix.length() > 30) {
            prefix = prefix.substring(0, 30);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("-")) {
            prefix += "-";
        }
        return prefix + "status-" + account;
    }

    /**
     * The CDK's own handler that copies a deployment's files (a singleton function of the stack, whose
     * construct id starts with {@code Custom::CDKBucketDeployment}): its findings are the CDK's choices,
     * scoped to the two buckets involved.
     */
    private void suppressBucketDeploymentFindings() {
        for (software.constructs.IConstruct child : getNode().getChildren()) {
            if (!child.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
                continue;
            }
            Nag.suppress(child, "AwsSolutions-L1", "The CDK's BucketDeployment handler: its runtime is chosen by the"
                    + " CDK release, which this project upgrades as a whole.");
            Nag.suppress(child, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the CDK's deployment"
                    + " handler write its own logs.");
            Nag.suppress(child, "AwsSolutions-IAM5", "The CDK's deployment handler reads its asset's objects from the"
                    + " CDK asset bucket and writes objects under static/ of the status bucket: s3 object actions"
                    + " (GetObject*, List*, DeleteObject*, Abort*) on those two buckets only, as the CDK grants them.");
        }
    }

    /** The web's static files; a clear message when the source tree is not there. */
    static java.nio.file.Path webStaticAssets() {
        java.nio.file.Path directory = java.nio.file.Path.of(WEB_STATIC_SOURCE).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(directory)) {
            throw new IllegalStateException("the web's static files are not at " + directory
                    + ": run the CDK app from infra-cdk/ in a full checkout");
        }
        return directory;
    }

    Map<String, HealthCheck> healthChecks() {
        return Map.copyOf(healthChecks);
    }

    Bucket statusBucket() {
        return statusBucket;
    }

    Distribution statusDistribution() {
        return statusDistribution;
    }
}
