package dev.tern.dynamodblocal;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.LocalDBClient;
import com.amazonaws.services.dynamodbv2.local.shared.jobs.JobsRegister;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.model.ListTablesRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Amazon DynamoDB Local running inside this JVM as an HTTP server on the loopback interface.
 *
 * <pre>{@code
 * try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory()) {
 *   DynamoDbClient client = DynamoDbClient.builder()
 *       .endpointOverride(db.endpoint())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
 *       .httpClient(UrlConnectionHttpClient.create())
 *       .build();
 *   ...
 * }
 * }</pre>
 *
 * <h2>What you get</h2>
 *
 * <ul>
 *   <li><b>Loopback only.</b> The server listens on {@code 127.0.0.1} only, never on other
 *       interfaces; {@link #endpoint()} is {@code http://127.0.0.1:PORT} (an IP literal, so a
 *       {@code localhost} that resolves to {@code ::1} first cannot get in the way). DynamoDB
 *       Local's own command line has no host option and binds every interface, so this class
 *       builds the Jetty server itself around DynamoDB Local's request handler.
 *   <li><b>Any port.</b> Port {@code 0} (the default) lets the OS choose a free port at bind time,
 *       with no probe-then-bind race; {@link #port()} tells which one was chosen.
 *   <li><b>One database for every client.</b> DynamoDB Local runs in {@code -sharedDb} mode:
 *       clients see the same tables whatever access key and region they sign with. On disk this is
 *       the file {@code shared-local-instance.db} in the data directory.
 *   <li><b>No telemetry.</b> DynamoDB Local's telemetry (which would call AWS Cognito and Pinpoint
 *       over the internet) is never configured, so it never sends anything.
 *   <li><b>Works from any classpath.</b> DynamoDB Local 2.x ships the sqlite4java native libraries
 *       for Linux (x86, x86_64, aarch64), macOS (x86_64, aarch64) and Windows (x86, x86_64) inside
 *       its own jar, and on first use extracts the one for this OS/architecture to {@code
 *       java.io.tmpdir} (or {@code org.sqlite.tmpdir}) and loads it with {@code System.load}. No
 *       {@code sqlite4java.library.path} or {@code java.library.path} is needed, so a Maven test
 *       run, {@code java -cp} or a shaded jar all work. {@link #start(Options)} opens the database
 *       before returning, so a native-library problem surfaces there, not on the first request.
 *   <li><b>Quiet.</b> Nothing is printed on start or stop. DynamoDB Local logs through Log4j 2 and
 *       its jar carries a {@code log4j2.xml} (root at WARN, to the console) that applies when the
 *       classpath has no other Log4j 2 configuration; Jetty logs through SLF4J (SLF4J prints a
 *       one-time "No SLF4J providers were found" if the application has no SLF4J binding); the
 *       {@code com.almworks.sqlite4java} java.util.logging logger is set to SEVERE unless already
 *       configured. This class itself logs only at DEBUG, through {@link System.Logger}.
 * </ul>
 *
 * <h2>Threads and lifecycle</h2>
 *
 * A running server keeps the JVM alive (DynamoDB Local's worker and SQLite threads are not
 * daemon threads), so always close it: try-with-resources, or a shutdown hook in a long-running
 * program. {@link #close()} stops the HTTP server, interrupts DynamoDB Local's background jobs
 * (left alone, they would linger for several minutes after a stop), closes the SQLite database and
 * releases the port and the data directory; it is idempotent and thread-safe. Several instances
 * may run at once, each on its own port (and, if persistent, its own directory); starting one
 * does not disturb requests in flight on another (DynamoDB Local shares a static dispatch table
 * between servers, which this class guards).
 *
 * <h2>Clients</h2>
 *
 * Any region and any credentials work, but DynamoDB Local rejects access key IDs that are not
 * purely letters and digits ({@code "The Access Key ID or security token is invalid"}), so use
 * something like {@code AwsBasicCredentials.create("local", "local")}.
 *
 * <h2>JDK 24+ note</h2>
 *
 * Loading the SQLite native library is a "restricted method" call. On JDK 24 and later the JVM
 * prints a one-time warning ({@code WARNING: A restricted method in java.lang.System has been
 * called ...}) unless native access is enabled for the classpath: {@code
 * --enable-native-access=ALL-UNNAMED} on the command line or {@code Enable-Native-Access:
 * ALL-UNNAMED} in an executable jar's manifest. It is only a warning; nothing fails without it.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

  /** The only address the server listens on. */
  public static final String HOST = "127.0.0.1";

  /** Name of the lock file held in a persistent data directory while a server uses it. */
  public static final String LOCK_FILE_NAME = ".tern-dynamodb-local.lock";

  /** Name of the SQLite file DynamoDB Local keeps all tables in (shared-database mode). */
  public static final String DATABASE_FILE_NAME = "shared-local-instance.db";

  private static final System.Logger LOG = System.getLogger(EmbeddedDynamoDb.class.getName());

  /**
   * sqlite4java logs through java.util.logging, e.g. a WARNING "SQLite: unknown jar version" when
   * its classes sit in a shaded jar. DynamoDB Local's own launcher quiets it; we do the same, but
   * only if nobody configured that logger. Held in a field: JUL keeps loggers weakly.
   */
  private static final java.util.logging.Logger SQLITE4JAVA_LOG =
      java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

  static {
    if (SQLITE4JAVA_LOG.getLevel() == null) {
      SQLITE4JAVA_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
  }

  /**
   * Guards DynamoDB Local's operation table. {@code LocalDynamoDBServerHandler} keeps it in a
   * static field, and every new handler replaces it with an empty map and then fills it in; a
   * request to another server in that window fails with "The action or operation requested is
   * invalid". So handlers are built under the write lock and requests handled under the read lock.
   */
  private static final ReadWriteLock DISPATCH_TABLE_LOCK = new ReentrantReadWriteLock();

  private final Options options;
  private final Server server;
  private final LocalDynamoDBRequestHandler requestHandler;
  private final LocalDynamoDBServerHandler serverHandler;
  private final DataDirLock lock;
  private final int port;
  private final URI endpoint;
  private boolean closed;

  private EmbeddedDynamoDb(
      Options options, Server server, LocalDynamoDBRequestHandler requestHandler,
      LocalDynamoDBServerHandler serverHandler, DataDirLock lock, int port) {
    this.options = options;
    this.server = server;
    this.requestHandler = requestHandler;
    this.serverHandler = serverHandler;
    this.lock = lock;
    this.port = port;
    this.endpoint = URI.create("http://" + HOST + ":" + port);
  }

  /**
   * Starts an in-memory server on a free port of {@code 127.0.0.1}. Its data is gone once it is
   * closed.
   *
   * @return the running server
   * @throws EmbeddedDynamoDbException if it cannot start
   */
  public static EmbeddedDynamoDb startInMemory() {
    return start(Options.inMemory());
  }

  /**
   * Starts a server on a free port of {@code 127.0.0.1} that keeps its tables in {@code dataDir}
   * (created if missing), so a later server on the same directory sees them again.
   *
   * @param dataDir directory for the database file; created with its parents if needed
   * @return the running server
   * @throws EmbeddedDynamoDbException if it cannot start, for example because another server (in
   *     this or another JVM) is using {@code dataDir}
   */
  public static EmbeddedDynamoDb startPersistent(Path dataDir) {
    return start(Options.persistent(dataDir));
  }

  /**
   * Starts a server as {@code options} say, and returns once it accepts connections and its
   * database is open.
   *
   * @param options where to keep data and which port to use
   * @return the running server
   * @throws EmbeddedDynamoDbException if it cannot start: the port is taken, the data directory is
   *     unusable or in use, or DynamoDB Local failed (for example, no SQLite native library for
   *     this OS/architecture)
   */
  public static EmbeddedDynamoDb start(Options options) {
    Objects.requireNonNull(options, "options");
    long startNanos = System.nanoTime();
    DataDirLock lock = null;
    LocalDynamoDBRequestHandler requestHandler = null;
    LocalDynamoDBServerHandler serverHandler = null;
    Server server = null;
    try {
      String dbPath = null;
      if (options.dataDir().isPresent()) {
        Path dir = options.dataDir().get().toAbsolutePath().normalize();
        lock = DataDirLock.acquire(dir);
        dbPath = dir.toString();
      }

      requestHandler =
          new LocalDynamoDBRequestHandler(
              0, // authority level, as DynamoDB Local's own ServerRunner passes
              options.isInMemory(),
              dbPath,
              true, // sharedDb: one database whatever the credentials/region
              false); // delayTransientStatuses
      Lock rebuildingDispatchTable = DISPATCH_TABLE_LOCK.writeLock();
      rebuildingDispatchTable.lock();
      try {
        serverHandler = new LocalDynamoDBServerHandler(requestHandler, null); // null: no CORS
      } finally {
        rebuildingDispatchTable.unlock();
      }
      // Open the database now (loads the SQLite native library on first use) so that problems
      // surface here rather than as an HTTP 500 on the first request.
      // A database file just released by a previous instance (a restart) can still be locked by
      // SQLite for a moment: wait for it, up to five seconds, rather than fail the start.
      for (int attempt = 1; ; attempt++) {
        try {
          requestHandler.listTables("tern", "local", new ListTablesRequest());
          break;
        } catch (RuntimeException e) {
          if (attempt >= 50 || String.valueOf(e.getMessage()).indexOf("database is locked") < 0) {
            throw e;
          }
          Thread.sleep(100);
        }
      }

      server = newJettyServer(options.port(), serverHandler);
      server.start();
      int boundPort = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      EmbeddedDynamoDb db =
          new EmbeddedDynamoDb(options, server, requestHandler, serverHandler, lock, boundPort);
      LOG.log(
          System.Logger.Level.DEBUG,
          () ->
              "DynamoDB Local started at " + db.endpoint + " ("
                  + options.dataDir().map(d -> "data in " + d).orElse("in memory") + ") in "
                  + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
      return db;
    } catch (Throwable e) {
      EmbeddedDynamoDbException failure = describeStartFailure(options, e);
      stopQuietly(server, requestHandler, serverHandler, lock, failure);
      if (e instanceof Error err && !(e instanceof LinkageError)) {
        throw err; // OutOfMemoryError and the like: don't dress them up
      }
      throw failure;
    }
  }

  private static Server newJettyServer(int port, LocalDynamoDBServerHandler serverHandler) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("dynamodb-local");
    Server server = new Server(threads);
    server.setStopTimeout(0); // close() means now: DynamoDB Local has nothing to drain

    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(HOST);
    connector.setPort(port);
    server.addConnector(connector);

    // The handler tree DynamoDB Local's DynamoDBProxyServer builds, plus the dispatch-table guard.
    ContextHandler context = new ContextHandler();
    context.setHandler(new DispatchTableGuard(serverHandler));
    server.setHandler(new ContextHandlerCollection(context));
    return server;
  }

  /** Handles each request under {@link #DISPATCH_TABLE_LOCK}'s read lock. */
  private static final class DispatchTableGuard extends Handler.Wrapper {
    DispatchTableGuard(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws Exception {
      Lock dispatching = DISPATCH_TABLE_LOCK.readLock();
      dispatching.lock();
      try {
        return super.handle(request, response, callback);
      } finally {
        dispatching.unlock();
      }
    }
  }

  private static EmbeddedDynamoDbException describeStartFailure(Options options, Throwable e) {
    if (e instanceof EmbeddedDynamoDbException known) {
      return known;
    }
    if (hasCause(e, BindException.class)) {
      return new EmbeddedDynamoDbException(
          "Cannot start DynamoDB Local: port " + options.port() + " on " + HOST
              + " is already in use",
          e);
    }
    if (e instanceof LinkageError || hasCause(e, LinkageError.class)) {
      return new EmbeddedDynamoDbException(
          "Cannot start DynamoDB Local: a class or its SQLite native library failed to load (os.name="
              + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch")
              + "). DynamoDB Local bundles natives for Linux x86/x86_64/aarch64, macOS"
              + " x86_64/aarch64 and Windows x86/x86_64; check that java.io.tmpdir is writable"
              + " and not mounted noexec (or set org.sqlite.tmpdir)",
          e);
    }
    return new EmbeddedDynamoDbException(
        "Cannot start DynamoDB Local ("
            + options.dataDir().map(d -> "data in " + d).orElse("in memory") + ", port "
            + options.port() + "): " + e,
        e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The HTTP endpoint to point a client at: {@code http://127.0.0.1:PORT}.
   *
   * @return the endpoint, for example for {@code DynamoDbClientBuilder.endpointOverride}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * The port the server listens on, on {@code 127.0.0.1}; the actual one when port {@code 0} was
   * asked for.
   *
   * @return the bound port
   */
  public int port() {
    return port;
  }

  /**
   * Where the data is kept.
   *
   * @return the data directory (absolute, normalized), or empty for an in-memory server
   */
  public Optional<Path> dataDir() {
    return options.dataDir().map(d -> d.toAbsolutePath().normalize());
  }

  /**
   * Whether the server is still running, that is {@link #close()} has not been called.
   *
   * @return {@code true} until closed
   */
  public synchronized boolean isRunning() {
    return !closed;
  }

  /**
   * Stops the server: closes the port, shuts down DynamoDB Local's workers, closes the database
   * (a persistent one is then complete on disk) and releases the data directory. Idempotent and
   * thread-safe; calls after the first do nothing.
   *
   * @throws EmbeddedDynamoDbException if a part failed to stop (all parts are still attempted)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    EmbeddedDynamoDbException failure =
        new EmbeddedDynamoDbException("Failed to stop DynamoDB Local at " + endpoint);
    stopQuietly(server, requestHandler, serverHandler, lock, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "DynamoDB Local at " + endpoint + " stopped");
  }

  /** Stops whatever is non-null, in order, adding each failure to {@code failures}. */
  private static void stopQuietly(
      Server server, LocalDynamoDBRequestHandler requestHandler,
      LocalDynamoDBServerHandler serverHandler, DataDirLock lock, Throwable failures) {
    if (server != null) {
      try {
        server.stop();
      } catch (Throwable e) {
        failures.addSuppressed(e);
      }
    }
    if (serverHandler != null) {
      try {
        // Shuts down the request handler: cancels background jobs, closes SQLite.
        serverHandler.close();
      } catch (Throwable e) {
        failures.addSuppressed(e);
      }
    }
    if (requestHandler != null) {
      stopBackgroundJobs(requestHandler);
    }
    if (lock != null) {
      try {
        lock.release();
      } catch (Throwable e) {
        failures.addSuppressed(e);
      }
    }
  }

  /**
   * Ends DynamoDB Local's background job threads now. Its own shutdown only flags the jobs
   * (table-status, GSI, TTL and stream-shard schedulers) as cancelled and calls {@code
   * ExecutorService.shutdown()}; the scheduler threads only notice after their current nap (the
   * stream-shard one sleeps half the 15-minute shard-iterator lifetime), and being non-daemon they
   * would keep the JVM alive that long. Interrupting them ends the naps.
   * DynamoDB Local exposes neither the executors nor its per-database clients, so this reaches them
   * by reflection (fine on the classpath, where DynamoDB Local is in the unnamed module). Should a
   * later DynamoDB Local rename the fields, this degrades to its stock behaviour.
   */
  private static void stopBackgroundJobs(LocalDynamoDBRequestHandler requestHandler) {
    try {
      Map<?, ?> databases =
          (Map<?, ?>) readField(LocalDynamoDBRequestHandler.class, "dbRequestHandlers",
              requestHandler);
      for (Object database : databases.values()) {
        if (database instanceof LocalDBClient client) {
          JobsRegister jobs = (JobsRegister) readField(LocalDBClient.class, "jobs", client);
          jobs.shutdownNow();
          ExecutorService pool =
              (ExecutorService) readField(JobsRegister.class, "threadPool", jobs);
          if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING,
                "DynamoDB Local background jobs did not stop within 5 s");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG,
          "Could not interrupt DynamoDB Local background jobs; they stop on their own later", e);
    }
  }

  private static Object readField(Class<?> type, String name, Object target)
      throws ReflectiveOperationException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }

  @Override
  public String toString() {
    return "EmbeddedDynamoDb[" + endpoint + ", "
        + options.dataDir().map(d -> "data in " + d).orElse("in memory")
        + (isRunning() ? "" : ", closed") + "]";
  }

  /**
   * How to start an {@link EmbeddedDynamoDb}: in memory or on disk, and on which port. Immutable.
   *
   * <pre>{@code
   * EmbeddedDynamoDb.start(Options.persistent(Path.of("data")).withPort(8000));
   * }</pre>
   */
  public static final class Options {

    private final Path dataDir; // null: in memory
    private final int port;

    private Options(Path dataDir, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 (any free port) to 65535: " + port);
      }
      this.dataDir = dataDir;
      this.port = port;
    }

    /**
     * Data in memory only, on any free port.
     *
     * @return the options
     */
    public static Options inMemory() {
      return new Options(null, 0);
    }

    /**
     * Data in {@code dataDir} (created with its parents if missing), on any free port.
     *
     * @param dataDir directory for the database file
     * @return the options
     */
    public static Options persistent(Path dataDir) {
      return new Options(Objects.requireNonNull(dataDir, "dataDir"), 0);
    }

    /**
     * The same options with another port.
     *
     * @param port the port on {@code 127.0.0.1}; {@code 0} for any free port
     * @return new options
     * @throws IllegalArgumentException if {@code port} is not within 0 to 65535
     */
    public Options withPort(int port) {
      return new Options(dataDir, port);
    }

    /**
     * The port asked for.
     *
     * @return the port; {@code 0} means any free port
     */
    public int port() {
      return port;
    }

    /**
     * Where data is kept.
     *
     * @return the data directory, or empty for in memory
     */
    public Optional<Path> dataDir() {
      return Optional.ofNullable(dataDir);
    }

    /**
     * Whether data is kept in memory only.
     *
     * @return {@code true} for in memory
     */
    public boolean isInMemory() {
      return dataDir == null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Options other && port == other.port
          && Objects.equals(dataDir, other.dataDir);
    }

    @Override
    public int hashCode() {
      return Objects.hash(dataDir, port);
    }

    @Override
    public String toString() {
      return "Options[" + (dataDir == null ? "in memory" : "data in " + dataDir) + ", port "
          + (port == 0 ? "any" : port) + "]";
    }
  }

  /**
   * An OS-level lock on a file in the data directory, so that two servers (in this JVM or in two
   * processes) never share one SQLite database: DynamoDB Local caches table metadata and would
   * corrupt its view of the other's writes.
   */
  private static final class DataDirLock {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
      this.file = file;
      this.channel = channel;
      this.lock = lock;
    }

    static DataDirLock acquire(Path dir) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new EmbeddedDynamoDbException("Cannot create data directory " + dir + ": " + e, e);
      }
      if (!Files.isWritable(dir)) {
        throw new EmbeddedDynamoDbException("Data directory " + dir + " is not writable");
      }
      Path file = dir.resolve(LOCK_FILE_NAME);
      FileChannel channel = null;
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
          throw inUse(dir, null);
        }
        return new DataDirLock(file, channel, lock);
      } catch (OverlappingFileLockException e) {
        closeQuietly(channel);
        throw inUse(dir, e);
      } catch (IOException e) {
        closeQuietly(channel);
        throw new EmbeddedDynamoDbException("Cannot lock data directory " + dir + ": " + e, e);
      } catch (RuntimeException e) {
        closeQuietly(channel);
        throw e;
      }
    }

    private static EmbeddedDynamoDbException inUse(Path dir, Throwable cause) {
      return new EmbeddedDynamoDbException(
          "Data directory " + dir + " is already used by another DynamoDB Local server (lock file "
              + dir.resolve(LOCK_FILE_NAME) + "); close that one first",
          cause);
    }

    void release() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
      }
      // The lock file itself stays: deleting it would race with a server starting on the same dir.
      LOG.log(System.Logger.Level.TRACE, () -> "Released " + file);
    }

    private static void closeQuietly(FileChannel channel) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }
}
