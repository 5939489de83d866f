package dev.tern.infra;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** An SNS topic that e-mails the operator, and alarms that publish to it. */
final class Alarms {
    private final Construct scope;
    private final SnsAction action;

    Alarms(Construct scope, InfraSettings settings) {
        this.scope = scope;
        Topic topic = Topic.Builder.create(scope, "AlarmTopic")
                .displayName("Tern alarms")
                .enforceSsl(true)
                .build();
        topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
        Nag.suppress(topic, "AwsSolutions-SNS2",
                "Alarm notifications carry no personal or secret data, and CloudWatch alarms cannot publish to a topic"
                        + " encrypted with the AWS managed SNS key; a customer key would cost more than it protects.");
        this.action = new SnsAction(topic);
    }

    /** An alarm when {@code metric} is at least {@code threshold} in {@code periods} consecutive periods. */
    Alarm atLeast(String id, String description, IMetric metric, double threshold, int periods) {
        return alarm(id, description, metric, threshold, periods, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
    }

    /** An alarm when {@code metric} is below {@code threshold} in {@code periods} consecutive periods. */
    Alarm below(String id, String description, IMetric metric, double threshold, int periods) {
        return alarm(id, description, metric, threshold, periods, ComparisonOperator.LESS_THAN_THRESHOLD);
    }

    private Alarm alarm(String id, String description, IMetric metric, double threshold, int periods,
            ComparisonOperator comparison) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(comparison)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        return alarm;
    }
}
