package dev.tern.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Tern Lambda function: Java 21 from the reactor's zip, SnapStart on published versions, its own
 * log group with the deployment's retention, and the alias {@value #ALIAS} on the current version,
 * which is what every caller (HTTP API integration, log subscription) invokes. Callers never invoke
 * {@code $LATEST}: SnapStart applies to published versions only.
 */
final class TernFunction extends Construct {
    /** The alias every caller invokes. */
    static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;
    private final LogGroup logGroup;

    TernFunction(Construct scope, String id, String handler, String description, int memoryMb, Duration timeout,
            Map<String, String> environment, Code code, InfraSettings settings) {
        super(scope, id);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(retention(settings.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        function = Function.Builder.create(this, "Function")
                // The generation is part of the description so that raising it updates the function, and
                // CloudFormation resolves the secrets in its environment again.
                .description(description + " (secrets generation " + settings.secretsGeneration() + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(settings.architecture() == InfraSettings.CpuArchitecture.ARM64
                        ? Architecture.ARM_64 : Architecture.X86_64)
                .handler(handler)
                .code(code)
                .memorySize(memoryMb)
                .timeout(timeout)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .logGroup(logGroup)
                // Plain text: each stdout line is one log event as written, so the click channel's filter
                // { $.type = "tern.click" } sees the click line itself (the JSON format would wrap it).
                .loggingFormat(LoggingFormat.TEXT)
                .environment(environment)
                .build();
        // Every caller invokes the alias on a published version (below), which is where SnapStart applies.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "The function is only invoked through the alias on its current published version.");
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        Nag.suppress(this, "AwsSolutions-L1",
                "Tern's code is compiled for Java 21 (the project's release level); moving to a newer runtime is a"
                        + " build decision, not a deployment one.");
        Nag.suppress(this, "AwsSolutions-IAM4",
                "AWSLambdaBasicExecutionRole only lets the function write its own logs; the CDK attaches it to"
                        + " every function role.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
    }

    Function function() {
        return function;
    }

    /** The alias on the current published version: what callers invoke. */
    Alias alias() {
        return alias;
    }

    LogGroup logGroup() {
        return logGroup;
    }

    static RetentionDays retention(int days) {
        return switch (days) {
            case 7 -> RetentionDays.ONE_WEEK;
            case 14 -> RetentionDays.TWO_WEEKS;
            case 30 -> RetentionDays.ONE_MONTH;
            case 60 -> RetentionDays.TWO_MONTHS;
            case 90 -> RetentionDays.THREE_MONTHS;
            case 120 -> RetentionDays.FOUR_MONTHS;
            case 150 -> RetentionDays.FIVE_MONTHS;
            case 180 -> RetentionDays.SIX_MONTHS;
            case 365 -> RetentionDays.ONE_YEAR;
            case 400 -> RetentionDays.THIRTEEN_MONTHS;
            case 545 -> RetentionDays.EIGHTEEN_MONTHS;
            case 731 -> RetentionDays.TWO_YEARS;
            case 1096 -> RetentionDays.THREE_YEARS;
            case 1827 -> RetentionDays.FIVE_YEARS;
            case 2192 -> RetentionDays.SIX_YEARS;
            case 2557 -> RetentionDays.SEVEN_YEARS;
            case 2922 -> RetentionDays.EIGHT_YEARS;
            case 3288 -> RetentionDays.NINE_YEARS;
            case 3653 -> RetentionDays.TEN_YEARS;
            default -> throw new IllegalArgumentException("no CloudWatch Logs retention of " + days + " days");
        };
    }
}
