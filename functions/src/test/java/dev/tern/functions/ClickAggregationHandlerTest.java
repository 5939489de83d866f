package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import dev.tern.core.Stores;
import dev.tern.core.click.Click;
import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.click.ClickTally;
import dev.tern.core.click.DayTally;
import dev.tern.core.click.VisitorClass;
import dev.tern.core.error.StoreUnavailableException;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.InMemoryClickCounterStore;
import dev.tern.testkit.InMemoryIdempotencyStore;
import dev.tern.testkit.InMemoryLinkStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClickAggregationHandlerTest {
    private static final ShortCode PROMO = new ShortCode("promo");
    private static final ShortCode DOCS = new ShortCode("docs");

    private final TestWiring t = TestWiring.create();
    private final ClickAggregationHandler handler = new ClickAggregationHandler(t.wiring());

    @Test
    void fixture_countsClickLines_skipsAndReportsTheBrokenOne() {
        ClickAggregationHandler.Outcome outcome = handler.aggregate(Fixtures.logsEvent("cloudwatch-logs-clicks.json"));

        assertThat(outcome.clicks()).isEqualTo(3);
        assertThat(outcome.malformed()).isEqualTo(1);
        assertThat(t.clickCounters.total(PROMO)).isEqualTo(2);
        assertThat(t.clickCounters.total(DOCS)).isEqualTo(1);
        DayTally day = t.clickCounters.day(PROMO, LocalDate.of(2026, 11, 23));
        assertThat(day.referrers()).isEqualTo(Map.of("news.example.org", 1L, "direct", 1L));
        assertThat(day.countries()).isEqualTo(Map.of("PT", 1L));
        assertThat(day.visitors()).isEqualTo(Map.of(VisitorClass.BROWSER, 1L, VisitorClass.BOT, 1L));
        assertThat(t.logLines).singleElement().satisfies(line -> {
            assertThat(Fixtures.tree(line).path("level").asText()).isEqualTo("WARN");
            assertThat(Fixtures.tree(line).path("count").asInt()).isEqualTo(1);
            assertThat(Fixtures.tree(line).path("batch").asText()).isEqualTo(outcome.batchId());
        });
    }

    @Test
    void handleRequest_fixtureDeliveredTwice_isCountedOnce() {
        handler.handleRequest(Fixtures.logsEvent("cloudwatch-logs-clicks.json"), null);
        handler.handleRequest(Fixtures.logsEvent("cloudwatch-logs-clicks.json"), null);

        assertThat(t.clickCounters.total(PROMO)).isEqualTo(2);
        assertThat(t.clickCounters.total(DOCS)).isEqualTo(1);
    }

    @Test
    void sinkLinesThroughTheHandler_roundTrip() {
        List<String> lines = new ArrayList<>();
        LogLineClickSink sink = new LogLineClickSink(lines::add);
        for (int i = 0; i < 25; i++) {
            sink.emit(Click.of(i % 2 == 0 ? PROMO : DOCS, Instant.parse("2026-11-23T23:59:59Z").plusSeconds(i % 3), "https://a.example/",
                    i % 5 == 0 ? "FR" : null, "curl/8"));
        }
        List<Fixtures.LogEvent> events = new ArrayList<>();
        events.add(new Fixtures.LogEvent("0", 0, "START RequestId: x Version: $LATEST"));
        for (int i = 0; i < lines.size(); i++) {
            events.add(new Fixtures.LogEvent(Integer.toString(i + 1), 0, lines.get(i)));
        }

        ClickAggregationHandler.Outcome outcome = handler.aggregate(Fixtures.delivery("/aws/lambda/r", "s", events));

        assertThat(outcome).isEqualTo(new ClickAggregationHandler.Outcome(outcome.batchId(), 25, 0, 1));
        assertThat(t.clickCounters.total(PROMO)).isEqualTo(13);
        assertThat(t.clickCounters.total(DOCS)).isEqualTo(12);
        assertThat(t.clickCounters.day(PROMO, LocalDate.of(2026, 11, 24)).clicks()).isPositive();
        assertThat(t.logLines).isEmpty();
    }

    @Test
    void controlMessage_isIgnored() {
        ClickAggregationHandler.Outcome outcome = handler.aggregate(Fixtures.logsEvent("cloudwatch-logs-control.json"));

        assertThat(outcome).isEqualTo(ClickAggregationHandler.Outcome.NOTHING);
        assertThat(t.logLines).isEmpty();
    }

    @Test
    void deliveryWithoutClicks_writesNothing() {
        AtomicInteger writes = new AtomicInteger();
        TestWiring counting = TestWiring.withStores(new Stores(new InMemoryLinkStore(), new InMemoryIdempotencyStore(),
                new CountingClickStore(writes)));

        ClickAggregationHandler.Outcome outcome = new ClickAggregationHandler(counting.wiring()).aggregate(
                Fixtures.delivery("g", "s", List.of(new Fixtures.LogEvent("1", 0, "END RequestId: x"))));

        assertThat(outcome.clicks()).isZero();
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(writes).hasValue(0);
    }

    @Test
    void batchId_isStableForTheSameDeliveryAndDiffersOtherwise() {
        String id = ClickAggregationHandler.batchId("g", "s", List.of("1", "2"));

        assertThat(id).isEqualTo(ClickAggregationHandler.batchId("g", "s", List.of("1", "2")))
                .startsWith("cwl-").hasSize(68).matches("cwl-[0-9a-f]{64}");
        assertThat(id).isNotEqualTo(ClickAggregationHandler.batchId("g", "s", List.of("1", "3")))
                .isNotEqualTo(ClickAggregationHandler.batchId("g", "s2", List.of("1", "2")))
                .isNotEqualTo(ClickAggregationHandler.batchId("g2", "s", List.of("1", "2")))
                .isNotEqualTo(ClickAggregationHandler.batchId("g", "s", List.of("12")));
    }

    @Test
    void storeUnavailable_isThrownForLambdaToRetry_thenTheRetryCountsOnce() {
        InMemoryClickCounterStore real = new InMemoryClickCounterStore();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        ClickCounterStore flaky = new ClickCounterStore() {
            @Override
            public void add(String batchId, ClickTally tally) {
                real.add(batchId, tally);
                if (tally.code().equals(DOCS) && failuresLeft.getAndDecrement() > 0) {
                    throw new StoreUnavailableException("throttled", Duration.ofSeconds(1), null); // applied, ack lost
                }
            }

            @Override
            public long total(ShortCode code) {
                return real.total(code);
            }

            @Override
            public java.util.SortedMap<java.time.LocalDate, dev.tern.core.click.DayTally> days(ShortCode code, java.time.LocalDate from,
                    java.time.LocalDate to) {
                return real.days(code, from, to);
            }
        };
        ClickAggregationHandler flakyHandler = new ClickAggregationHandler(
                TestWiring.withStores(new Stores(new InMemoryLinkStore(), new InMemoryIdempotencyStore(), flaky)).wiring());
        CloudWatchLogsEvent delivery = Fixtures.logsEvent("cloudwatch-logs-clicks.json");

        assertThatThrownBy(() -> flakyHandler.handleRequest(delivery, null)).isInstanceOf(StoreUnavailableException.class);
        flakyHandler.handleRequest(delivery, null);

        assertThat(real.total(PROMO)).isEqualTo(2);
        assertThat(real.total(DOCS)).isEqualTo(1);
    }

    @Test
    void undecodableDeliveries_areLoggedAndDropped_neverThrown() {
        CloudWatchLogsEvent noData = new CloudWatchLogsEvent();
        CloudWatchLogsEvent notBase64 = new CloudWatchLogsEvent().withAwsLogs(new CloudWatchLogsEvent.AWSLogs().withData("%%%"));
        CloudWatchLogsEvent brokenGzip = Fixtures.deliveryOfBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        CloudWatchLogsEvent notJson = Fixtures.deliveryOf("not json");
        CloudWatchLogsEvent noEvents = Fixtures.deliveryOf("{\"messageType\":\"DATA_MESSAGE\"}");

        for (CloudWatchLogsEvent event : List.of(noData, notBase64, brokenGzip, notJson, noEvents)) {
            assertThat(handler.aggregate(event)).isEqualTo(ClickAggregationHandler.Outcome.NOTHING);
        }
        assertThat(handler.aggregate(null)).isEqualTo(ClickAggregationHandler.Outcome.NOTHING);
        assertThat(t.logLines).hasSize(6).allSatisfy(line -> assertThat(line).startsWith("{\"level\":\"WARN\",\"op\":\"aggregate\""));
    }

    @Test
    void plainJsonPayload_isReadToo() {
        String line = ClickLine.format(Click.of(PROMO, Instant.parse("2026-11-23T10:00:00Z"), null, null, null));
        String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":[{\"id\":\"1\","
                + "\"timestamp\":0,\"message\":" + JsonText.quote(line) + "}]}";

        handler.aggregate(Fixtures.deliveryOfBytes(payload.getBytes(StandardCharsets.UTF_8)));

        assertThat(t.clickCounters.total(PROMO)).isEqualTo(1);
    }

    @Test
    void decode_refusesADeliveryThatUnpacksTooLarge() {
        byte[] zeros = new byte[ClickAggregationHandler.MAX_PAYLOAD_BYTES + 1];

        assertThat(handler.aggregate(Fixtures.deliveryOfBytes(Fixtures.gzip(zeros)))).isEqualTo(ClickAggregationHandler.Outcome.NOTHING);
        assertThat(t.logLines).singleElement().asString().contains("more than");
    }

    private record CountingClickStore(AtomicInteger writes) implements ClickCounterStore {
        @Override
        public void add(String batchId, ClickTally tally) {
            writes.incrementAndGet();
        }

        @Override
        public long total(ShortCode code) {
            return 0;
        }

        @Override
        public java.util.SortedMap<java.time.LocalDate, dev.tern.core.click.DayTally> days(ShortCode code, java.time.LocalDate from,
                java.time.LocalDate to) {
            return new java.util.TreeMap<>();
        }
    }
}
