package dev.tern.store;

import dev.tern.core.abuse.AbuseReason;
import dev.tern.core.abuse.AbuseReport;
import dev.tern.core.abuse.AbuseReportPage;
import dev.tern.core.abuse.AbuseReportStore;
import dev.tern.core.error.InvalidRequestException;
import dev.tern.core.link.Creator;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Abuse reports as items of the clicks table (partition {@code code}, sort key {@code sk}), two per
 * report written in one transaction (the clicks table is always MREC, so it has transactions):
 *
 * <pre>
 * code = "#abuse"        | sk = "&lt;at&gt;#&lt;id&gt;" | reported S | reason S | comment S? | reporter S | at S   (all reports)
 * code = "#abuse/&lt;code&gt;" | sk = "&lt;at&gt;#&lt;id&gt;" | the same attributes                               (one link's)
 * </pre>
 *
 * Neither partition is a short code ({@code #} is outside the alphabet), and the items carry none of
 * the click counters' or the ranking index's attributes. Listing is one {@code Query} newest first
 * ({@code at} is fixed-width ISO-8601, so text order is time order); the cursor is the base64url
 * of the last {@code sk}. Reports are written by the region that received them with random ids, so
 * no two regions write one item.
 */
public final class DynamoDbAbuseReportStore implements AbuseReportStore {
    static final String ALL = "#abuse";
    static final String PER_CODE = "#abuse/";
    private static final Pattern SORT_KEY = Pattern.compile("^[0-9T:.Z-]{30}#[A-Za-z0-9_-]{1,64}$");

    private final DynamoDbClient client;
    private final String tableName;

    /** A store on the clicks table {@code tableName}. */
    public DynamoDbAbuseReportStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public void add(AbuseReport report) {
        String sk = StoredInstants.format(report.at()) + "#" + report.id();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TernTables.CLICK_SORT_KEY, AttributeValue.fromS(sk));
        item.put("reported", AttributeValue.fromS(report.code().value()));
        item.put("reason", AttributeValue.fromS(report.reason().name()));
        if (!report.comment().isEmpty()) {
            item.put("comment", AttributeValue.fromS(report.comment()));
        }
        item.put("reporter", AttributeValue.fromS(report.reporter().id()));
        item.put("at", AttributeValue.fromS(StoredInstants.format(report.at())));
        Map<String, AttributeValue> all = new HashMap<>(item);
        all.put(TernTables.CLICK_KEY, AttributeValue.fromS(ALL));
        Map<String, AttributeValue> perCode = new HashMap<>(item);
        perCode.put(TernTables.CLICK_KEY, AttributeValue.fromS(PER_CODE + report.code().value()));
        try {
            client.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(all).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(perCode).build()).build()));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "storing an abuse report");
        }
    }

    @Override
    public AbuseReportPage list(Optional<ShortCode> code, Optional<String> cursor, int limit) {
        String partition = code.map(c -> PER_CODE + c.value()).orElse(ALL);
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", TernTables.CLICK_KEY))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                .scanIndexForward(false)
                .limit(limit);
        cursor.ifPresent(c -> request.exclusiveStartKey(Map.of(TernTables.CLICK_KEY, AttributeValue.fromS(partition),
                TernTables.CLICK_SORT_KEY, AttributeValue.fromS(decode(c)))));
        try {
            QueryResponse response = client.query(request.build());
            List<AbuseReport> reports = new ArrayList<>();
            for (Map<String, AttributeValue> item : response.items()) {
                reports.add(report(item));
            }
            Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(encode(response.lastEvaluatedKey().get(TernTables.CLICK_SORT_KEY).s()))
                    : Optional.empty();
            return new AbuseReportPage(reports, next);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "listing abuse reports");
        }
    }

    private static AbuseReport report(Map<String, AttributeValue> item) {
        String sk = item.get(TernTables.CLICK_SORT_KEY).s();
        AttributeValue comment = item.get("comment");
        return new AbuseReport(sk.substring(sk.indexOf('#') + 1), new ShortCode(item.get("reported").s()),
                AbuseReason.valueOf(item.get("reason").s()), comment == null ? "" : comment.s(),
                new Creator(item.get("reporter").s()), StoredInstants.parse(item.get("at").s(), "at"));
    }

    private static String encode(String sk) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sk.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (SORT_KEY.matcher(sk).matches()) {
                return sk;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw InvalidRequestException.of("The cursor is not one this listing gave out");
    }
}
