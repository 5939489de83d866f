package dev.tern.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Runs real DynamoDB Local servers in this JVM and talks to them with the AWS SDK v2. */
@Timeout(120)
class EmbeddedDynamoDbIT {

  private static final String TABLE = "links";

  @TempDir Path tmp;

  @Test
  void inMemory_createTablePutAndGetItem() {
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient client = client(db, "AKIDEXAMPLE", Region.US_EAST_1)) {
      assertThat(db.endpoint().toString()).isEqualTo("http://127.0.0.1:" + db.port());
      assertThat(db.dataDir()).isEmpty();

      createTable(client);
      put(client, "abc", "https://example.com/a");

      assertThat(get(client, "abc")).isEqualTo("https://example.com/a");
      assertThat(get(client, "missing")).isNull();
    }
  }

  @Test
  void inMemory_dataIsGoneAfterRestart() {
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient client = client(db)) {
      createTable(client);
    }
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient client = client(db)) {
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void anyCredentialsAndRegion_seeTheSameTables() {
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient writer = client(db, "writer", Region.US_EAST_1);
        DynamoDbClient reader = client(db, "reader", Region.EU_WEST_1)) {
      createTable(writer);
      put(writer, "abc", "https://example.com/a");

      assertThat(get(reader, "abc")).isEqualTo("https://example.com/a");
    }
  }

  @Test
  void persistent_dataSurvivesRestart() {
    Path dataDir = tmp.resolve("not/yet/there");

    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startPersistent(dataDir);
        DynamoDbClient client = client(db)) {
      assertThat(db.dataDir()).contains(dataDir.toAbsolutePath());
      createTable(client);
      put(client, "abc", "https://example.com/a");
    }
    assertThat(dataDir.resolve(EmbeddedDynamoDb.DATABASE_FILE_NAME)).isRegularFile();

    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startPersistent(dataDir);
        DynamoDbClient client = client(db, "someoneElse", Region.AP_SOUTHEAST_2)) {
      assertThat(client.listTables().tableNames()).containsExactly(TABLE);
      assertThat(get(client, "abc")).isEqualTo("https://example.com/a");
    }
  }

  @Test
  void persistentAndInMemory_runSideBySide() {
    try (EmbeddedDynamoDb onDisk = EmbeddedDynamoDb.startPersistent(tmp);
        EmbeddedDynamoDb inMemory = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient diskClient = client(onDisk);
        DynamoDbClient memoryClient = client(inMemory)) {
      createTable(diskClient);
      put(diskClient, "abc", "https://example.com/disk");

      assertThat(memoryClient.listTables().tableNames()).isEmpty();
      assertThat(get(diskClient, "abc")).isEqualTo("https://example.com/disk");
    }
  }

  @Test
  void persistent_sameDirectoryCannotBeServedTwiceAtOnce() {
    try (EmbeddedDynamoDb first = EmbeddedDynamoDb.startPersistent(tmp)) {
      assertThatThrownBy(() -> EmbeddedDynamoDb.startPersistent(tmp))
          .isInstanceOf(EmbeddedDynamoDbException.class)
          .hasMessageContaining("already used by another DynamoDB Local server");
      assertThat(first.isRunning()).isTrue();
    }
    // Released on close.
    assertThatCode(() -> EmbeddedDynamoDb.startPersistent(tmp).close()).doesNotThrowAnyException();
  }

  @Test
  void twoServers_runAtOnceOnDifferentPortsWithSeparateData() {
    try (EmbeddedDynamoDb a = EmbeddedDynamoDb.startInMemory();
        EmbeddedDynamoDb b = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient clientA = client(a);
        DynamoDbClient clientB = client(b)) {
      assertThat(a.port()).isNotEqualTo(b.port());

      createTable(clientA);
      put(clientA, "abc", "https://example.com/from-a");
      assertThat(clientB.listTables().tableNames()).isEmpty();
      createTable(clientB);
      put(clientB, "abc", "https://example.com/from-b");

      assertThat(get(clientA, "abc")).isEqualTo("https://example.com/from-a");
      assertThat(get(clientB, "abc")).isEqualTo("https://example.com/from-b");
    }
  }

  @Test
  void startingAnotherServer_doesNotDisturbRequestsInFlight() throws Exception {
    // DynamoDB Local keeps its operation dispatch table in a static field that every new server
    // rebuilds; requests to a running server must not notice.
    try (EmbeddedDynamoDb running = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient client = client(running)) {
      createTable(client);
      put(client, "abc", "https://example.com/a");

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger requests = new AtomicInteger();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      List<Thread> hammers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Thread hammer = new Thread(() -> {
          while (!stop.get() && failures.isEmpty()) {
            try {
              assertThat(get(client, "abc")).isEqualTo("https://example.com/a");
              requests.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        });
        hammer.start();
        hammers.add(hammer);
      }
      try {
        for (int i = 0; i < 40 && failures.isEmpty(); i++) {
          EmbeddedDynamoDb.startInMemory().close();
        }
      } finally {
        stop.set(true);
        for (Thread hammer : hammers) {
          hammer.join(10_000);
        }
      }

      assertThat(failures).isEmpty();
      assertThat(requests.get()).isPositive();
    }
  }

  @Test
  void givenPort_isUsed() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    try (EmbeddedDynamoDb db =
            EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory().withPort(free));
        DynamoDbClient client = client(db)) {
      assertThat(db.port()).isEqualTo(free);
      assertThat(db.endpoint().getPort()).isEqualTo(free);
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void portInUse_failsWithClearMessage() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EmbeddedDynamoDb.Options options =
          EmbeddedDynamoDb.Options.inMemory().withPort(taken.getLocalPort());

      assertThatThrownBy(() -> EmbeddedDynamoDb.start(options))
          .isInstanceOf(EmbeddedDynamoDbException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void listensOnLoopback127001Only() throws IOException {
    // 127.0.0.2 is another loopback address on Linux; a server bound to every interface (as
    // DynamoDB Local's own command line does) would accept connections there too.
    assumeTrue(canBind("127.0.0.2"), "127.0.0.2 is not configured on this machine");
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory()) {
      assertThat(canConnect("127.0.0.1", db.port())).isTrue();
      assertThatThrownBy(() -> connect("127.0.0.2", db.port()))
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void close_isIdempotentAndFreesThePort() throws IOException {
    EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
    int port = db.port();
    assertThat(canConnect("127.0.0.1", port)).isTrue();

    db.close();
    db.close();

    assertThat(db.isRunning()).isFalse();
    assertThat(canConnect("127.0.0.1", port)).isFalse();
    try (ServerSocket rebound = new ServerSocket()) {
      rebound.setReuseAddress(true);
      rebound.bind(new InetSocketAddress("127.0.0.1", port));
    }
  }

  @Test
  void close_leavesNoNonDaemonThreadsBehind() throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startPersistent(tmp);
        DynamoDbClient client = client(db)) {
      createTable(client); // makes DynamoDB Local start its worker pool
      put(client, "abc", "https://example.com/a");
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Set<String> leftovers;
    do {
      leftovers = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
          .map(Thread::getName)
          .collect(Collectors.toSet());
      if (leftovers.isEmpty()) {
        break;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    assertThat(leftovers).isEmpty();
  }

  @Test
  void unknownTable_isReportedAsResourceNotFound() {
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient client = client(db)) {
      assertThatThrownBy(() -> get(client, "abc")).isInstanceOf(ResourceNotFoundException.class);
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private static DynamoDbClient client(EmbeddedDynamoDb db) {
    return client(db, "test", Region.US_EAST_1);
  }

  private static DynamoDbClient client(EmbeddedDynamoDb db, String accessKey, Region region) {
    return DynamoDbClient.builder()
        .endpointOverride(db.endpoint())
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static void createTable(DynamoDbClient client) {
    client.createTable(
        b -> b.tableName(TABLE)
            .keySchema(KeySchemaElement.builder().attributeName("code").keyType(KeyType.HASH)
                .build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("code")
                .attributeType(ScalarAttributeType.S).build())
            .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  private static void put(DynamoDbClient client, String code, String url) {
    client.putItem(
        b -> b.tableName(TABLE)
            .item(Map.of(
                "code", AttributeValue.fromS(code),
                "url", AttributeValue.fromS(url))));
  }

  private static String get(DynamoDbClient client, String code) {
    var response = client.getItem(
        b -> b.tableName(TABLE).key(Map.of("code", AttributeValue.fromS(code)))
            .consistentRead(true));
    return response.hasItem() ? response.item().get("url").s() : null;
  }

  private static boolean canBind(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canConnect(String host, int port) {
    try {
      connect(host, port);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
    }
  }
}
