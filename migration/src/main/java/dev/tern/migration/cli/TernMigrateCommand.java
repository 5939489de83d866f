package dev.tern.migration.cli;

import dev.tern.core.error.TernException;
import dev.tern.migration.MigrationException;
import dev.tern.migration.config.YourlsConfigException;
import dev.tern.migration.source.SourceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tern-migrate}: moves a YOURLS site to Tern ({@code migrate}), checks the result
 * ({@code verify}) and takes Tern's links back out ({@code export}). See {@code docs/MIGRATING.md}.
 */
@Command(name = "tern-migrate", mixinStandardHelpOptions = true, version = "tern-migrate 0.1.0",
        description = "Moves a YOURLS site to Tern without losing a link or a click.",
        subcommands = {MigrateCommand.class, VerifyCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class TernMigrateCommand {

    /** Exit code of a run stopped by an error (the message says what to do). */
    static final int FAILED = 1;

    /** The environment the {@code TERN_*} settings and passwords are read from. */
    final Map<String, String> env;

    private TernMigrateCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line with Tern's error handling (plain messages, never stack traces), reading {@code env}. */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new TernMigrateCommand(env));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("tern-migrate: " + message(e));
            err.flush();
            return e instanceof IllegalArgumentException ? cmd.getCommandSpec().exitCodeOnInvalidInput() : FAILED;
        });
        return commandLine;
    }

    private static String message(Exception e) {
        if (e instanceof SourceException || e instanceof YourlsConfigException || e instanceof MigrationException
                || e instanceof TernException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException io) {
            return io.getMessage() + ": " + io.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
