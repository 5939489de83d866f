package dev.tern.store;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.ShortCode;
import dev.tern.core.settings.Setting;
import dev.tern.core.yourls.LinkRanking;
import dev.tern.core.yourls.RankOrder;
import dev.tern.core.yourls.RankedLink;
import dev.tern.core.yourls.SiteTotals;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
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
 * U#&lt;region&gt;#&lt;batchId&gt;        expiresAt (TTL), appliedAt   marker: these undated clicks were counted ({@link #addUndated})
 * R                           n, rankKey, rank   the link's rank: its total when last brought up to date
 * </pre>
 *
 * <p>and, under the partition {@value #TOTALS_PARTITION} (no short code has a {@code #}), the site's
 * totals in {@value #TOTALS_SHARDS} shards per region, {@code T#<region>#<shard>} with {@code links}
 * and {@code clicks}, each also written by its region only; under a batch's partition
 * {@code #batch#<region>#<batchId>}, the markers {@code C#<first code>} of {@link #addAll}'s chunks.
 *
 * <p><b>Ranking</b> ({@link LinkRanking}, for YOURLS's {@code stats} and {@code db-stats}; the design
 * and its costs are in {@code docs/adr/2026-11-23-yourls-api.md}). The rank items form the sparse
 * index {@code byRank}: one partition ({@code rankKey = "rank"}), sorted by {@code rank} =
 * {@code <20-digit total>#<code>}. {@link #add} and {@link #addUndated} add their clicks to the
 * region's totals shard inside their exactly-once transaction, then bring the link's rank up to its
 * total (a strongly consistent read of the {@code T#} items and one conditional update that only ever
 * raises it, so a rank written from a stale view in another region is corrected by the link's next
 * batch, and a retried batch changes nothing). {@link #register} writes a link's rank item and counts
 * it in the totals, once (a conditional put in one transaction with the count); {@link #unregister}
 * undoes that.
 *
 * <p>The rank item is the one item written from every region: two regions registering one link at
 * the same moment could count it twice in the totals; the window is the replication lag, and only
 * the {@code links} figure of {@code db-stats} is affected.
 *
 * <p>{@link #addAll} (the click aggregator's call) writes a batch's links in transactions of a few
 * dozen links with one marker each; see there. {@link #add} is one {@code TransactWriteItems} per (batch, link): put the marker on condition
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
public final class DynamoDbClickCounterStore implements ClickCounterStore, LinkRanking {
    /** The partition of the site's totals. */
    static final String TOTALS_PARTITION = "#totals";
    /** Shards of one region's totals, so that concurrent batches rarely write one item. */
    static final int TOTALS_SHARDS = 16;
    static final String RANK_SK = "R";
    static final String RANK_KEY_VALUE = "rank";
    static final String LINKS = "links";
    static final String CLICKS = "clicks";
    /** Where referrers or countries beyond the per-write bound, or on an overflow item, are counted. */
    public static final String OTHER = "(other)";
    /** The most referrer hosts (and, separately, countries) one write adds to a day item. */
    public static final int MAX_KEYS_PER_WRITE = 100;
    static final int MAX_DAYS_PER_TRANSACTION = 25;
    /**
     * Items per transaction of {@link #addAll}: its marker, one totals shard and, per link, its total
     * and its day items. DynamoDB takes 100; fewer keep a transaction that collides with another
     * aggregator's (both counting a hot link) cheap to retry, and 50 already spread the chunk's two
     * fixed writes over about 24 links.
     */
    static final int CHUNK_ITEMS = 50;
    static final String BATCH_PARTITION_PREFIX = "#batch#";
    static final String CHUNK_MARKER_PREFIX = "C#";
    static final String CHUNK_CODES = "codes";
    static final String PER_LINK = "perLink";
    /** Links per transaction of {@link #registerImported}: at most 3 items each, plus one totals shard (≤ 100 items). */
    static final int IMPORT_GROUP = 33;
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
    private final int chunkItems;

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
        this(client, tableName, region, clock, CHUNK_ITEMS);
    }

    /** With another chunk size: tests show that a retry packed differently still counts every link once. */
    DynamoDbClickCounterStore(DynamoDbClient client, String tableName, String region, Clock clock, int chunkItems) {
        if (chunkItems < 4 || chunkItems > 100) {
            throw new IllegalArgumentException("chunkItems must be 4-100, not " + chunkItems);
        }
        this.chunkItems = chunkItems;
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
        if (!days.isEmpty()) {
            raiseRank(tally.code());
        }
    }

    /**
     * A batch's tallies in a few transactions ("chunks") instead of one per link: the links, sorted
     * by code, are packed into transactions of at most {@value #CHUNK_ITEMS} items, each holding per
     * link its {@code T#} total and its day items, plus one totals shard and one chunk marker. Per
     * link that saves the marker and the totals-shard write of {@link #add}, about half the cost of
     * counting a broad mix of links ({@code docs/PERFORMANCE.md}, section 7). Then every link's rank
     * is brought up to date, as {@link #add} does.
     *
     * <p><b>Exactly once.</b> A chunk marker lives in the batch's own partition,
     * {@code #batch#<region>#<batchId>}, sort key {@code C#<first code>}, and lists the chunk's codes.
     * Before writing, one strongly consistent query reads the batch's markers: links a marker lists
     * were counted and are skipped, whatever packing a retry would choose. A chunk that cannot be one
     * transaction (a day item that is full, which {@link #add} handles with its overflow item; a
     * tally of more days than a chunk holds) gets a marker with {@code perLink} set first and its
     * links are then added one by one by {@link #add}, each exactly once by its own marker; a retry
     * sees that marker and does the same. A chunk whose marker appears meanwhile (the same batch
     * being applied concurrently) makes this call read the markers again and go on with what is
     * left.
     */
    @Override
    public void addAll(String batchId, List<ClickTally> tallies) {
        Objects.requireNonNull(batchId, "batchId");
        SortedMap<String, ClickTally> remaining = new TreeMap<>();
        for (ClickTally tally : tallies) {
            if (!tally.days().isEmpty() && remaining.put(tally.code().value(), tally) != null) {
                throw new IllegalArgumentException("two tallies for " + tally.code().value() + " in batch " + batchId);
            }
        }
        List<ShortCode> toRank = new ArrayList<>();
        List<ClickTally> linkByLink = new ArrayList<>();
        RuntimeException failure = null;
        for (int round = 0; !remaining.isEmpty(); round++) {
            if (round > 5) {
                throw new StoreUnavailableException("batch " + batchId + " is being counted elsewhere at the same time",
                        Duration.ofSeconds(1), null);
            }
            chunkMarkers(batchId).forEach((code, perLink) -> {
                ClickTally tally = remaining.remove(code);
                if (tally != null) {
                    if (perLink) {
                        linkByLink.add(tally);
                    } else {
                        toRank.add(tally.code());
                    }
                }
            });
            for (List<ClickTally> chunk : chunks(remaining.values())) {
                ChunkOutcome outcome;
                try {
                    outcome = applyChunk(batchId, chunk);
                } catch (RuntimeException e) {
                    failure = keep(failure, e);
                    outcome = ChunkOutcome.FAILED;
                }
                if (outcome == ChunkOutcome.MARKED_MEANWHILE) {
                    break; // read the markers again
                }
                chunk.forEach(tally -> remaining.remove(tally.code().value()));
                if (outcome == ChunkOutcome.APPLIED) {
                    chunk.forEach(tally -> toRank.add(tally.code()));
                } else if (outcome == ChunkOutcome.LINK_BY_LINK) {
                    linkByLink.addAll(chunk);
                }
            }
        }
        for (ClickTally tally : linkByLink) {
            try {
                add(batchId, tally); // ranks the link too
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        for (ShortCode code : toRank) {
            try {
                raiseRank(code);
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private enum ChunkOutcome { APPLIED, LINK_BY_LINK, MARKED_MEANWHILE, FAILED }

    /** The first failure, with later ones suppressed by it. */
    private static RuntimeException keep(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /**
     * The tallies, in code order, packed greedily into chunks of at most {@link #chunkItems} items;
     * a tally that alone needs more has a chunk of its own (counted link by link).
     */
    private List<List<ClickTally>> chunks(Iterable<ClickTally> sorted) {
        List<List<ClickTally>> chunks = new ArrayList<>();
        List<ClickTally> chunk = new ArrayList<>();
        int items = 2; // the marker and the totals shard
        for (ClickTally tally : sorted) {
            int needs = 1 + tally.days().size();
            if (!chunk.isEmpty() && items + needs > chunkItems) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                items = 2;
            }
            chunk.add(tally);
            items += needs;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The codes the batch's chunk markers list, each mapped to whether its chunk is counted link by link. */
    private Map<String, Boolean> chunkMarkers(String batchId) {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#code = :code")
                .expressionAttributeNames(Map.of("#code", TernTables.CLICK_KEY))
                .expressionAttributeValues(Map.of(":code", string(batchPartition(batchId))))
                .consistentRead(true)
                .build();
        Map<String, Boolean> codes = new HashMap<>();
        try {
            for (Map<String, AttributeValue> marker : client.queryPaginator(request).items()) {
                boolean perLink = marker.containsKey(PER_LINK);
                AttributeValue listed = marker.get(CHUNK_CODES);
                if (listed != null && listed.hasSs()) {
                    listed.ss().forEach(code -> codes.put(code, perLink));
                }
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "reading a batch's markers");
        }
        return codes;
    }

    private ChunkOutcome applyChunk(String batchId, List<ClickTally> chunk) {
        ShortCode first = chunk.get(0).code();
        Map<String, AttributeValue> marker = chunkMarker(batchId, chunk);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(tableName).item(marker)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY))).build());
        long clicks = 0;
        for (ClickTally tally : chunk) {
            long linkClicks = tally.total();
            clicks += linkClicks;
            items.add(addTo(tally.code(), "T#" + region, Map.of(COUNT, linkClicks)));
            tally.days().forEach((day, counts) ->
                    items.add(addTo(tally.code(), "D#" + day + "#" + region, dayCounters(counts, false))));
        }
        items.add(addToTotals(first, Map.of(CLICKS, clicks)));
        if (items.size() > chunkItems) {
            return putLinkByLinkMarker(batchId, chunk); // one tally of more days than a chunk holds
        }
        TransactionCanceledException cancelled = transactRetrying(items, "counting clicks");
        if (cancelled == null) {
            return ChunkOutcome.APPLIED;
        }
        if ("ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(0).code())) {
            return ChunkOutcome.MARKED_MEANWHILE;
        }
        // A day item that would exceed 400 KB (ValidationError): add() moves that day to its overflow item.
        return putLinkByLinkMarker(batchId, chunk);
    }

    /** The chunk's marker with {@code perLink} set, put unless a marker is there already. */
    private ChunkOutcome putLinkByLinkMarker(String batchId, List<ClickTally> chunk) {
        Map<String, AttributeValue> marker = new HashMap<>(chunkMarker(batchId, chunk));
        marker.put(PER_LINK, AttributeValue.fromBool(true));
        try {
            client.putItem(p -> p.tableName(tableName).item(marker)
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY)));
            return ChunkOutcome.LINK_BY_LINK;
        } catch (ConditionalCheckFailedException e) {
            return ChunkOutcome.MARKED_MEANWHILE;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "counting clicks");
        }
    }

    private Map<String, AttributeValue> chunkMarker(String batchId, List<ClickTally> chunk) {
        Map<String, AttributeValue> marker = markerItem(batchPartition(batchId),
                CHUNK_MARKER_PREFIX + chunk.get(0).code().value(), batchId.startsWith(PERMANENT_BATCH_PREFIX));
        marker.put(CHUNK_CODES, AttributeValue.fromSs(chunk.stream().map(tally -> tally.code().value()).toList()));
        return marker;
    }

    private String batchPartition(String batchId) {
        return BATCH_PARTITION_PREFIX + region + "#" + batchId;
    }

    /**
     * One transaction: a marker {@code U#<region>#<batchId>} on condition that it does not exist, and
     * {@code ADD} to the region's total of the link and to the site's totals; then the link's rank is
     * brought up to date. A failed condition means these clicks were counted before.
     */
    @Override
    public void addUndated(String batchId, ShortCode code, long clicks) {
        Objects.requireNonNull(batchId, "batchId");
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks cannot be negative: " + clicks);
        }
        if (clicks == 0) {
            return;
        }
        List<TransactWriteItem> items = List.of(
                markerPut(code, "U#" + region + "#" + batchId),
                addTo(code, "T#" + region, Map.of(COUNT, clicks)),
                addToTotals(code, Map.of(CLICKS, clicks)));
        try {
            client.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.isEmpty() || !"ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "counting undated clicks");
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "counting undated clicks");
        }
        raiseRank(code);
    }

    /**
     * Transactions of up to {@value #IMPORT_GROUP} links: per link, its undated clicks with their
     * marker (as {@link #addUndated}) and its rank item seeded with them, on condition that neither
     * exists; the site's totals added up once for the group. A group in which some link was counted or ranked
     * before (an earlier, interrupted import; a link clicked since) is cancelled as a whole and done
     * link by link instead, which ends in the same state.
     */
    @Override
    public void registerImported(String batchId, Map<ShortCode, Long> undatedClicks) {
        Objects.requireNonNull(batchId, "batchId");
        List<Map.Entry<ShortCode, Long>> entries = new ArrayList<>(undatedClicks.entrySet());
        for (Map.Entry<ShortCode, Long> entry : entries) {
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("clicks cannot be negative: " + entry.getValue() + " for " + entry.getKey().value());
            }
        }
        for (int from = 0; from < entries.size(); from += IMPORT_GROUP) {
            List<Map.Entry<ShortCode, Long>> group = entries.subList(from, Math.min(entries.size(), from + IMPORT_GROUP));
            if (!registerImportedGroup(batchId, group)) {
                for (Map.Entry<ShortCode, Long> entry : group) {
                    if (entry.getValue() > 0) {
                        addUndated(batchId, entry.getKey(), entry.getValue());
                    }
                    register(entry.getKey());
                }
            }
        }
    }

    /** @return {@code false} if some link of the group was counted or ranked before (nothing was written) */
    private boolean registerImportedGroup(String batchId, List<Map.Entry<ShortCode, Long>> group) {
        List<TransactWriteItem> items = new ArrayList<>(group.size() * 3 + TOTALS_SHARDS);
        Map<Integer, Map<String, Long>> shards = new HashMap<>();
        for (Map.Entry<ShortCode, Long> entry : group) {
            ShortCode code = entry.getKey();
            long clicks = entry.getValue();
            if (clicks > 0) {
                items.add(markerPut(code, "U#" + region + "#" + batchId));
                items.add(addTo(code, "T#" + region, Map.of(COUNT, clicks)));
            }
            Map<String, AttributeValue> rank = new HashMap<>(rankAttributes(code, clicks));
            rank.put(TernTables.CLICK_KEY, string(code.value()));
            rank.put(TernTables.CLICK_SORT_KEY, string(RANK_SK));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(tableName).item(rank)
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY))).build());
            // The site totals are a sum over every shard, so the whole group adds to one: one item per
            // group instead of up to sixteen (a group's own key spreads groups over the shards).
            Map<String, Long> shard = shards.computeIfAbsent(totalsShard(group.get(0).getKey()), k -> new HashMap<>());
            shard.merge(LINKS, 1L, Long::sum);
            if (clicks > 0) {
                shard.merge(CLICKS, clicks, Long::sum);
            }
        }
        shards.forEach((shard, counters) -> items.add(addTo(TOTALS_PARTITION, "T#" + region + "#" + shard, counters)));
        TransactionCanceledException cancelled = transactRetrying(items, "registering imported links");
        if (cancelled == null) {
            return true;
        }
        if (cancelled.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
            return false;
        }
        throw DynamoDbErrors.translate(cancelled, Setting.CLICKS_TABLE, tableName, "registering imported links");
    }

    /**
     * Runs the transaction, retrying throttling and transaction conflicts up to five times with a pause.
     *
     * @return {@code null} once it is applied, or its cancellation if an item's condition failed or an
     *         item was invalid (with its reasons; not retried)
     */
    private TransactionCanceledException transactRetrying(List<TransactWriteItem> items, String operation) {
        for (int attempt = 0; ; attempt++) {
            try {
                client.transactWriteItems(r -> r.transactItems(items));
                return null;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "ValidationError".equals(r.code()))) {
                    return e;
                }
                if (DynamoDbErrors.transientReason(e) == null || attempt >= 5) {
                    throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, operation);
                }
            } catch (SdkException e) {
                if (DynamoDbErrors.transientReason(e) == null || attempt >= 5) {
                    throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, operation);
                }
            }
            DynamoDbErrors.pause(attempt, operation);
        }
    }

    /**
     * A transaction: put the rank item (with the link's total so far) on condition that it does not
     * exist, and count one link in the region's totals shard. Already registered: nothing changes.
     */
    @Override
    public void register(ShortCode code) {
        long total = total(code);
        Map<String, AttributeValue> item = new HashMap<>(rankAttributes(code, total));
        item.put(TernTables.CLICK_KEY, string(code.value()));
        item.put(TernTables.CLICK_SORT_KEY, string(RANK_SK));
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(#sk)")
                        .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY))).build(),
                addToTotals(code, Map.of(LINKS, 1L)));
        transactOnce(items, "registering a link");
    }

    /** A transaction: delete the rank item on condition that it exists, and count one link less. */
    @Override
    public void unregister(ShortCode code) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(tableName).key(rankKey(code))
                        .conditionExpression("attribute_exists(#sk)")
                        .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY))).build(),
                addToTotals(code, Map.of(LINKS, -1L)));
        transactOnce(items, "unregistering a link");
    }

    /** A {@code Query} of the {@code byRank} index (eventually consistent), skipping {@code offset} entries. */
    @Override
    public List<RankedLink> ranked(RankOrder order, int offset, int limit) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1-1000, not " + offset + " and " + limit);
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TernTables.CLICKS_BY_RANK)
                .keyConditionExpression("#rk = :rk")
                .expressionAttributeNames(Map.of("#rk", TernTables.RANK_KEY, "#code", TernTables.CLICK_KEY, "#n", COUNT))
                .expressionAttributeValues(Map.of(":rk", string(RANK_KEY_VALUE)))
                .projectionExpression("#code, #n")
                .scanIndexForward(order == RankOrder.LEAST_CLICKED)
                .limit(Math.min(1000, offset + limit))
                .build();
        List<RankedLink> ranked = new ArrayList<>(limit);
        int seen = 0;
        try {
            for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
                if (seen++ < offset) {
                    continue;
                }
                ranked.add(new RankedLink(new ShortCode(item.get(TernTables.CLICK_KEY).s()), Math.max(0, number(item.get(COUNT)))));
                if (ranked.size() == limit) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "reading the click ranking");
        }
        return ranked;
    }

    /** A strongly consistent {@code Query} of the totals partition: every region's shards, added up. */
    @Override
    public SiteTotals totals() {
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#code = :code")
                .expressionAttributeNames(Map.of("#code", TernTables.CLICK_KEY))
                .expressionAttributeValues(Map.of(":code", string(TOTALS_PARTITION)))
                .consistentRead(true)
                .build();
        long links = 0;
        long clicks = 0;
        try {
            for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
                links += number(item.get(LINKS));
                clicks += number(item.get(CLICKS));
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "reading the site's totals");
        }
        return new SiteTotals(links, clicks);
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
            items.add(addToTotals(code, Map.of(CLICKS, clicks)));
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

    /**
     * Raises the link's rank to its total: one update on condition that the rank item exists and holds
     * less. No rank item yet (a link created before ranking, or whose registration failed): registers it.
     */
    private void raiseRank(ShortCode code) {
        if (!raiseRankIfRanked(code)) {
            register(code);
            raiseRankIfRanked(code); // clicks counted between the register's read and its write
        }
    }

    /** @return {@code false} if the link has no rank item */
    private boolean raiseRankIfRanked(ShortCode code) {
        long total = total(code);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", number(total));
        values.put(":rk", string(RANK_KEY_VALUE));
        values.put(":rank", string(rankOf(code, total)));
        try {
            client.updateItem(u -> u.tableName(tableName).key(rankKey(code))
                    .updateExpression("SET #n = :n, #rk = :rk, #rank = :rank")
                    .conditionExpression("attribute_exists(#sk) AND #n < :n")
                    .expressionAttributeNames(Map.of("#n", COUNT, "#rk", TernTables.RANK_KEY, "#rank", TernTables.RANK,
                            "#sk", TernTables.CLICK_SORT_KEY))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() && !e.item().isEmpty();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, "ranking a link");
        }
    }

    /** Runs a transaction whose first item is conditional; that condition failing means "done before". */
    private void transactOnce(List<TransactWriteItem> items, String operation) {
        try {
            client.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.isEmpty() || !"ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, operation);
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, Setting.CLICKS_TABLE, tableName, operation);
        }
    }

    private static Map<String, AttributeValue> rankKey(ShortCode code) {
        return Map.of(TernTables.CLICK_KEY, string(code.value()), TernTables.CLICK_SORT_KEY, string(RANK_SK));
    }

    private static Map<String, AttributeValue> rankAttributes(ShortCode code, long total) {
        return Map.of(COUNT, number(total), TernTables.RANK_KEY, string(RANK_KEY_VALUE), TernTables.RANK, string(rankOf(code, total)));
    }

    /** {@code <total, 20 digits>#<code>}: sorts by total, then by code. */
    static String rankOf(ShortCode code, long total) {
        return String.format("%020d#%s", total, code.value());
    }

    /** {@code ADD} to the region's totals shard of {@code code}: {@code T#<region>#<shard>} under {@value #TOTALS_PARTITION}. */
    private TransactWriteItem addToTotals(ShortCode code, Map<String, Long> counters) {
        return addTo(TOTALS_PARTITION, "T#" + region + "#" + totalsShard(code), counters);
    }

    private static int totalsShard(ShortCode code) {
        return Math.floorMod(code.value().hashCode(), TOTALS_SHARDS);
    }

    /** {@code B#<region>#<batchId>}, or {@code B<part>#<region>#<batchId>} for later parts of a long tally. */
    private String markerKey(int part, String batchId) {
        return "B" + (part == 0 ? "" : Integer.toString(part)) + "#" + region + "#" + batchId;
    }

    /**
     * The marker of a batch applied to a link, on condition that it does not exist. It expires (TTL)
     * after {@link #MARKER_LIFETIME}, except for batches named {@link ClickCounterStore#PERMANENT_BATCH_PREFIX}{@code …}.
     */
    private TransactWriteItem markerPut(ShortCode code, String marker) {
        Map<String, AttributeValue> item = markerItem(code.value(), marker, marker.contains("#" + PERMANENT_BATCH_PREFIX));
        return TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", TernTables.CLICK_SORT_KEY))).build();
    }

    /** A marker item (mutable) with its {@code appliedAt} and, unless the batch is permanent, its expiry. */
    private Map<String, AttributeValue> markerItem(String partition, String sk, boolean permanent) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                TernTables.CLICK_KEY, string(partition),
                TernTables.CLICK_SORT_KEY, string(sk),
                APPLIED_AT, string(StoredInstants.format(now))));
        if (!permanent) {
            item.put(TernTables.EXPIRES_AT, AttributeValue.builder().n(Long.toString(now.plus(MARKER_LIFETIME).getEpochSecond())).build());
        }
        return item;
    }

    /** {@code ADD} each counter to the item: no read, and concurrent writers (of one region) add up. */
    private TransactWriteItem addTo(ShortCode code, String sk, Map<String, Long> counters) {
        return addTo(code.value(), sk, counters);
    }

    private TransactWriteItem addTo(String partition, String sk, Map<String, Long> counters) {
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
        Map<String, AttributeValue> key = Map.of(TernTables.CLICK_KEY, string(partition), TernTables.CLICK_SORT_KEY, string(sk));
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

    private static AttributeValue number(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
