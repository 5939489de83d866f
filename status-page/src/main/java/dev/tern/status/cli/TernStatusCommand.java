package dev.tern.status.cli;

import dev.tern.core.error.TernException;
import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.OperatorActionStore;
import dev.tern.core.status.Region;
import dev.tern.store.DynamoDbClients;
import dev.tern.store.StoreSettings;
import dev.tern.store.status.DynamoDbOperatorActionStore;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code tern-status} ({@code ./tern status}): what an operator adds to the status page. Incidents open
 * and resolve by themselves from the probes; an operator can add a note to one ({@code note}), announce
 * a planned maintenance window ({@code maintenance}) and see both ({@code list}). Written to the health
 * table ({@code TERN_HEALTH_TABLE}); every region's next regeneration shows them.
 */
@Command(name = "tern-status", mixinStandardHelpOptions = true, version = "tern-status 0.1.0",
        description = "Adds operator notes and planned maintenance windows to Tern's status page.",
        subcommands = {TernStatusCommand.Note.class, TernStatusCommand.Maintenance.class, TernStatusCommand.ListActions.class,
                CommandLine.HelpCommand.class})
public final class TernStatusCommand {
    /** Exit code of a run stopped by an error other than bad input (e.g. the table cannot be reached). */
    static final int FAILED = 1;
    private static final Pattern INCIDENT_ID = Pattern.compile("[0-9A-Za-z-]{1,40}");
    private static final Pattern WINDOW_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final DateTimeFormatter WINDOW_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final Map<String, String> env;
    private final Clock clock;
    private final Function<Map<String, String>, OperatorActionStore> stores;

    private TernStatusCommand(Map<String, String> env, Clock clock, Function<Map<String, String>, OperatorActionStore> stores) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.stores = stores;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), Clock.systemUTC()).execute(args));
    }

    /** The command line reading {@code env}, writing to the DynamoDB health table it names. */
    public static CommandLine commandLine(Map<String, String> env, Clock clock) {
        return commandLine(env, clock, TernStatusCommand::dynamoDb);
    }

    /** The command line with its own store: tests, and {@code local/}. */
    static CommandLine commandLine(Map<String, String> env, Clock clock, Function<Map<String, String>, OperatorActionStore> stores) {
        CommandLine commandLine = new CommandLine(new TernStatusCommand(env, clock, stores));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(Instant.class, TernStatusCommand::instant);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("tern-status: " + message(e));
            err.flush();
            return e instanceof IllegalArgumentException ? cmd.getCommandSpec().exitCodeOnInvalidInput() : FAILED;
        });
        return commandLine;
    }

    private static OperatorActionStore dynamoDb(Map<String, String> env) {
        StoreSettings settings = StoreSettings.fromEnv(env).withCallTimeout(Duration.ofSeconds(10));
        DynamoDbClient client = DynamoDbClients.create(settings, List.of());
        return new DynamoDbOperatorActionStore(client, settings.tables().health());
    }

    private static String message(Exception e) {
        if (e instanceof dev.tern.core.error.StoreUnavailableException) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "DynamoDB did not answer (" + cause.getMessage() + "): check --dynamodb-endpoint or --region, and that it runs";
        }
        if (e instanceof TernException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a time with its offset, like 2026-11-24T02:00:00Z or 2026-11-24T03:00:00+01:00");
        }
    }

    OperatorActionStore store(TargetOptions target) {
        return stores.apply(target.environment(env));
    }

    /** Which health table: the deployment's {@code TERN_*} settings, with the endpoint and region settable here. */
    static final class TargetOptions {
        @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
                description = "A DynamoDB endpoint other than the region's, e.g. the one `./tern run` prints (TERN_DYNAMODB_ENDPOINT).")
        URI endpoint;

        @Option(names = "--region", paramLabel = "REGION", description = "The AWS region of the health table (else AWS_REGION).")
        String region;

        Map<String, String> environment(Map<String, String> env) {
            Map<String, String> merged = new HashMap<>(env);
            if (endpoint != null) {
                merged.put("TERN_DYNAMODB_ENDPOINT", endpoint.toString());
            }
            if (region != null) {
                merged.put("AWS_REGION", region);
            }
            return merged;
        }
    }

    /** {@code note}: a note on an incident, optionally moving its status. */
    @Command(name = "note", mixinStandardHelpOptions = true, description = "Adds a note to an incident (shown in its timeline and feeds).")
    static final class Note implements Callable<Integer> {
        @ParentCommand
        TernStatusCommand parent;
        @Mixin
        TargetOptions target;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--incident", required = true, paramLabel = "ID",
                description = "The incident's id, as incidents.json and the page show it (e.g. 20261123-0903).")
        String incident;

        @Option(names = "--message", required = true, paramLabel = "TEXT", description = "What to tell people (plain text).")
        String message;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "The incident's status from this note on: investigating, identified or monitoring (resolving is the probes' job).")
        IncidentStatus status;

        @Override
        public Integer call() {
            if (!INCIDENT_ID.matcher(incident).matches()) {
                throw new IllegalArgumentException("--incident '" + incident + "' is not an incident id (letters, digits and '-', like 20261123-0903)");
            }
            OperatorAction.Note note = new OperatorAction.Note(incident, parent.clock.instant(), message, Optional.ofNullable(status));
            parent.store(target).add(note);
            spec.commandLine().getOut().println("Added a note to incident " + incident + " at " + note.at() + ".");
            return 0;
        }
    }

    /** {@code maintenance}: announces (or, with the same id, moves) a planned maintenance window. */
    @Command(name = "maintenance", mixinStandardHelpOptions = true,
            description = "Announces a planned maintenance window: failures inside it show as maintenance, open no incident and leave the uptime alone.")
    static final class Maintenance implements Callable<Integer> {
        @ParentCommand
        TernStatusCommand parent;
        @Mixin
        TargetOptions target;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "TIME", description = "Its start, e.g. 2026-11-24T02:00:00Z.")
        Instant from;

        @Option(names = "--until", required = true, paramLabel = "TIME", description = "Its end (after the start).")
        Instant until;

        @Option(names = "--components", split = ",", paramLabel = "COMPONENT",
                description = "The components covered (redirect, api, web, yourls-api, database); all when left out.")
        List<String> components = new ArrayList<>();

        @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "The regions covered; all when left out.")
        List<String> regions = new ArrayList<>();

        @Option(names = "--message", required = true, paramLabel = "TEXT", description = "What is being done (its title).")
        String message;

        @Option(names = "--id", paramLabel = "ID",
                description = "The window's id: give an existing one to move it; a new one is made from the start time when left out.")
        String id;

        @Override
        public Integer call() {
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("--until (" + until + ") must be after --from (" + from + ")");
            }
            if (message.isBlank()) {
                throw new IllegalArgumentException("--message must say what is being done");
            }
            if (id != null && !WINDOW_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("--id '" + id + "' may only hold letters, digits, '-' and '_' (at most 64)");
            }
            Set<Component> covered = new LinkedHashSet<>();
            for (String c : components) {
                covered.add(Component.fromId(c.trim().toLowerCase(Locale.ROOT)));
            }
            Set<Region> where = new LinkedHashSet<>();
            for (String r : regions) {
                where.add(Region.of(r.trim()));
            }
            String windowId = id != null ? id : "mw-" + WINDOW_ID_TIME.format(from);
            OperatorAction.Maintenance window = new OperatorAction.Maintenance(windowId, message.trim(), covered, where, from, until,
                    parent.clock.instant());
            parent.store(target).add(window);
            spec.commandLine().getOut().println("Planned maintenance " + windowId + ": " + from + " to " + until + ", "
                    + describe(window) + ".");
            return 0;
        }
    }

    /** {@code list}: every window and note, as the page will show them. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the maintenance windows and notes.")
    static final class ListActions implements Callable<Integer> {
        @ParentCommand
        TernStatusCommand parent;
        @Mixin
        TargetOptions target;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<OperatorAction> all = parent.store(target).all();
            PrintWriter out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("No maintenance windows or notes.");
            }
            for (OperatorAction action : all) {
                switch (action) {
                    case OperatorAction.Maintenance m -> out.println("maintenance " + m.id() + "  " + m.from() + " .. " + m.until()
                            + "  " + describe(m) + "  " + m.title());
                    case OperatorAction.Note n -> out.println("note " + n.incidentId() + "  " + n.at()
                            + n.status().map(s -> "  [" + s.id() + "]").orElse("") + "  " + n.body());
                }
            }
            out.flush();
            return 0;
        }
    }

    private static String describe(OperatorAction.Maintenance m) {
        String components = m.components().isEmpty() ? "all components"
                : m.components().stream().sorted().map(Component::id).collect(Collectors.joining(","));
        String regions = m.regions().isEmpty() ? "all regions"
                : m.regions().stream().sorted().map(Region::code).collect(Collectors.joining(","));
        return components + " in " + regions;
    }
}
