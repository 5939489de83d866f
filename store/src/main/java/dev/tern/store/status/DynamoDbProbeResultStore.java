package dev.tern.store.status;

import static dev.tern.store.status.HealthTable.n;
import static dev.tern.store.status.HealthTable.s;

import dev.tern.core.status.Component;
import dev.tern.core.status.Outcome;
import dev.tern.core.status.ProbeResult;
import dev.tern.core.status.ProbeResultStore;
import dev.tern.core.status.ProbeRound;
import dev.tern.core.status.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ProbeResultStore} on the health table. One item per round, so that replacing a round is one
 * {@code PutItem} and a reader sees all of it or none:
 *
 * <pre>
 * pk S = "round#" + UTC day (2026-11-23) | sk S = minute (2026-11-23T10:15Z) + "#" + probing region
 * results L of M {t: target region, c: component id, at: N epoch ms, o: outcome, l: N latency ms, d: detail}
 * expiresAt N = minute + 90 days, epoch seconds (the table's TTL)
 * </pre>
 *
 * A read queries each day's partition in the range (consistent reads: this region's own rounds are
 * seen at once; other regions' once replicated, as the port allows). A day holds at most 1,440 rounds
 * per probing region.
 */
public final class DynamoDbProbeResultStore implements ProbeResultStore {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final String RESULTS = "results";

    private final DynamoDbClient client;
    private final String tableName;

    /** A store on the health table {@code tableName}, sharing {@code client}. */
    public DynamoDbProbeResultStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public void save(ProbeRound round) {
        List<AttributeValue> results = new ArrayList<>();
        for (ProbeResult r : round.results()) {
            results.add(AttributeValue.fromM(Map.of(
                    "t", s(r.targetRegion().code()),
                    "c", s(r.component().id()),
                    "at", n(r.time().toEpochMilli()),
                    "o", s(r.outcome().name()),
                    "l", n(r.latencyMillis()),
                    "d", s(r.detail()))));
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HealthTable.PK, s(partition(round.minute())));
        item.put(HealthTable.SK, s(sortKey(round.minute(), round.probingRegion())));
        item.put(RESULTS, AttributeValue.fromL(results));
        item.put(HealthTable.EXPIRES_AT, n(round.minute().plus(RETENTION).getEpochSecond()));
        try {
            client.putItem(r -> r.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw HealthTable.translate(e, tableName, "saving a probe round");
        }
    }

    @Override
    public List<ProbeResult> results(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        Instant firstMinute = from.truncatedTo(ChronoUnit.MINUTES);
        Instant lastMinute = to.minusNanos(1).truncatedTo(ChronoUnit.MINUTES);
        List<ProbeResult> out = new ArrayList<>();
        LocalDate last = day(lastMinute);
        for (LocalDate day = day(firstMinute); !day.isAfter(last); day = day.plusDays(1)) {
            // "minute#region" sorts after "minute" and before the next minute: BETWEEN first and last + "#~".
            query(day.toString(), MINUTE.format(firstMinute), MINUTE.format(lastMinute) + "#~", from, to, out);
        }
        out.sort(ProbeResult.ORDER);
        return out;
    }

    private void query(String day, String low, String high, Instant from, Instant to, List<ProbeResult> out) {
        try {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                        .expressionAttributeNames(Map.of("#pk", HealthTable.PK, "#sk", HealthTable.SK))
                        .expressionAttributeValues(Map.of(":pk", s("round#" + day), ":low", s(low), ":high", s(high)));
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse page = client.query(request.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    readRound(item, from, to, out);
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw HealthTable.translate(e, tableName, "reading probe rounds");
        }
    }

    private static void readRound(Map<String, AttributeValue> item, Instant from, Instant to, List<ProbeResult> out) {
        String sk = item.get(HealthTable.SK).s();
        int hash = sk.indexOf('#');
        Instant minute = Instant.from(MINUTE.parse(sk.substring(0, hash)));
        if (minute.isBefore(from) || !minute.isBefore(to)) {
            return;
        }
        Region probing = Region.of(sk.substring(hash + 1));
        for (AttributeValue value : item.get(RESULTS).l()) {
            Map<String, AttributeValue> r = value.m();
            Instant time = Instant.ofEpochMilli(Long.parseLong(r.get("at").n()));
            out.add(new ProbeResult(probing, Region.of(r.get("t").s()), Component.fromId(r.get("c").s()), time,
                    Outcome.valueOf(r.get("o").s()), Long.parseLong(r.get("l").n()), r.get("d").s()));
        }
    }

    static String partition(Instant minute) {
        return "round#" + day(minute);
    }

    static String sortKey(Instant minute, Region probingRegion) {
        return MINUTE.format(minute) + "#" + probingRegion.code();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
