package dev.tern.migration.verify;

import static dev.tern.migration.verify.ListYourlsSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tern.core.Stores;
import dev.tern.core.link.CodeAlphabet;
import dev.tern.core.link.CodeGenerator;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkService;
import dev.tern.core.link.LinkStatus;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.Resolution;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import dev.tern.migration.source.DumpYourlsSource;
import dev.tern.migration.source.ReferenceYourlsData;
import dev.tern.migration.source.UrlRow;
import dev.tern.store.DynamoDbStores;
import dev.tern.store.StoreSettings;
import dev.tern.store.TableNames;
import dev.tern.testkit.DynamoDbLocalExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code tern-migrate verify} against DynamoDB Local holding the reference YOURLS database
 * ({@code testdata/yourls/yourls-dump.sql}, read by the dump parser), with redirects sampled through
 * a local HTTP server that answers as Tern's redirect does (the same {@link LinkService#resolve} on
 * the same tables).
 */
class MigrationVerifierIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static DynamoDbStores dynamo;
    private static Stores tern;
    private static HttpServer server;
    private static URI ternUrl;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final AtomicInteger requestsWithoutProbeHeader = new AtomicInteger();

    @BeforeAll
    static void migrateTheReferenceDatabaseAndStartTern() throws Exception {
        dynamo = DynamoDbStores.open(StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix()))
                .withCallTimeout(Duration.ofSeconds(30)), "test");
        dynamo.createTablesIfMissing();
        tern = dynamo.stores();
        HandMigration.migrate(tern, HandMigration.referenceRows());
        startTern();
    }

    private static void startTern() throws IOException {
        LinkService links = new LinkService(tern.links(), tern.idempotency(), tern.clicks(),
                new CodeGenerator(CodeAlphabet.BASE62, 7), CodePolicy.defaults(), UrlPolicy.defaults(Set.of()),
                Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (!"1".equals(exchange.getRequestHeaders().getFirst("X-Tern-Probe"))) {
                requestsWithoutProbeHeader.incrementAndGet();
            }
            Optional<ShortCode> code = ShortCode.fromPath(exchange.getRequestURI().getRawPath());
            Resolution resolution = code.map(links::resolve).orElse(null);
            int status = 404;
            if (resolution instanceof Resolution.Found found) {
                exchange.getResponseHeaders().set("Location", found.link().target().location());
                status = 301;
            } else if (resolution instanceof Resolution.Gone) {
                status = 410;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        ternUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        dynamo.close();
    }

    @Test
    void verify_referenceDatabaseMigrated_isIdenticalWithTheChecksumOfExpectedJson() {
        int before = requests.get();
        VerificationReport report;
        try (DumpYourlsSource source = DumpYourlsSource.open(ReferenceYourlsData.dumpFile())) {
            report = new MigrationVerifier(source, tern,
                    VerifyOptions.defaults().withSampleSeed(5).withRedirectSamples(ternUrl, 200)).verify();
        }

        assertThat(report.differences()).as(report.render()).isZero();
        assertThat(report.identical()).isTrue();
        assertThat(report.yourls().links()).isEqualTo(ReferenceYourlsData.URL_ROWS);
        assertThat(report.tern().links()).isEqualTo(ReferenceYourlsData.URL_ROWS);
        assertThat(report.yourls().clicks()).isEqualTo(ReferenceYourlsData.SUM_CLICKS);
        assertThat(report.tern().clicks()).isEqualTo(ReferenceYourlsData.SUM_CLICKS);
        assertThat(report.yourls().checksum()).hasValue(ReferenceYourlsData.URL_CHECKSUM);
        assertThat(report.tern().checksum()).hasValue(ReferenceYourlsData.URL_CHECKSUM);
        assertThat(report.notes()).isEmpty(); // the dump is in keyword order: one pass
        assertThat(report.redirects()).isEqualTo(new VerificationReport.RedirectSample(200, 200, 200));
        assertThat(requests.get() - before).isEqualTo(200);
        assertThat(requestsWithoutProbeHeader.get()).isZero();
    }

    @Test
    void verify_linksChangedInTern_areEachReportedWithBothValues() {
        put("itChanged", "https://example.com/before", "T", 4);
        put("itDisabled", "https://example.com/off", "", 0);
        put("itClicks", "https://example.com/c", "", 2);
        Link changed = tern.links().findLatest(new ShortCode("itChanged")).orElseThrow();
        tern.links().replace(changed, new Link(changed.code(), LongUrl.fromStored("https://example.com/after"), "T",
                changed.createdAt(), changed.creator(), changed.status(), null, null, null));
        Link disabled = tern.links().findLatest(new ShortCode("itDisabled")).orElseThrow();
        tern.links().replace(disabled, disabled.withStatus(LinkStatus.DISABLED));
        HandMigration.addClicks(tern, new ShortCode("itClicks"), "later", 1);
        List<UrlRow> rows = List.of(
                row("itChanged", "https://example.com/before", "T", "2026-11-23 05:00:00", 4),
                row("itClicks", "https://example.com/c", "", "2026-11-23 05:00:00", 2),
                row("itDisabled", "https://example.com/off", "", "2026-11-23 05:00:00", 0),
                row("itMissing", "https://example.com/missing", "", "2026-11-23 05:00:00", 0));

        VerificationReport report = new MigrationVerifier(new ListYourlsSource(rows), tern,
                VerifyOptions.defaults().withSampleSeed(1).withRedirectSamples(ternUrl, 10)).verify();

        assertThat(report.identical()).isFalse();
        assertThat(report.listed()).containsExactly(
                new Difference(DifferenceKind.URL, "itChanged", "https://example.com/before", "https://example.com/after"),
                new Difference(DifferenceKind.CLICKS, "itClicks", "2", "3"),
                new Difference(DifferenceKind.MISSING_IN_TERN, "itMissing", "https://example.com/missing", "no link has this code"),
                new Difference(DifferenceKind.REDIRECT, "itChanged", "301/302/307/308 → \"https://example.com/before\"",
                        "301 → \"https://example.com/after\""));
        // The disabled link answers 410, as expected of a disabled link: not a difference.
        assertThat(report.redirects()).isEqualTo(new VerificationReport.RedirectSample(10, 3, 2));
        // The reference database's links are in Tern but not in this source: reported, not differences.
        assertThat(report.ternOnlyLinks()).isEqualTo(ReferenceYourlsData.URL_ROWS);
    }

    private static void put(String keyword, String url, String title, long clicks) {
        HandMigration.migrate(tern, new UrlRow(keyword, url, title, "2026-11-23 05:00:00", "", clicks));
    }
}
