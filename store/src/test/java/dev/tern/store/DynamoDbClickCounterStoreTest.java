package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** How a day's tally becomes counter attributes (no database). */
class DynamoDbClickCounterStoreTest {

    @Test
    void dayCounters_nameEachCounterByKind() {
        DayTally day = new DayTally(3, Map.of("t.co", 2L, "direct", 1L), Map.of("DE", 3L), Map.of(VisitorClass.BROWSER, 2L, VisitorClass.BOT, 1L));

        assertThat(DynamoDbClickCounterStore.dayCounters(day, false)).isEqualTo(Map.of(
                "n", 3L, "r:t.co", 2L, "r:direct", 1L, "c:DE", 3L, "v:browser", 2L, "v:bot", 1L));
    }

    @Test
    void dayCounters_onAnOverflowItem_countAllReferrersAsOther() {
        DayTally day = new DayTally(3, Map.of("t.co", 2L, "direct", 1L), Map.of(), Map.of(VisitorClass.OTHER, 3L));

        assertThat(DynamoDbClickCounterStore.dayCounters(day, true)).isEqualTo(Map.of("n", 3L, "r:(other)", 3L, "v:other", 3L));
    }

    @Test
    void bounded_keepsTheMostFrequentAndSumsTheRestUnderOther() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            counts.put("host" + i, i < 100 ? 10L : 1L);
        }

        Map<String, Long> bounded = DynamoDbClickCounterStore.bounded(counts);

        assertThat(bounded).hasSize(101).containsEntry("(other)", 20L).containsEntry("host0", 10L).doesNotContainKey("host100");
        assertThat(bounded.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1020);
    }

    @Test
    void constructor_regionThatCouldBreakSortKeys_isRejected() {
        try (DynamoDbClient client = DynamoDbClients.create(
                StoreSettings.forEndpoint(URI.create("http://127.0.0.1:9"), TableNames.withPrefix("t-")), List.of())) {
            assertThatThrownBy(() -> new DynamoDbClickCounterStore(client, "t-clicks", "eu#west"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DynamoDbClickCounterStore(client, "t-clicks", ""))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
