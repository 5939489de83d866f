package dev.tern.infra;

import dev.tern.store.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * One region's alarms, e-mailed through the region's topic: the HTTP API's 5xx rate, the redirect's p99
 * duration, throttles of any function, the status probe's failures, click aggregation errors, event
 * age and failed batches, and
 * (for tables replicated by MREC) the replication latency to every other region.
 */
final class RegionAlarms extends Construct {
    static final Duration PERIOD = Duration.minutes(5);
    /** Percent of requests answered 5xx over 5 minutes. */
    static final double SERVER_ERROR_PERCENT = 1;
    /** The redirect function's p99 duration, ms: the warm redirect is one GetItem, far below this. */
    static final double REDIRECT_P99_MILLIS = 1000;
    /** The oldest click batch waiting for the aggregation, ms. */
    static final double CLICK_EVENT_AGE_MILLIS = 10 * 60 * 1000;
    /** Replication latency to another region, ms (typically under a second). */
    static final double REPLICATION_LATENCY_MILLIS = 30_000;
    /** Failed status-probe runs (one a minute) in 5 minutes. */
    static final double PROBE_FAILURES = 3;

    RegionAlarms(Construct scope, String id, InfraSettings settings, String region, RegionStack stack) {
        super(scope, id);
        Alarms alarms = new Alarms(this, settings);
        MetricOptions fiveMinuteSum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();

        IMetric serverErrorRate = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * errors / requests, 0)")
                .usingMetrics(Map.of(
                        "errors", stack.httpApi().metricServerError(fiveMinuteSum),
                        "requests", stack.httpApi().metricCount(fiveMinuteSum)))
                .period(PERIOD)
                .label("5xx %")
                .build();
        alarms.atLeast("ServerErrorRate", "Tern " + region + ": at least " + SERVER_ERROR_PERCENT
                + " % of requests answered 5xx for 10 minutes", serverErrorRate, SERVER_ERROR_PERCENT, 2);

        alarms.atLeast("RedirectLatencyP99", "Tern " + region + ": the redirect function's p99 duration reached "
                        + (int) REDIRECT_P99_MILLIS + " ms for 15 minutes",
                stack.site().function().metricDuration(MetricOptions.builder().period(PERIOD).statistic("p99").build()),
                REDIRECT_P99_MILLIS, 3);

        Map<String, IMetric> throttles = new LinkedHashMap<>();
        List<TernFunction> functions = new java.util.ArrayList<>(List.of(stack.site(), stack.siteCreate(), stack.api(),
                stack.yourls(), stack.aggregation(), stack.statusProbe()));
        stack.idempotencySweep().ifPresent(functions::add);
        for (int i = 0; i < functions.size(); i++) {
            throttles.put("t" + i, functions.get(i).function().metricThrottles(fiveMinuteSum));
        }
        alarms.atLeast("Throttles", "Tern " + region + ": a function was throttled (concurrency limit reached)",
                MathExpression.Builder.create().expression("SUM([" + String.join(",", throttles.keySet()) + "])")
                        .usingMetrics(throttles).period(PERIOD).label("throttles").build(), 1, 1);

        // The probe runs every minute: three failed runs in five minutes is not one slow check.
        alarms.atLeast("HealthProbeFailures", "Tern " + region + ": the status probe failed " + PROBE_FAILURES
                        + " times in 5 minutes; the status page is not being updated from this region",
                stack.statusProbe().function().metricErrors(fiveMinuteSum), PROBE_FAILURES, 1);
        alarms.atLeast("ClickAggregationErrors", "Tern " + region + ": the click aggregation failed (batches are retried)",
                stack.aggregation().function().metricErrors(fiveMinuteSum), 1, 1);
        alarms.atLeast("ClickAggregationAge", "Tern " + region + ": click batches wait over 10 minutes to be counted",
                Metric.Builder.create().namespace("AWS/Lambda").metricName("AsyncEventAge")
                        .dimensionsMap(Map.of("FunctionName", stack.aggregation().function().getFunctionName()))
                        .statistic("Maximum").period(PERIOD).build(),
                CLICK_EVENT_AGE_MILLIS, 1);
        alarms.atLeast("FailedClickBatches", "Tern " + region + ": click batches gave up after their retries; replay"
                        + " them (docs/DEPLOYING.md) once the cause is fixed",
                stack.failedClickBatches().metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(PERIOD).statistic("Maximum").build()), 1, 1);

        for (TableDefinition definition : Tables.definitions(settings)) {
            if (definition.replication() != TableDefinition.Replication.GLOBAL
                    || Tables.stronglyConsistent(definition, settings)) {
                continue;
            }
            for (String receiving : settings.regions()) {
                if (receiving.equals(region)) {
                    continue;
                }
                alarms.atLeast("ReplicationLatency" + DataStack.idOf(definition) + receiving.replace("-", ""),
                        "Tern " + region + ": " + definition.name() + " takes over 30 s to replicate to " + receiving,
                        Metric.Builder.create().namespace("AWS/DynamoDB").metricName("ReplicationLatency")
                                .dimensionsMap(Map.of("TableName", definition.name(), "ReceivingRegion", receiving))
                                .statistic("Average").period(PERIOD).build(),
                        REPLICATION_LATENCY_MILLIS, 2);
            }
        }
    }
}
