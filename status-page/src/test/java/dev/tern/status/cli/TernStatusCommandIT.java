package dev.tern.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.Region;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.store.status.DynamoDbOperatorActionStore;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code tern-status} against DynamoDB Local, as {@code ./tern status} runs it next to {@code ./tern run}. */
class TernStatusCommandIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static TableNames tables;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void tables() {
        tables = TableNames.withPrefix(ddb.tablePrefix());
        try (DynamoDbStores stores = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), tables), "test")) {
            stores.createTablesIfMissing();
        }
    }

    private static Run run(String... args) {
        CommandLine command = TernStatusCommand.commandLine(Map.of("TERN_HEALTH_TABLE", tables.health()), new MutableClock(NOW));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withEndpoint = new String[args.length + 2];
        System.arraycopy(args, 0, withEndpoint, 0, args.length);
        withEndpoint[args.length] = "--dynamodb-endpoint=" + ddb.endpoint();
        withEndpoint[args.length + 1] = "--region=eu-west-1";
        int exit = command.execute(args.length == 0 ? args : withEndpoint);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<OperatorAction> stored() {
        try (var client = DynamoDbClients.create(StoreSettings.forEndpoint(ddb.endpoint(), tables), List.of())) {
            return new DynamoDbOperatorActionStore(client, tables.health()).all();
        }
    }

    @Test
    void maintenanceNoteAndList_writeThroughTheStore_andListShowsThem() {
        Run window = run("maintenance", "--from", "2026-11-24T02:00:00Z", "--until", "2026-11-24T04:00:00+01:00",
                "--components", "database,api", "--regions", "eu-west-1", "--message", "Table migration", "--id", "mw-move");
        Run note = run("note", "--incident", "20261123-0903", "--message", "The cause is found.", "--status", "identified");
        Run list = run("list");

        assertThat(window.exit()).as(window.err()).isZero();
        assertThat(window.out()).contains("Planned maintenance mw-move: 2026-11-24T02:00:00Z to 2026-11-24T03:00:00Z, api,database in eu-west-1");
        assertThat(note.exit()).as(note.err()).isZero();
        assertThat(stored()).contains(new OperatorAction.Maintenance("mw-move", "Table migration",
                java.util.Set.of(dev.tern.core.status.Component.DATABASE, dev.tern.core.status.Component.API),
                java.util.Set.of(Region.of("eu-west-1")), Instant.parse("2026-11-24T02:00:00Z"),
                Instant.parse("2026-11-24T03:00:00Z"), NOW));
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("maintenance mw-move  2026-11-24T02:00:00Z .. 2026-11-24T03:00:00Z  api,database in eu-west-1  Table migration")
                .contains("note 20261123-0903  2026-11-23T12:00:00Z  [identified]  The cause is found.");
    }

    @Test
    void badInput_isRefusedWithAClearMessageAndTheUsageExitCode() {
        assertThat(run("maintenance", "--from", "2026-11-24T02:00:00Z", "--until", "2026-11-24T01:00:00Z", "--message", "x"))
                .satisfies(r -> {
                    assertThat(r.exit()).isEqualTo(2);
                    assertThat(r.err()).contains("--until (2026-11-24T01:00:00Z) must be after --from");
                });
        assertThat(run("maintenance", "--from", "tomorrow", "--until", "2026-11-24T01:00:00Z", "--message", "x"))
                .satisfies(r -> {
                    assertThat(r.exit()).isEqualTo(2);
                    assertThat(r.err()).contains("'tomorrow' is not a time with its offset");
                });
        assertThat(run("maintenance", "--from", "2026-11-24T02:00:00Z", "--until", "2026-11-24T03:00:00Z", "--message", "x",
                "--components", "cdn")).satisfies(r -> {
                    assertThat(r.exit()).isEqualTo(2);
                    assertThat(r.err()).contains("Unknown status component \"cdn\"");
                });
        assertThat(run("note", "--incident", "20261123-0903", "--message", "Done", "--status", "resolved")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("a note cannot resolve one");
        });
        assertThat(run("note", "--incident", "x y", "--message", "Hi")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("is not an incident id");
        });
        assertThat(run("note", "--incident", "20261123-0903")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Missing required option: '--message=TEXT'");
        });
        assertThat(run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void unreachableTable_failsWithExitOneAndSaysWhy() {
        CommandLine command = TernStatusCommand.commandLine(Map.of("TERN_HEALTH_TABLE", "nowhere-health"), new MutableClock(NOW));
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));
        command.setOut(new PrintWriter(new StringWriter()));

        int exit = command.execute("list", "--dynamodb-endpoint=" + ddb.endpoint());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("tern-status: ").contains("TERN_HEALTH_TABLE");
    }
}
