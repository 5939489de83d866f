package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.core.error.CodeTakenException;
import dev.tern.core.idempotency.IdempotencyRecord;
import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import dev.tern.testkit.DynamoDbLocalExtension;
import dev.tern.testkit.LinkFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * MREC's home write region ({@code TERN_LINKS_WRITE_REGION}): link and idempotency writes, and the
 * strongly consistent reads that decide a create, go to the home region's replica; redirects'
 * reads, listings and clicks stay in the function's region. Two sets of tables on one DynamoDB Local
 * stand in for this region's replica and the home region's.
 */
class DynamoDbStoresLinkWritesIT {
    @RegisterExtension
    static DynamoDbLocalExtension ddb = DynamoDbLocalExtension.inMemory();

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static DynamoDbStores local;
    private static DynamoDbStores home;
    private static DynamoDbStores writingHome;

    @BeforeAll
    static void tables() {
        StoreSettings localReplica = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix() + "local-"))
                .withCallTimeout(GENEROUS);
        StoreSettings homeReplica = StoreSettings.forEndpoint(ddb.endpoint(), TableNames.withPrefix(ddb.tablePrefix() + "home-"))
                .withCallTimeout(GENEROUS);
        local = DynamoDbStores.open(localReplica, "local");
        home = DynamoDbStores.open(homeReplica, "home");
        local.createTablesIfMissing();
        home.createTablesIfMissing();
        writingHome = DynamoDbStores.open(localReplica, homeReplica, "local", List.of());
    }

    @AfterAll
    static void close() {
        writingHome.close();
        home.close();
        local.close();
    }

    private static final AtomicInteger NEXT = new AtomicInteger();
    private ShortCode code;

    private static String unique() {
        return "hw" + NEXT.incrementAndGet();
    }

    @BeforeEach
    void freshCode() {
        code = new ShortCode(unique());
    }

    @Test
    void insertNew_writesTheHomeReplica_notTheLocalOne() {
        Link link = LinkFixtures.link(code).build();

        writingHome.stores().links().insertNew(link);

        assertThat(home.links().findLatest(code)).contains(link);
        assertThat(local.links().findLatest(code)).isEmpty();
    }

    @Test
    void find_readsTheLocalReplica_findLatestTheHomeOne() {
        Link link = LinkFixtures.link(code).build();
        writingHome.stores().links().insertNew(link);

        // Not replicated yet: the redirect's read is local, the create's consistent read is home.
        assertThat(writingHome.links().find(code)).isEmpty();
        assertThat(writingHome.links().findLatest(code)).contains(link);
    }

    @Test
    void insertNew_codeTakenInTheHomeReplicaOnly_isCodeTaken() {
        home.links().insertNew(LinkFixtures.link(code).target("https://home.example/").build());

        assertThatThrownBy(() -> writingHome.links().insertNew(LinkFixtures.link(code).target("https://here.example/").build()))
                .isInstanceOf(CodeTakenException.class);
    }

    @Test
    void replace_writesTheHomeReplica() {
        Link link = LinkFixtures.link(code).build();
        writingHome.links().insertNew(link);
        Link retitled = LinkFixtures.link(code).title("changed").build();

        assertThat(writingHome.links().replace(link, retitled)).isTrue();

        assertThat(home.links().findLatest(code)).contains(retitled);
        assertThat(local.links().findLatest(code)).isEmpty();
    }

    @Test
    void idempotencyClaims_goToTheHomeReplica() {
        Instant now = Instant.now();
        IdempotencyRecord first = new IdempotencyRecord(unique(), "f1", code, now);

        assertThat(writingHome.stores().idempotency().claim(first)).isEmpty();

        IdempotencyRecord second = new IdempotencyRecord(first.key(), "f2", new ShortCode(unique()), now);
        assertThat(home.stores().idempotency().claim(second)).contains(first);
        assertThat(local.stores().idempotency().claim(second)).isEmpty();
    }

    @Test
    void settingsFromEnv_withAnotherWriteRegion_signWritesForIt() {
        List<String> calls = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + "@"
                        + attributes.getAttribute(AwsExecutionAttribute.AWS_REGION).id());
            }
        };
        // DynamoDB Local serves every region from one database (-sharedDb): the signed region tells the clients apart.
        StoreSettings settings = new StoreSettings(TableNames.withPrefix(ddb.tablePrefix() + "home-"),
                Optional.of(ddb.endpoint()), "us-west-2", GENEROUS, Optional.of("us-east-1"));
        try (DynamoDbStores stores = DynamoDbStores.open(settings, "us-west-2", List.of(recorder))) {
            // the link store itself: the ranking's click-table writes stay local (clicks are always MREC)
            stores.links().insertNew(LinkFixtures.link(code).build());
            stores.links().find(code);
            stores.links().findLatest(code);
            stores.stores().idempotency().claim(new IdempotencyRecord(unique(), "f", code, Instant.now()));
        }

        assertThat(calls).containsExactly("PutItem@us-east-1", "GetItem@us-west-2", "GetItem@us-east-1", "PutItem@us-east-1");
    }
}
