package dev.tern.migration.cli;

import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.JdbcYourlsSource;
import dev.tern.migration.source.YourlsSource;
import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the YOURLS site is read from: {@code --dump FILE} or {@code --jdbc-url URL --user NAME}. */
final class SourceOptions {

    static final String PASSWORD_VARIABLE = "YOURLS_DB_PASSWORD";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = "--dump", paramLabel = "FILE",
                description = "A mysqldump (or mariadb-dump) file of the YOURLS database.")
        Path dump;

        @Option(names = "--jdbc-url", paramLabel = "URL",
                description = "The live YOURLS database, e.g. jdbc:mariadb://db.example:3306/yourls (MySQL works too).")
        String jdbcUrl;
    }

    @Option(names = "--user", paramLabel = "NAME", description = "Database user (with --jdbc-url).")
    String user;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = PASSWORD_VARIABLE,
            description = "Environment variable holding the database password (default ${DEFAULT-VALUE}); "
                    + "asked for on the terminal when it is not set.")
    String passwordVariable;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = "yourls_",
            description = "YOURLS_DB_PREFIX of the site (default ${DEFAULT-VALUE}).")
    String tablePrefix;

    /** Opens the source; problems are {@link dev.tern.migration.source.SourceException}s or usage errors. */
    YourlsSource open(Map<String, String> env) {
        if (where.dump != null) {
            return DumpYourlsSource.open(where.dump, tablePrefix);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("--jdbc-url needs --user (the database user YOURLS uses, or a read-only one)");
        }
        return JdbcYourlsSource.connect(where.jdbcUrl, user, password(env), tablePrefix);
    }

    private String password(Map<String, String> env) {
        String fromEnv = env.get(passwordVariable);
        if (fromEnv != null) {
            return fromEnv;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No database password: set " + passwordVariable
                    + " (or name another variable with --password-env), or run on a terminal to be asked for it");
        }
        char[] typed = console.readPassword("Password of %s for %s: ", user, where.jdbcUrl);
        if (typed == null) {
            throw new IllegalArgumentException("No database password given");
        }
        return new String(typed);
    }
}
