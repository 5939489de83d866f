package dev.tern.store;

import dev.tern.core.settings.Setting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of Tern's tables, described without reference to any SDK so that the CDK app (a
 * {@code TableV2}) and {@link TernTables#createAll} (a {@code CreateTableRequest}) are built from the
 * same description. Table shapes live here and nowhere else.
 *
 * @param name                the table name
 * @param setting             the environment variable that tells the functions this name
 * @param partitionKey        the partition key
 * @param sortKey             the sort key, if the table has one
 * @param timeToLiveAttribute the attribute (epoch seconds) after which an item is dead, if items expire:
 *                            DynamoDB's TTL is enabled on it where the table's mode allows (MREC); an
 *                            MRSC table has no TTL, so there a sweeper deletes expired items. The
 *                            stores treat an item past its time as absent wherever that matters, so
 *                            correctness never depends on when either deletes it.
 * @param transactional       whether the store writes it with {@code TransactWriteItems}
 * @param replication         whether it is one global table or a table of its own in every region
 * @param billing             how capacity is paid for
 * @param indexes             its global secondary indexes (every attribute projected)
 */
public record TableDefinition(
        String name,
        Setting setting,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Optional<String> timeToLiveAttribute,
        boolean transactional,
        Replication replication,
        Billing billing,
        List<SecondaryIndex> indexes) {

    public TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(timeToLiveAttribute, "timeToLiveAttribute");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(billing, "billing");
        indexes = List.copyOf(indexes);
    }

    /** A table without secondary indexes. */
    public TableDefinition(String name, Setting setting, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
            Optional<String> timeToLiveAttribute, boolean transactional, Replication replication, Billing billing) {
        this(name, setting, partitionKey, sortKey, timeToLiveAttribute, transactional, replication, billing, List.of());
    }

    /** A global secondary index projecting every attribute. */
    public record SecondaryIndex(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        public SecondaryIndex {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(sortKey, "sortKey");
        }
    }

    /**
     * Whether the table may be a multi-Region strongly consistent (MRSC) global table. MRSC supports
     * no transactions, so a transactional table must be an eventually consistent (MREC) global
     * table; nor does it support TTL, which for the other tables only means that expired items are
     * swept instead (see {@link #timeToLiveAttribute()}). A {@link Replication#REGIONAL} table is no
     * global table at all.
     */
    public boolean allowsMultiRegionStrongConsistency() {
        return replication == Replication.GLOBAL && !transactional;
    }

    /** A key attribute. */
    public record KeyAttribute(String name, AttributeType type) {
        public KeyAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public static KeyAttribute string(String name) {
            return new KeyAttribute(name, AttributeType.STRING);
        }
    }

    /** A key attribute's DynamoDB scalar type. */
    public enum AttributeType {
        /** {@code S} */
        STRING,
        /** {@code N} */
        NUMBER,
        /** {@code B} */
        BINARY
    }

    /** Where a table's items live. */
    public enum Replication {
        /** One global table with a replica in every region of the deployment (MRSC or MREC, see above). */
        GLOBAL,
        /**
         * No replication: every region has a table of this name of its own, read and written only by
         * that region's functions (the items mean nothing elsewhere, so copying them would only cost).
         */
        REGIONAL
    }

    /** How a table's capacity is paid for. */
    public enum Billing {
        /** Pay per request ({@code PAY_PER_REQUEST}): no capacity to plan, nothing to throttle at a set rate. */
        ON_DEMAND
    }
}
