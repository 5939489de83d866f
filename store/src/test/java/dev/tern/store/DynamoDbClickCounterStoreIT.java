package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.ClickCounterStoreContract;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbClickCounterStoreIT extends ClickCounterStoreContract {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    /**
     * Today, not a fixed date: markers written "now" must not be past their expiry, or DynamoDB
     * Local's TTL sweeper may remove them in the middle of a test.
     */
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(12));
    private static StoreSettings settings;
    private static DynamoDbStores stores;
    private static DynamoDbClient client;

    @BeforeAll
    static void createTables() {
        settings = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()));
        stores = DynamoDbStores.open(settings, "test");
        stores.createTablesIfMissing();
        client = DynamoDbClients.create(settings, List.of());
    }

    @AfterAll
    static void close() {
        client.close();
        stores.close();
    }

    @Override
    protected ClickCounterStore store() {
        return stores.stores().clicks();
    }

    @Test
    void add_writesATotalADayAndAMarkerItemOfItsRegion() {
        ShortCode code = uniqueCode("items");
        String batch = uniqueBatch();

        storeIn("eu-west-1").add(batch, ClickTally.of(code, clicks(code, 3, NOW, "t.co", "DE")));

        Map<String, Map<String, AttributeValue>> items = items(code);
        assertThat(items).containsOnlyKeys("T#eu-west-1", "D#" + day(NOW) + "#eu-west-1", "B#eu-west-1#" + batch, "R");
        assertThat(items.get("R").get("n").n()).isEqualTo("3");
        assertThat(items.get("R").get("rank").s()).isEqualTo("00000000000000000003#" + code.value());
        assertThat(items.get("R").get("rankKey").s()).isEqualTo("rank");
        assertThat(items.get("T#eu-west-1")).containsOnlyKeys("code", "sk", "n");
        assertThat(items.get("T#eu-west-1").get("n").n()).isEqualTo("3");
        assertThat(items.get("D#" + day(NOW) + "#eu-west-1")).containsOnlyKeys("code", "sk", "n", "r:t.co", "c:DE", "v:browser");
        Map<String, AttributeValue> marker = items.get("B#eu-west-1#" + batch);
        assertThat(marker.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond()));
        assertThat(marker.get("appliedAt").s()).isEqualTo(StoredInstants.format(NOW));
    }

    @Test
    void totalAndDays_sumEveryRegion_andOneBatchIdCountsOncePerRegion() {
        ShortCode code = uniqueCode("regions");
        String batch = uniqueBatch();

        storeIn("eu-west-1").add(batch, ClickTally.of(code, clicks(code, 2, NOW, "t.co", "DE")));
        storeIn("us-east-1").add(batch, ClickTally.of(code, clicks(code, 3, NOW, "t.co", "US")));
        storeIn("us-east-1").add(batch, ClickTally.of(code, clicks(code, 3, NOW, "t.co", "US")));

        assertThat(store().total(code)).isEqualTo(5);
        DayTally day = days(code, day(NOW), day(NOW)).get(day(NOW));
        assertThat(day.clicks()).isEqualTo(5);
        assertThat(day.referrers()).containsEntry("t.co", 5L);
        assertThat(day.countries()).isEqualTo(Map.of("DE", 2L, "US", 3L));
    }

    @Test
    void add_moreReferrerHostsThanOneWriteKeeps_sumsTheRarestUnderOther() {
        ShortCode code = uniqueCode("hosts");
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            clicks.addAll(clicks(code, i < 100 ? 2 : 1, NOW, "host" + i + ".example", ""));
        }

        store().add(uniqueBatch(), ClickTally.of(code, clicks));

        DayTally day = days(code, day(NOW), day(NOW)).get(day(NOW));
        assertThat(day.clicks()).isEqualTo(250);
        assertThat(day.referrers()).hasSize(101).containsEntry(DynamoDbClickCounterStore.OTHER, 50L).containsEntry("host0.example", 2L);
    }

    @Test
    void add_whenTheDayItemIsFull_countsOnAnOverflowItemAndStaysExact() {
        ShortCode code = uniqueCode("full");
        long expected = 0;
        int batches = 0;
        while (!items(code).containsKey("D#" + day(NOW) + "#test#overflow")) {
            assertThat(batches).as("batches written before the day item filled up").isLessThan(40);
            List<Click> clicks = new ArrayList<>();
            for (int i = 0; i < DynamoDbClickCounterStore.MAX_KEYS_PER_WRITE; i++) {
                String host = "b" + batches + "h" + i + "." + "x".repeat(200) + ".example";
                clicks.add(new Click(code, NOW, host, "NL", VisitorClass.BROWSER));
            }
            store().add(uniqueBatch(), ClickTally.of(code, clicks));
            expected += clicks.size();
            batches++;
        }
        store().add(uniqueBatch(), ClickTally.of(code, clicks(code, 5, NOW, "late.example", "NL")));
        expected += 5;

        assertThat(store().total(code)).isEqualTo(expected);
        DayTally day = days(code, day(NOW), day(NOW)).get(day(NOW));
        assertThat(day.clicks()).isEqualTo(expected);
        assertThat(day.countries()).isEqualTo(Map.of("NL", expected));
        assertThat(day.referrers().get(DynamoDbClickCounterStore.OTHER)).as("referrers counted on the overflow item")
                .isGreaterThanOrEqualTo(DynamoDbClickCounterStore.MAX_KEYS_PER_WRITE);
        assertThat(day.referrers().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
    }

    @Test
    void add_tallyOfMoreDaysThanOneTransactionTakes_isCountedOnceInParts() {
        ShortCode code = uniqueCode("history");
        List<Click> clicks = new ArrayList<>();
        LocalDate first = LocalDate.of(2019, 1, 1);
        for (int d = 0; d < 60; d++) {
            clicks.addAll(clicks(code, d + 1, first.plusDays(d).atStartOfDay().toInstant(ZoneOffset.UTC), "direct", ""));
        }
        String batch = uniqueBatch();
        ClickTally tally = ClickTally.of(code, clicks);

        store().add(batch, tally);
        store().add(batch, tally);

        assertThat(store().total(code)).isEqualTo(60 * 61 / 2);
        assertThat(days(code, first, first.plusDays(59))).hasSize(60);
        assertThat(items(code).keySet().stream().filter(sk -> sk.startsWith("B")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("B#test#" + batch, "B1#test#" + batch, "B2#test#" + batch);
    }

    @Test
    void addAll_writesOneChunkMarkerInTheBatchsPartition_andNoMarkerPerLink() {
        String batch = uniqueBatch();
        ShortCode first = uniqueCode("chunkA");
        ShortCode second = uniqueCode("chunkB");

        storeIn("eu-west-1").addAll(batch, List.of(
                ClickTally.of(second, clicks(second, 2, NOW, "t.co", "DE")),
                ClickTally.of(first, clicks(first, 3, NOW, "t.co", "DE"))));

        assertThat(items(first)).containsOnlyKeys("T#eu-west-1", "D#" + day(NOW) + "#eu-west-1", "R");
        assertThat(items(second)).containsOnlyKeys("T#eu-west-1", "D#" + day(NOW) + "#eu-west-1", "R");
        assertThat(items(first).get("R").get("n").n()).isEqualTo("3");
        Map<String, Map<String, AttributeValue>> markers = items("#batch#eu-west-1#" + batch);
        assertThat(markers).containsOnlyKeys("C#" + first.value());
        Map<String, AttributeValue> marker = markers.get("C#" + first.value());
        assertThat(marker.get("codes").ss()).containsExactlyInAnyOrder(first.value(), second.value());
        assertThat(marker).doesNotContainKey("perLink");
        assertThat(marker.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond()));
    }

    @Test
    void addAll_retryPackedDifferently_stillCountsEveryLinkOnce() {
        String batch = uniqueBatch();
        List<ClickTally> tallies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ShortCode code = uniqueCode("repack" + (char) ('a' + i % 26) + i);
            tallies.add(ClickTally.of(code, clicks(code, 1 + i, NOW, "t.co", "DE")));
        }
        DynamoDbClickCounterStore wide = new DynamoDbClickCounterStore(client, settings.tables().clicks(), "test",
                Clock.fixed(NOW, ZoneOffset.UTC), 40);
        DynamoDbClickCounterStore narrow = new DynamoDbClickCounterStore(client, settings.tables().clicks(), "test",
                Clock.fixed(NOW, ZoneOffset.UTC), 7);

        wide.addAll(batch, tallies.subList(0, 12)); // an earlier attempt that got part of the way
        narrow.addAll(batch, tallies);
        wide.addAll(batch, tallies);

        for (ClickTally tally : tallies) {
            assertThat(store().total(tally.code())).as(tally.code().value()).isEqualTo(tally.total());
        }
        assertThat(items("#batch#test#" + batch)).hasSizeGreaterThan(2);
    }

    @Test
    void addAll_linkWhoseDayItemIsFull_isCountedLinkByLinkWithItsChunk_onceAcrossRetries() {
        ShortCode full = uniqueCode("chunkfull");
        long expected = 0;
        for (int batches = 0; !items(full).containsKey("D#" + day(NOW) + "#test#overflow"); batches++) {
            assertThat(batches).as("batches written before the day item filled up").isLessThan(40);
            List<Click> clicks = new ArrayList<>();
            for (int i = 0; i < DynamoDbClickCounterStore.MAX_KEYS_PER_WRITE; i++) {
                clicks.add(new Click(full, NOW, "c" + batches + "h" + i + "." + "x".repeat(200) + ".example", "NL", VisitorClass.BROWSER));
            }
            store().add(uniqueBatch(), ClickTally.of(full, clicks));
            expected += clicks.size();
        }
        ShortCode neighbour = uniqueCode("chunkfullz");
        String batch = uniqueBatch();
        List<Click> late = new ArrayList<>();
        for (int i = 0; i < DynamoDbClickCounterStore.MAX_KEYS_PER_WRITE; i++) {
            late.add(new Click(full, NOW, "late" + i + "." + "x".repeat(200) + ".example", "NL", VisitorClass.BROWSER));
        }
        List<ClickTally> tallies = List.of(ClickTally.of(full, late), ClickTally.of(neighbour, clicks(neighbour, 2, NOW, "t.co", "NL")));

        store().addAll(batch, tallies);
        store().addAll(batch, tallies);

        assertThat(store().total(full)).isEqualTo(expected + late.size());
        assertThat(days(full, day(NOW), day(NOW)).get(day(NOW)).clicks()).isEqualTo(expected + late.size());
        assertThat(store().total(neighbour)).isEqualTo(2);
        Map<String, Map<String, AttributeValue>> markers = items("#batch#test#" + batch);
        assertThat(markers).hasSize(1);
        assertThat(markers.values().iterator().next().get("perLink").bool()).isTrue();
        assertThat(items(neighbour)).containsKey("B#test#" + batch);
    }

    @Test
    void addAll_tallyOfMoreDaysThanAChunkHolds_isCountedLinkByLink_onceAcrossRetries() {
        ShortCode history = uniqueCode("chunklong");
        List<Click> clicks = new ArrayList<>();
        LocalDate first = LocalDate.of(2019, 1, 1);
        for (int d = 0; d < 60; d++) {
            clicks.addAll(clicks(history, 1, first.plusDays(d).atStartOfDay().toInstant(ZoneOffset.UTC), "direct", ""));
        }
        ShortCode other = uniqueCode("chunklonz");
        String batch = uniqueBatch();
        List<ClickTally> tallies = List.of(ClickTally.of(history, clicks), ClickTally.of(other, clicks(other, 3, NOW, "t.co", "DE")));

        store().addAll(batch, tallies);
        store().addAll(batch, tallies);

        assertThat(store().total(history)).isEqualTo(60);
        assertThat(store().total(other)).isEqualTo(3);
        assertThat(items("#batch#test#" + batch).values()).as("the long tally's chunk, counted link by link")
                .filteredOn(marker -> marker.containsKey("perLink")).singleElement()
                .satisfies(marker -> assertThat(marker.get("codes").ss()).containsExactly(history.value()));
    }

    private static DynamoDbClickCounterStore storeIn(String region) {
        return new DynamoDbClickCounterStore(client, settings.tables().clicks(), region, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Every item of the link, by sort key. */
    private static Map<String, Map<String, AttributeValue>> items(ShortCode code) {
        return items(code.value());
    }

    /** Every item of a partition, by sort key. */
    private static Map<String, Map<String, AttributeValue>> items(String partition) {
        return client.queryPaginator(r -> r.tableName(settings.tables().clicks())
                        .keyConditionExpression("code = :code")
                        .expressionAttributeValues(Map.of(":code", AttributeValue.fromS(partition)))
                        .consistentRead(true))
                .items().stream()
                .collect(Collectors.toMap(item -> item.get("sk").s(), item -> item));
    }

    @Test
    void markersOfMigrationBatches_neverExpire_othersExpireAfterSevenDays() {
        ShortCode code = uniqueCode("permanent");
        ClickTally tally = ClickTally.of(code, clicks(code, 2, NOW, "t.co", "DE"));

        storeIn("migration").add("migration:yourls-log-0", tally);
        storeIn("migration").addUndated("migration:yourls-undated", code, 4);
        storeIn("migration").add("aggregator-batch", tally);

        Map<String, Map<String, AttributeValue>> items = items(code);
        assertThat(items.get("B#migration#migration:yourls-log-0")).doesNotContainKey("expiresAt");
        assertThat(items.get("U#migration#migration:yourls-undated")).doesNotContainKey("expiresAt");
        assertThat(items.get("B#migration#aggregator-batch")).containsKey("expiresAt");
    }

    @Test
    void registerImported_writesMarkersWithoutExpiry_ranksAndTotals_inOneGo() {
        ShortCode counted = uniqueCode("importedclicks");
        ShortCode quiet = uniqueCode("importedquiet");

        storeIn("migration").registerImported("migration:yourls-undated", Map.of(counted, 7L, quiet, 0L));

        Map<String, Map<String, AttributeValue>> items = items(counted);
        assertThat(items).containsOnlyKeys("T#migration", "U#migration#migration:yourls-undated", "R");
        assertThat(items.get("R").get("n").n()).isEqualTo("7");
        assertThat(items.get("U#migration#migration:yourls-undated")).doesNotContainKey("expiresAt");
        assertThat(items(quiet)).containsOnlyKeys("R");
        assertThat(store().total(counted)).isEqualTo(7);
    }

    @Test
    void addUndated_writesItsMarkerAndAddsToTheRegionsTotalOnly() {
        ShortCode code = uniqueCode("undateditems");

        storeIn("eu-west-1").addUndated("import-7", code, 12);

        Map<String, Map<String, AttributeValue>> items = items(code);
        assertThat(items).containsOnlyKeys("T#eu-west-1", "U#eu-west-1#import-7", "R");
        assertThat(items.get("T#eu-west-1").get("n").n()).isEqualTo("12");
    }
}
