package dev.tern.migration.cli;

import dev.tern.migration.export.CsvExporter;
import dev.tern.migration.export.ExportCounts;
import dev.tern.migration.export.ExportOptions;
import dev.tern.migration.export.YourlsSqlExporter;
import dev.tern.migration.export.YourlsSqlOptions;
import dev.tern.store.DynamoDbStores;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tern-migrate export}: Tern's links back out, as a YOURLS dump or CSV. Nobody is locked in. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes Tern's links as a YOURLS-importable SQL dump (yourls-sql) or as CSV.",
                "Per-click log rows are not exported: Tern keeps per-day counters, so each link's click total is."})
final class ExportCommand implements Callable<Integer> {
    enum Format { YOURLS_SQL, CSV }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TernMigrateCommand parent;

    @Mixin
    TargetOptions target;

    @Option(names = "--format", paramLabel = "yourls-sql|csv", required = true, converter = FormatConverter.class,
            description = "yourls-sql: a dump to load into MariaDB/MySQL for YOURLS 1.10; csv: keyword,url,title,timestamp,clicks.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Where to write ('-' for standard output).")
    String output;

    @Option(names = "--include-deleted", description = "Also export links deleted in Tern (still restorable).")
    boolean includeDeleted;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = YourlsSqlOptions.DEFAULT_PREFIX,
            description = "Table prefix of the SQL dump (default ${DEFAULT-VALUE}).")
    String tablePrefix;

    @Override
    public Integer call() throws IOException {
        var env = parent.env;
        ExportOptions options = ExportOptions.defaults().withDeleted(includeDeleted);
        try (DynamoDbStores tern = target.open(env); OutputStream out = open(output)) {
            ExportCounts counts;
            if (format == Format.CSV) {
                counts = new CsvExporter(tern.stores(), options).write(out);
            } else {
                // The store has no read-only peek: claiming one id leaves a gap in YOURLS's counter, which is harmless.
                long nextId = Math.max(YourlsSqlOptions.SAFE_NEXT_ID, tern.yourlsSite().claimNextId());
                counts = new YourlsSqlExporter(tern.stores(), options,
                        YourlsSqlOptions.defaults().withTablePrefix(tablePrefix).withNextId(nextId)).write(out);
            }
            out.flush();
            spec.commandLine().getErr().println(counts.summary());
            spec.commandLine().getErr().flush();
            return 0;
        }
    }

    private static OutputStream open(String output) {
        if (output.equals("-")) {
            return new BufferedOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        try {
            return new BufferedOutputStream(Files.newOutputStream(Path.of(output)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }

    /** {@code yourls-sql} and {@code csv}, as typed on the command line. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "yourls-sql", "sql" -> Format.YOURLS_SQL;
                case "csv" -> Format.CSV;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format: use yourls-sql or csv");
            };
        }
    }
}
