package dev.tern.infra;

import dev.tern.core.settings.Setting;
import dev.tern.store.TableDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.TableAttributesV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.SubscriptionFilter;
import software.amazon.awscdk.services.logs.destinations.LambdaDestination;
import software.amazon.awscdk.services.route53.AaaaRecord;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.ApiGatewayv2DomainProperties;
import software.amazon.awscdk.SecretsManagerSecretOptions;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Everything one region runs: its rate-limits table, the functions, the HTTP API on the deployment's
 * domain and on {@code <region>.<domain>}, the click channel (log subscription → aggregation) and the
 * region's alarms. One such stack per region; each can be deployed, replaced or removed on its own.
 *
 * <p>Routes: {@code $default} → the site function ({@code SiteHandler}: redirects, previews, form
 * pages; it may only read links), {@code POST /} and {@code POST /{code}} (the preview's report-abuse
 * form) → the same handler in a second function allowed to create links and store reports, {@code /api/{proxy+}} → the REST API, {@code /yourls-api.php} → the YOURLS-compatible API.
 * Splitting the form's post from {@code $default} keeps the redirect path free of any write permission.
 */
public final class RegionStack extends Stack {
    static final String SITE_HANDLER = "dev.tern.web.SiteHandler::handleRequest";
    static final String API_HANDLER = "dev.tern.functions.LinksApiHandler::handleRequest";
    static final String YOURLS_HANDLER = "dev.tern.functions.yourls.YourlsApiHandler::handleRequest";
    static final String AGGREGATION_HANDLER = "dev.tern.functions.ClickAggregationHandler::handleRequest";
    /** The status page's probe (tern-status-page), every minute in every region. */
    static final String STATUS_PROBE_HANDLER = "dev.tern.status.lambda.StatusProbeHandler::handleRequest";
    /** The sweep of expired idempotency records, hourly in the home region, where the table has no TTL (MRSC). */
    static final String SWEEP_HANDLER = "dev.tern.functions.IdempotencySweepHandler::handleRequest";
    /** The click lines' filter (see docs/adr/2026-11-23-click-counting.md). */
    static final String CLICK_FILTER = "{ $.type = \"tern.click\" }";

    private final String region;
    private final TernFunction site;
    private final TernFunction siteCreate;
    private final TernFunction api;
    private final TernFunction yourls;
    private final TernFunction aggregation;
    private final TernFunction statusProbe;
    private final Optional<TernFunction> idempotencySweep;
    private final HttpApi httpApi;
    private final Queue failedClickBatches;

    RegionStack(Construct scope, String id, StackProps props, InfraSettings settings, String region) {
        super(scope, id, props);
        this.region = region;
        Map<Setting, ITableV2> tables = new EnumMap<>(Setting.class);
        for (TableDefinition definition : Tables.definitions(settings)) {
            tables.put(definition.setting(), definition.replication() == TableDefinition.Replication.REGIONAL
                    ? Tables.create(this, DataStack.idOf(definition), definition, settings)
                    : Tables.reference(this, DataStack.idOf(definition), definition));
        }
        ITableV2 links = tables.get(Setting.LINKS_TABLE);
        ITableV2 clicks = tables.get(Setting.CLICKS_TABLE);
        ITableV2 idempotency = tables.get(Setting.IDEMPOTENCY_TABLE);
        ITableV2 rateLimits = tables.get(Setting.RATE_LIMITS_TABLE);
        ITableV2 apiKeys = tables.get(Setting.API_KEYS_TABLE);
        ITableV2 yourlsSite = tables.get(Setting.YOURLS_TABLE);

        Code code = Code.fromAsset(bundle(settings).toString());
        Map<String, String> common = commonEnvironment(settings, region);
        Map<String, String> withSecret = new LinkedHashMap<>(common);
        withSecret.put(Setting.SECRET.variable(), SecretValue.secretsManager(DataStack.secretName(settings, "site-secret"))
                .unsafeUnwrap());
        Map<String, String> withAdminKey = new LinkedHashMap<>(common);
        withAdminKey.put(Setting.BOOTSTRAP_ADMIN_KEY.variable(), "tern_"
                + secretField(settings, "keyId") + "_" + secretField(settings, "secret"));

        site = new TernFunction(this, "Site", SITE_HANDLER,
                "Tern: redirects, previews and pages ($default); reads links only", settings.memory().site(),
                Duration.seconds(10), withSecret, code, settings);
        siteCreate = new TernFunction(this, "SiteCreate", SITE_HANDLER,
                "Tern: the creation form's and the report-abuse form's posts (POST /, POST /{code}+)", settings.memory().site(), Duration.seconds(10), withSecret, code,
                settings);
        api = new TernFunction(this, "Api", API_HANDLER, "Tern: the REST API (/api/...)", settings.memory().api(),
                Duration.seconds(15), withAdminKey, code, settings);
        yourls = new TernFunction(this, "Yourls", YOURLS_HANDLER, "Tern: the YOURLS-compatible API (/yourls-api.php)",
                settings.memory().api(), Duration.seconds(15), withSecret, code, settings);

        failedClickBatches = Queue.Builder.create(this, "FailedClickBatches")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Nag.suppress(failedClickBatches, "AwsSolutions-SQS3",
                "This queue is itself the dead-letter destination of the click aggregation's failed batches.");
        aggregation = new TernFunction(this, "ClickAggregation", AGGREGATION_HANDLER,
                "Tern: counts the redirect's click lines in batches", settings.memory().aggregation(), Duration.seconds(60),
                common, code, settings);
        aggregation.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .onFailure(new SqsDestination(failedClickBatches))
                .retryAttempts(2)
                .maxEventAge(Duration.hours(6))
                .build());

        statusProbe = statusProbe(settings, common, code);
        Rule.Builder.create(this, "StatusProbeSchedule")
                .description("Tern: the status probe, every minute")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(statusProbe.alias(), LambdaFunctionProps.builder().retryAttempts(0)
                        .build())))
                .build();

        // Least privilege: the redirect path reads; only the functions that create or change links write.
        links.grantReadData(site.alias());
        clicks.grantReadData(site.alias());
        for (TernFunction writer : List.of(siteCreate, api, yourls)) {
            links.grantReadWriteData(writer.alias());
            idempotency.grantReadWriteData(writer.alias());
            clicks.grantReadWriteData(writer.alias());
        }
        grantStatusProbe(settings, links, tables.get(Setting.HEALTH_TABLE));

        // MREC: link and idempotency writes of every region go to one replica, the write region's (the home
        // region unless tern:linksWriteRegion moved it), so each conditional create is decided in one place.
        if (settings.linksConsistency() == InfraSettings.LinksConsistency.MREC && !region.equals(settings.linksWriteRegion())) {
            sendLinkWritesToWriteRegion(settings, List.of(siteCreate, api, yourls, statusProbe));
        }
        idempotencySweep = idempotencySweep(settings, idempotency, common, code);
        rateLimits.grantReadWriteData(siteCreate.alias());
        rateLimits.grantReadWriteData(api.alias());
        apiKeys.grantReadWriteData(api.alias());
        yourlsSite.grantReadWriteData(yourls.alias());
        clicks.grantReadWriteData(aggregation.alias());
        // The grants' only wildcards are the granted tables' own indexes (<table>/index/*).
        // cdk-nag names the account as the template does: a literal id, or <AWS::AccountId> when the
        // stack is account-agnostic.
        String accountInArn = Token.isUnresolved(getAccount()) ? "<AWS::AccountId>" : getAccount();
        // The partition is <AWS::Partition>, or "aws" when the partition of the region is known to the CDK.
        // Under MREC the writers are also granted the write region's replicas.
        List<String> indexWildcards = Tables.definitions(settings).stream()
                .filter(definition -> !definition.indexes().isEmpty())
                .flatMap(definition -> Stream.of(region, settings.linksWriteRegion()).distinct()
                        .flatMap(tableRegion -> Stream.of("<AWS::Partition>", "aws")
                                .map(partition -> "Resource::arn:" + partition + ":dynamodb:" + tableRegion + ":"
                                        + accountInArn + ":table/" + definition.name() + "/index/*")))
                .toList();
        List<TernFunction> all = new ArrayList<>(List.of(site, siteCreate, api, yourls, aggregation, statusProbe));
        idempotencySweep.ifPresent(all::add);
        for (TernFunction function : all) {
            Nag.suppress(function, "AwsSolutions-IAM5",
                    "The stores query the indexes of the tables they are granted; the grant names each table and"
                            + " covers its indexes (<table>/index/*), nothing else.", indexWildcards);
        }

        // The click channel: the redirect's click lines, delivered in batches to the aggregation.
        SubscriptionFilter.Builder.create(this, "ClickChannel")
                .logGroup(site.logGroup())
                .filterPattern(FilterPattern.literal(CLICK_FILTER))
                .destination(new LambdaDestination(aggregation.alias()))
                .build();

        httpApi = httpApi(settings);
        new RegionAlarms(this, "Alarms", settings, region, this);
    }

    private HttpApi httpApi(InfraSettings settings) {
        HttpApi api = HttpApi.Builder.create(this, "HttpApi")
                .apiName("tern")
                .description("Tern in " + region)
                .createDefaultStage(false)
                .defaultIntegration(new HttpLambdaIntegration("SiteIntegration", site.alias()))
                .build();
        HttpLambdaIntegration siteWrites = new HttpLambdaIntegration("SiteCreateIntegration", siteCreate.alias());
        api.addRoutes(AddRoutesOptions.builder().path("/").methods(List.of(HttpMethod.POST))
                .integration(siteWrites).build());
        // A preview page's report-abuse form posts to /{code}+: it stores a report, so it goes to the writing function.
        api.addRoutes(AddRoutesOptions.builder().path("/{code}").methods(List.of(HttpMethod.POST))
                .integration(siteWrites).build());
        api.addRoutes(AddRoutesOptions.builder().path("/api/{proxy+}").methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("ApiIntegration", this.api.alias())).build());
        api.addRoutes(AddRoutesOptions.builder().path("/yourls-api.php").methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("YourlsIntegration", yourls.alias())).build());
        Nag.suppress(api, "AwsSolutions-APIG4",
                "Authorisation is the application's: the REST API checks API keys, the YOURLS API its own signatures"
                        + " and passwords, and redirects and pages are public by design.");

        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(TernFunction.retention(settings.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // No client address in the access log: it is personal data and the functions log what they need.
        AccessLogFormat format = AccessLogFormat.custom("{\"requestId\":\"$context.requestId\","
                + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"path\":\"$context.path\","
                + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                + "\"latency\":\"$context.responseLatency\",\"integrationLatency\":\"$context.integrationLatency\","
                + "\"integrationError\":\"$context.integrationErrorMessage\"}");
        IAccessLogDestination destination = new LogGroupLogDestination(accessLogs);
        HttpStage stage = HttpStage.Builder.create(this, "Stage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return format;
                    }
                })
                .build();

        IHostedZone zone = HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                .hostedZoneId(settings.hostedZoneId()).zoneName(settings.hostedZoneName()).build());
        Certificate certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(settings.domainName())
                .subjectAlternativeNames(List.of(settings.regionalHost(region)))
                .validation(CertificateValidation.fromDns(zone))
                .build();
        DomainName apex = DomainName.Builder.create(this, "Domain")
                .domainName(settings.domainName()).certificate(certificate).build();
        DomainName regional = DomainName.Builder.create(this, "RegionalDomain")
                .domainName(settings.regionalHost(region)).certificate(certificate).build();
        ApiMapping.Builder.create(this, "DomainMapping").api(api).domainName(apex).stage(stage).build();
        ApiMapping.Builder.create(this, "RegionalDomainMapping").api(api).domainName(regional).stage(stage).build();
        // <region>.<domain>: this region alone. The global stack's latency records and health checks point here.
        RecordTarget target = RecordTarget.fromAlias(new ApiGatewayv2DomainProperties(
                regional.getRegionalDomainName(), regional.getRegionalHostedZoneId()));
        ARecord.Builder.create(this, "RegionalRecord").zone(zone).recordName(settings.regionalHost(region))
                .target(target).build();
        AaaaRecord.Builder.create(this, "RegionalRecordIpv6").zone(zone).recordName(settings.regionalHost(region))
                .target(target).build();
        return api;
    }

    static Map<String, String> commonEnvironment(InfraSettings settings, String region) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.PUBLIC_BASE_URL.variable(), "https://" + settings.domainName());
        // Links to this region's own host name would loop like links to the domain itself.
        env.put(Setting.EXTRA_OWN_HOSTS.variable(), settings.regionalHost(region));
        env.put(Setting.REDIRECT_STATUS.variable(), Integer.toString(settings.redirectStatus()));
        env.put(Setting.REDIRECT_CACHE_SECONDS.variable(), Integer.toString(settings.redirectCacheSeconds()));
        env.put(Setting.REGION.variable(), region);
        for (TableDefinition definition : Tables.definitions(settings)) {
            env.put(definition.setting().variable(), definition.name());
        }
        return env;
    }

    /**
     * The status probe: checks every region by its own host name, keeps its rounds in the health table
     * and uploads the status site to the one status bucket (in TernGlobal, named without a reference).
     */
    private TernFunction statusProbe(InfraSettings settings, Map<String, String> common, Code code) {
        Map<String, String> environment = new LinkedHashMap<>(common);
        environment.put(Setting.STATUS_BUCKET.variable(), GlobalStack.statusBucketName(settings, getAccount()));
        environment.put(Setting.STATUS_ENDPOINTS.variable(), statusEndpoints(settings));
        environment.put(Setting.STATUS_URL.variable(), "https://" + settings.statusHost() + "/");
        return new TernFunction(this, "StatusProbe", STATUS_PROBE_HANDLER,
                "Tern: the status page's probe of every region, every minute", settings.memory().aggregation(),
                Duration.seconds(50), environment, code, settings);
    }

    /**
     * The probe's grants: the health table here and, for its database check (a canary item), every
     * other region's replica; the links (it creates its canary link once, then reads it); and
     * {@code s3:PutObject} on the status bucket's objects.
     */
    private void grantStatusProbe(InfraSettings settings, ITableV2 links, ITableV2 health) {
        health.grantReadWriteData(statusProbe.alias());
        TableDefinition healthDefinition = Tables.definition(settings, Setting.HEALTH_TABLE);
        for (String other : settings.regions()) {
            if (!other.equals(region)) {
                replicaIn(other, "HealthTable" + other.replace("-", ""), healthDefinition).grantReadWriteData(statusProbe.alias());
            }
        }
        links.grantReadWriteData(statusProbe.alias());
        String statusBucket = GlobalStack.statusBucketName(settings, getAccount());
        statusProbe.alias().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(Arn.format(ArnComponents.builder().service("s3").region("").account("")
                        .resource(statusBucket).resourceName("*").build(), this)))
                .build());
        Nag.suppress(statusProbe, "AwsSolutions-IAM5", "The probe uploads the status site's files, whose names it"
                + " chooses, into the status bucket: s3:PutObject on that one bucket's objects only.",
                List.of("Resource::arn:<AWS::Partition>:s3:::" + nagAccount(statusBucket) + "/*",
                        "Resource::arn:aws:s3:::" + nagAccount(statusBucket) + "/*"));
    }

    /**
     * Outside MREC's write region: {@code writers} send link and idempotency writes to the write region's
     * replicas (the store's {@code TERN_LINKS_WRITE_REGION}) and may write them.
     */
    private void sendLinkWritesToWriteRegion(InfraSettings settings, List<TernFunction> writers) {
        ITableV2 writeLinks = replicaIn(settings.linksWriteRegion(), "HomeLinksTable",
                Tables.definition(settings, Setting.LINKS_TABLE));
        ITableV2 writeIdempotency = replicaIn(settings.linksWriteRegion(), "HomeIdempotencyTable",
                Tables.definition(settings, Setting.IDEMPOTENCY_TABLE));
        for (TernFunction writer : writers) {
            writer.function().addEnvironment(Setting.LINKS_WRITE_REGION.variable(), settings.linksWriteRegion());
            writeLinks.grantReadWriteData(writer.alias());
            writeIdempotency.grantReadWriteData(writer.alias());
        }
    }

    /**
     * MRSC tables have no TTL: one hourly sweep, in the home region only, deletes expired idempotency
     * records (every replica sees the deletes at once). None elsewhere, and none under MREC (TTL).
     */
    private Optional<TernFunction> idempotencySweep(InfraSettings settings, ITableV2 idempotency,
            Map<String, String> common, Code code) {
        if (!Tables.stronglyConsistent(Tables.definition(settings, Setting.IDEMPOTENCY_TABLE), settings)
                || !region.equals(settings.homeRegion())) {
            return Optional.empty();
        }
        TernFunction sweep = new TernFunction(this, "IdempotencySweep", SWEEP_HANDLER,
                "Tern: deletes expired Idempotency-Key records (MRSC tables have no TTL), hourly",
                settings.memory().aggregation(), Duration.minutes(5), common, code, settings);
        idempotency.grantReadWriteData(sweep.alias());
        Rule.Builder.create(this, "IdempotencySweepSchedule")
                .description("Tern: the sweep of expired Idempotency-Key records, hourly")
                .schedule(Schedule.rate(Duration.hours(1)))
                .targets(List.of(new LambdaFunction(sweep.alias())))
                .build();
        return Optional.of(sweep);
    }

    /** The probe's targets: every region's own host name, {@code region=https://<region>.<domain>}. */
    static String statusEndpoints(InfraSettings settings) {
        return settings.regions().stream()
                .map(each -> each + "=https://" + settings.regionalHost(each))
                .collect(Collectors.joining(","));
    }

    /** A global table's replica in {@code tableRegion}, by ARN (this stack's account and partition), for grants. */
    private ITableV2 replicaIn(String tableRegion, String id, TableDefinition definition) {
        return TableV2.fromTableAttributes(this, id, TableAttributesV2.builder()
                .tableArn(Arn.format(ArnComponents.builder().service("dynamodb").region(tableRegion)
                        .resource("table").resourceName(definition.name()).build(), this))
                .globalIndexes(definition.indexes().stream().map(TableDefinition.SecondaryIndex::name).toList())
                .build());
    }

    /** {@code text} as cdk-nag prints it: the account token as {@code <AWS::AccountId>}. */
    private String nagAccount(String text) {
        return Token.isUnresolved(getAccount()) ? text.replace(getAccount(), "<AWS::AccountId>") : text;
    }

    private static String secretField(InfraSettings settings, String field) {
        return SecretValue.secretsManager(DataStack.secretName(settings, "bootstrap-admin-key"),
                SecretsManagerSecretOptions.builder().jsonField(field).build()).unsafeUnwrap();
    }

    /** The reactor's Lambda zip; a clear message when it has not been built. */
    static Path bundle(InfraSettings settings) {
        Path bundle = Path.of(settings.lambdaBundle()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(bundle)) {
            throw new InfraSettingsException(InfraSettings.Key.LAMBDA_BUNDLE, settings.lambdaBundle(),
                    "the functions' zip, which does not exist at " + bundle
                            + ": build it first with ./mvnw -B install -DskipTests (from the repository root)");
        }
        return bundle;
    }

    String regionName() {
        return region;
    }

    TernFunction site() {
        return site;
    }

    TernFunction siteCreate() {
        return siteCreate;
    }

    TernFunction api() {
        return api;
    }

    TernFunction yourls() {
        return yourls;
    }

    TernFunction aggregation() {
        return aggregation;
    }

    TernFunction statusProbe() {
        return statusProbe;
    }

    /** The sweep of expired idempotency records: in the home region of an MRSC deployment only. */
    Optional<TernFunction> idempotencySweep() {
        return idempotencySweep;
    }

    HttpApi httpApi() {
        return httpApi;
    }

    Queue failedClickBatches() {
        return failedClickBatches;
    }
}
