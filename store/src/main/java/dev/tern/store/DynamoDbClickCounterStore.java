package dev.tern.store;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link ClickCounterStore} on a DynamoDB table with partition key {@code code} (the link) and sort
 * key {@code sk}. Every item is written by one region only (the {@code region} given here), so a
 * global table's last-writer-wins replication never has two regions' writes to one item to choose
 * between:
 *
 * <pre>
 * T#&lt;region&gt;                  n                  clicks counted in that region, ever
 * D#&lt;yyyy-MM-dd&gt;#&lt;region&gt;     n, r:&lt;host&gt;, c:&lt;CC&gt;, v:&lt;class&gt;   that UTC day's clicks and their breakdown
 * B#&lt;region&gt;#&lt;batchId&gt;        expiresAt (TTL), appliedAt   marker: this batch was counted for this link
 * </pre>
 *
 * <p>{@link #add} is one {@code TransactWriteItems} per (batch, link): put the marker on condition
 * that it does not exist, and {@code ADD} to the total and to each day item (no read). If the
 * marker's condition fails the batch was counted before, and the call returns without counting it
 * again: exactly once, however often a batch is retried (within the marker's
 * {@value #MARKER_LIFETIME_DAYS}-day lifetime).
 *
 * <p>Bounds that keep a day item under DynamoDB's 400 KB item limit and an update under its 4 KB
 * expression limit (see the ADR): one write adds at most {@value #MAX_KEYS_PER_WRITE} referrer hosts and as
 * many countries, the least frequent of the rest being summed under {@value #OTHER}. If a day item is
 * full nonetheless (a link with tens of thousands of distinct referrer hosts in a day), its further
 * clicks go to an overflow item {@code D#<day>#<region>#overflow} that keeps referrers only as
 * {@value #OTHER}, so counts stay exact and only the referrer breakdown is coarser. A tally of more
 * than {@value #MAX_DAYS_PER_TRANSACTION} days (migrated history) is written as several
 * transactions, each with its own marker ({@code B<i>#<region>#<batchId>} for the i-th), so each part
 * is exactly-once and a retry completes what a failure interrupted.
 *
 * <p>Uses the low-level client: the attribute names are data (hosts, countries), which the Enhanced
 * Client's fixed schemas do not express.
 */
public final class DynamoDbClickCounterStore implements ClickCounterStore {
    /** Where referrers or countries beyond the per-write bound, or on an overflow item, are counted. */
    public static final String OTHER = "(other)";
    /** The most referrer hosts (and, separately, countries) one write adds to a day item. */
    public static final int MAX_KEYS_PER_WRITE = 100;
    static final int MAX_DAYS_PER_TRANSACTION = 25;
    static final long MARKER_LIFETIME_DAYS = 7;
    static final Duration MARKER_LIFETIME = Duration.ofDays(MARKER_LIFETIME_DAYS);
    static final String COUNT = "n";
    static final String APPLIED_AT = "appliedAt";
    static final String REFERRER = "r:";
    static final String COUNTRY = "c:";
    static final String VISITOR = "v:";
    static final String OVERFLOW_SUFFIX = "#overflow";
    private static final Pattern REGION = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    private final DynamoDbClient client;
    private final String tableName;
    private final String region;
    private final Clock clock;

    /**
     * A store on {@code tableName}, sharing {@code client}, counting under {@code region}.
     *
     * @param region the name clicks are counted under here: 1-64 characters of {@code [A-Za-z0-9_.-]},
     *               unique to this region (or to this writer, such as the migration)
     */
    public DynamoDbClickCounterStore(DynamoDbClient client, String tableName, String region) {
        this(client, tableName, region, Clock.systemUTC());
    }

    DynamoDbClickCounterStore(DynamoDbClient client, String tableName, String region, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("click region '" + region + "' must be 1-64 characters of A-Z, a-z, 0-9, '_', '.', '-'");
        }
    }

    @Override
    public void add(String batchId, ClickTally tally) {
        Objects.requireNonNull(batchId, "batchId");
        List<Map.Entry<LocalDate, DayTally>> days = new ArrayList<>(tally.days().entrySet());
        for (int part = 0, from = 0; from < days.size(); part++, from += MAX_DAYS_PER_TRANSACTION) {
            addOnce(markerKey(part, batchId), tally.code(), days.subList(from, Math.min(days.size(), from + MAX_DAYS_PER_TRANSACTION)));
        }
    }

    /** Clicks counted in every region: a strongly consistent query of the {@code T#} items. */
    @Override
    public long total(ShortCode code) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#code = :code AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#code", TernTables.CLICK_KEY, "#sk", TernTables.CLICK_SORT_KEY, "#n", COUNT))
                .expressionAttributeValues(Map.of(":code", string(code.value()), ":prefix", string("T#")))
                .projectionExpression("#n")
                .consistentRead(true)
                .build();
        try {
            long total = 0;
            for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
                total += number(item.get(COUNT));
            }
            return total;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "reading a click total");
        }
    }

    /**
     * The link's counters per UTC day from {@code from} to {@code to} (both included), summed over
     * regions; days without clicks are absent. An eventually consistent query, for statistics pages.
     */
    @Override
    public SortedMap<LocalDate, DayTally> days(ShortCode code, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Collections.emptySortedMap();
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#code = :code AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#code", TernTables.CLICK_KEY, "#sk", TernTables.CLICK_SORT_KEY))
                .expressionAttributeValues(Map.of(":code", string(code.value()),
                        ":from", string("D#" + from), ":to", string("D#" + to + "#~")))
                .build();
        SortedMap<LocalDate, DayTally> days = new TreeMap<>();
        try {
            for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
                String sk = item.get(TernTables.CLICK_SORT_KEY).s();
                days.merge(LocalDate.parse(sk.substring(2, 12)), dayTally(item), DayTally::plus);
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "reading daily click counts");
        }
        return Collections.unmodifiableSortedMap(days);
    }

    // ---------------------------------------------------------------------------------------------

    private void addOnce(String marker, ShortCode code, List<Map.Entry<LocalDate, DayTally>> days) {
        long clicks = days.stream().mapToLong(day -> day.getValue().clicks()).sum();
        Set<LocalDate> overflowing = new HashSet<>();
        while (true) {
            List<TransactWriteItem> items = new ArrayList<>(days.size() + 2);
            items.add(markerPut(code, marker));
            items.add(addTo(code, "T#" + region, Map.of(COUNT, clicks)));
            for (Map.Entry<LocalDate, DayTally> day : days) {
                boolean overflow = overflowing.contains(day.getKey());
                String sk = "D#" + day.getKey() + "#" + region + (overflow ? OVERFLOW_SUFFIX : "");
                items.add(addTo(code, sk, dayCounters(day.getValue(), overflow)));
            }
            try {
                client.transactWriteItems(r -> r.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return; // the marker exists: this batch was counted for this link before
                }
                // A day item that would exceed 400 KB cancels with ValidationError: count that day on
                // its overflow item instead. Reasons come in the order of the items (marker, total, days).
                boolean redirected = false;
                for (int i = 0; i < days.size() && i + 2 < reasons.size(); i++) {
                    if ("ValidationError".equals(reasons.get(i + 2).code())) {
                        redirected |= overflowing.add(days.get(i).getKey());
                    }
                }
                if (!redirected) {
                    throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "counting clicks");
                }
            } catch (SdkException e) {
                throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "counting clicks");
            }
        }
    }

    /** {@code B#<region>#<batchId>}, or {@code B<part>#<region>#<batchId>} for later parts of a long tally. */
    private String markerKey(int part, String batchId) {
        return "B" + (part == 0 ? "" : Integer.toString(part)) + "#" + region + "#" + batchId;
    }

    private TransactWriteItem markerPut(ShortCode code, String marker) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = Map.of(
                TernTables.CLICK_KEY, string(code.value()),
                TernTables.CLICK_SORT_KEY, string(marker),
                TernTables.EXPIRES_AT, AttributeValue.builder().n(Long.toString(now.plus(MARKER_LIFETIME).getEpochSecond())).build(),
                APPLIED_AT, string(StoredInstants.format(now)));
        return TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY))).build();
    }

    /** {@code ADD} each counter to the item: no read, and concurrent writers (of one region) add up. */
    private TransactWriteItem addTo(ShortCode code, String sk, Map<String, Long> counters) {
        StringBuilder expression = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            String id = Integer.toString(i++, 36);
            if (i > 1) {
                expression.append(',');
            }
            expression.append('#').append(id).append(" :").append(id);
            names.put("#" + id, counter.getKey());
            values.put(":" + id, AttributeValue.builder().n(Long.toString(counter.getValue())).build());
        }
        Map<String, AttributeValue> key = Map.of(TernTables.CLICK_KEY, string(code.value()), TernTables.CLICK_SORT_KEY, string(sk));
        return TransactWriteItem.builder().update(u -> u.tableName(tableName).key(key)
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    /** A day's counters as attributes; on an overflow item every referrer is counted as {@value #OTHER}. */
    static Map<String, Long> dayCounters(DayTally day, boolean overflow) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(COUNT, day.clicks());
        Map<String, Long> referrers = overflow
                ? (day.referrers().isEmpty() ? Map.of() : Map.of(OTHER, day.referrers().values().stream().mapToLong(Long::longValue).sum()))
                : bounded(day.referrers());
        referrers.forEach((host, n) -> counters.put(REFERRER + host, n));
        bounded(day.countries()).forEach((country, n) -> counters.put(COUNTRY + country, n));
        day.visitors().forEach((visitor, n) -> counters.put(VISITOR + visitor.slug(), n));
        return counters;
    }

    /** The {@value #MAX_KEYS_PER_WRITE} largest counts as they are; the rest summed under {@value #OTHER}. */
    static Map<String, Long> bounded(Map<String, Long> counts) {
        if (counts.size() <= MAX_KEYS_PER_WRITE) {
            return counts;
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> kept = new LinkedHashMap<>();
        long other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_KEYS_PER_WRITE) {
                kept.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            } else {
                other += sorted.get(i).getValue();
            }
        }
        kept.merge(OTHER, other, Long::sum);
        return kept;
    }

    private static DayTally dayTally(Map<String, AttributeValue> item) {
        long clicks = 0;
        Map<String, Long> referrers = new TreeMap<>();
        Map<String, Long> countries = new TreeMap<>();
        Map<VisitorClass, Long> visitors = new EnumMap<>(VisitorClass.class);
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            if (name.equals(COUNT)) {
                clicks = number(attribute.getValue());
            } else if (name.startsWith(REFERRER)) {
                referrers.put(name.substring(REFERRER.length()), number(attribute.getValue()));
            } else if (name.startsWith(COUNTRY)) {
                countries.put(name.substring(COUNTRY.length()), number(attribute.getValue()));
            } else if (name.startsWith(VISITOR)) {
                visitorClass(name.substring(VISITOR.length())).ifPresent(v -> visitors.put(v, number(attribute.getValue())));
            }
        }
        return new DayTally(clicks, referrers, countries, visitors);
    }

    private static Optional<VisitorClass> visitorClass(String slug) {
        try {
            return Optional.of(VisitorClass.fromSlug(slug));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty(); // written by a newer version: ignored, not fatal
        }
    }

    private static long number(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
