package dev.tern.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.ShortCode;
import dev.tern.dynamodblocal.EmbeddedDynamoDb;
import dev.tern.store.DynamoDbStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The click aggregation killed with SIGKILL while it writes (a separate JVM, {@link ClickAggregationWorker},
 * over this test's DynamoDB Local), then every batch delivered again, as Lambda redelivers a failed
 * CloudWatch Logs batch: the totals are exact, not one click lost or counted twice. (The same proof for
 * the migration is migration's {@code TernMigrateCommandIT.migrate_killedWithSigkillMidRun_thenRunAgain_endsIdentical}.)
 */
class ClickAggregationKillIT {

    @Test
    void killedMidAggregation_thenEveryBatchAgain_totalsAreExact() throws Exception {
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory();
                DynamoDbStores stores = ClickAggregationWorker.open(dynamoDb.endpoint(), "kill-")) {
            stores.createTablesIfMissing();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ClickAggregationWorker.class.getName(),
                    dynamoDb.endpoint().toString(), "kill-");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            AtomicInteger appliedBeforeKill = new AtomicInteger();
            StringBuilder childOutput = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                // Kill -9 a third of the way in: some batches done, one probably half-written.
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("applied ")) {
                        appliedBeforeKill.set(Integer.parseInt(line.substring(8)));
                        if (appliedBeforeKill.get() >= ClickAggregationWorker.BATCHES / 3) {
                            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
                            break;
                        }
                    } else {
                        childOutput.append(line).append('\n');
                    }
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(appliedBeforeKill.get()).as("the child must have been killed mid-run: " + childOutput)
                    .isBetween(ClickAggregationWorker.BATCHES / 3, ClickAggregationWorker.BATCHES - 1);
            long expected = ClickAggregationWorker.expectedTotalPerCode();
            long countedAtKill = total(stores);

            ClickAggregationWorker.aggregateAll(stores, n -> { });

            long countedAfterRerun = total(stores);
            System.out.printf("click aggregation killed (SIGKILL) after %d of %d batches: %d of %d clicks counted at the kill,"
                    + " %d after every batch was delivered again (difference %d)%n", appliedBeforeKill.get(),
                    ClickAggregationWorker.BATCHES, countedAtKill, expected * ClickAggregationWorker.CODES.size(), countedAfterRerun,
                    countedAfterRerun - expected * ClickAggregationWorker.CODES.size());
            assertThat(countedAtKill).isLessThan(expected * ClickAggregationWorker.CODES.size());
            for (ShortCode code : ClickAggregationWorker.CODES) {
                assertThat(stores.stores().clicks().total(code)).as("total of %s", code).isEqualTo(expected);
            }
        }
    }

    private static long total(DynamoDbStores stores) {
        return ClickAggregationWorker.CODES.stream().mapToLong(c -> stores.stores().clicks().total(c)).sum();
    }
}
