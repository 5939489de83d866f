package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.core.link.Link;
import dev.tern.core.link.RedirectPolicy;
import dev.tern.testkit.LinkFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The link item's shape, through the static schema alone (no database). */
class DynamoDbLinkStoreTest {

    @Test
    void schema_fullLink_isTheDocumentedItemAndMapsBackEqual() {
        Link link = LinkFixtures.link("promo").target("https://bücher.example/ü").title("Grüße 🐦")
                .expiringAt(Instant.parse("2027-01-01T00:00:00Z")).redirect(new RedirectPolicy(302, Duration.ofMinutes(10), true))
                .idempotencyKey("key:test k1").build();

        Map<String, AttributeValue> item = DynamoDbLinkStore.SCHEMA.itemToMap(link, true);

        assertThat(item).containsOnlyKeys("code", "url", "title", "createdAt", "creator", "status", "expiresAt",
                "redirectStatus", "cacheSeconds", "forwardQuery", "idemKey", "listKey", "urlHash");
        assertThat(item.get("urlHash").s()).as("base64url SHA-256 of the url, the byTarget index key").hasSize(43);
        assertThat(item.get("listKey").s()).as("the partition of the newest-first index").isEqualTo("link");
        assertThat(item.get("url").s()).isEqualTo("https://bücher.example/ü");
        assertThat(item.get("createdAt").s()).isEqualTo("2026-11-23T10:15:30.123456789Z");
        assertThat(item.get("expiresAt").s()).isEqualTo("2027-01-01T00:00:00.000000000Z");
        assertThat(item.get("status").s()).isEqualTo("ACTIVE");
        assertThat(item.get("redirectStatus").n()).isEqualTo("302");
        assertThat(item.get("cacheSeconds").n()).isEqualTo("600");
        assertThat(item.get("forwardQuery").bool()).isTrue();
        assertThat(DynamoDbLinkStore.SCHEMA.mapToItem(item)).isEqualTo(link);
    }

    @Test
    void schema_minimalLink_leavesOptionalAttributesOut() {
        Link link = LinkFixtures.link("plain").build();

        assertThat(DynamoDbLinkStore.SCHEMA.itemToMap(link, true))
                .containsOnlyKeys("code", "url", "createdAt", "creator", "status", "listKey", "urlHash");
    }

    @Test
    void toItem_isTheSchemasItem_soBulkWritersWriteTheIndexKeysToo() {
        Link link = LinkFixtures.link("bulk").target("https://example.com/bulk?q=1").build();

        assertThat(DynamoDbLinkStore.toItem(link)).isEqualTo(DynamoDbLinkStore.SCHEMA.itemToMap(link, true))
                .containsEntry("urlHash", AttributeValue.fromS(DynamoDbLinkStore.urlHash(link.target())));
    }

    @Test
    void urlHash_differsForUrlsDifferingOnlyInCase() {
        assertThat(DynamoDbLinkStore.urlHash(LinkFixtures.link("a").target("https://example.com/A").build().target()))
                .isNotEqualTo(DynamoDbLinkStore.urlHash(LinkFixtures.link("a").target("https://example.com/a").build().target()));
    }

    @Test
    void schema_deletedLink_keepsItsDeletionTime() {
        Link link = LinkFixtures.link("gone").build().softDeleted(Instant.parse("2026-11-24T00:00:00Z"));

        Map<String, AttributeValue> item = DynamoDbLinkStore.SCHEMA.itemToMap(link, true);

        assertThat(item.get("status").s()).isEqualTo("DELETED");
        assertThat(item.get("deletedAt").s()).isEqualTo("2026-11-24T00:00:00.000000000Z");
        assertThat(DynamoDbLinkStore.SCHEMA.mapToItem(item)).isEqualTo(link);
    }

    @Test
    void schema_halfWrittenRedirectPolicy_fallsBackToTheDeploymentDefault() {
        Link link = LinkFixtures.link("half").redirect(new RedirectPolicy(302, Duration.ZERO, false)).build();
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbLinkStore.SCHEMA.itemToMap(link, true));
        item.remove("forwardQuery");

        assertThat(DynamoDbLinkStore.SCHEMA.mapToItem(item).ownRedirectPolicy()).isEmpty();
    }

    @Test
    void storedInstants_sortAsTextInTimeOrder() {
        String whole = StoredInstants.format(Instant.parse("2026-11-23T10:00:00Z"));
        String fraction = StoredInstants.format(Instant.parse("2026-11-23T10:00:00.5Z"));

        assertThat(whole).isLessThan(fraction);
        assertThat(StoredInstants.parse(fraction, "x")).isEqualTo(Instant.parse("2026-11-23T10:00:00.5Z"));
    }
}
