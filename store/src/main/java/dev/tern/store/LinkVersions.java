package dev.tern.store;

import dev.tern.core.audit.Change;
import dev.tern.core.audit.ChangeKind;
import dev.tern.core.audit.LinkVersion;
import dev.tern.core.link.Creator;
import dev.tern.core.link.Link;
import dev.tern.core.link.ShortCode;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of the audit trail in the links table (see {@code docs/adr/2026-11-23-audit-and-abuse.md}):
 *
 * <ul>
 *   <li>the <b>link item</b> carries its current version and that version's record:
 *       {@code version N | changeKind S | changeBy S | changeAt S | restoredFrom N?}; an item without
 *       {@code version} (created by {@code insertNew}, the importer, or before the audit trail) is
 *       version 1 with a record derived from the link ({@link Change#derivedCreation});
 *   <li>an <b>archive item</b> per earlier version, key {@code code = "#v/<code>/<version>"} (never a
 *       short code: {@code #} and {@code /} are outside the code alphabet):
 *       {@code link M (the link item's attributes) | version N | changeKind S | changeBy S | changeAt S |
 *       restoredFrom N? | recorded BOOL}. The link is a nested map so that none of its attributes
 *       ({@code listKey}, {@code creator}, {@code urlHash}) puts the archive item into an index.
 * </ul>
 */
final class LinkVersions {
    static final String VERSION = "version";
    static final String CHANGE_KIND = "changeKind";
    static final String CHANGE_BY = "changeBy";
    static final String CHANGE_AT = "changeAt";
    static final String RESTORED_FROM = "restoredFrom";
    static final String RECORDED = "recorded";
    static final String LINK = "link";
    static final String ARCHIVE_PREFIX = "#v/";

    private LinkVersions() {
    }

    static String archiveKey(ShortCode code, long version) {
        return ARCHIVE_PREFIX + code.value() + "/" + version;
    }

    /** The link item of {@code version}: the link's attributes and the version's record. */
    static Map<String, AttributeValue> linkItem(LinkVersion version) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbLinkStore.toItem(version.link()));
        putRecord(item, version);
        return item;
    }

    static Map<String, AttributeValue> archiveItem(LinkVersion version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TernTables.LINK_KEY, AttributeValue.fromS(archiveKey(version.link().code(), version.version())));
        Map<String, AttributeValue> link = new HashMap<>(DynamoDbLinkStore.toItem(version.link()));
        link.values().removeIf(v -> v.nul() != null && v.nul());
        item.put(LINK, AttributeValue.fromM(link));
        putRecord(item, version);
        item.put(RECORDED, AttributeValue.fromBool(version.change().recorded()));
        return item;
    }

    private static void putRecord(Map<String, AttributeValue> item, LinkVersion version) {
        Change change = version.change();
        item.put(VERSION, AttributeValue.fromN(Long.toString(version.version())));
        item.put(CHANGE_KIND, AttributeValue.fromS(change.kind().name()));
        item.put(CHANGE_BY, AttributeValue.fromS(change.actor().id()));
        item.put(CHANGE_AT, AttributeValue.fromS(StoredInstants.format(change.at())));
        if (change.restoredFrom() != null) {
            item.put(RESTORED_FROM, AttributeValue.fromN(Long.toString(change.restoredFrom())));
        }
    }

    static LinkVersion ofLinkItem(Map<String, AttributeValue> item) {
        Link link = DynamoDbLinkStore.SCHEMA.mapToItem(item);
        if (!item.containsKey(VERSION)) {
            return LinkVersion.firstOf(link);
        }
        return new LinkVersion(Long.parseLong(item.get(VERSION).n()), link, change(item, true));
    }

    static LinkVersion ofArchiveItem(Map<String, AttributeValue> item) {
        Link link = DynamoDbLinkStore.SCHEMA.mapToItem(item.get(LINK).m());
        boolean recorded = !item.containsKey(RECORDED) || Boolean.TRUE.equals(item.get(RECORDED).bool());
        return new LinkVersion(Long.parseLong(item.get(VERSION).n()), link, change(item, recorded));
    }

    private static Change change(Map<String, AttributeValue> item, boolean recorded) {
        AttributeValue from = item.get(RESTORED_FROM);
        return new Change(ChangeKind.valueOf(item.get(CHANGE_KIND).s()), new Creator(item.get(CHANGE_BY).s()),
                StoredInstants.parse(item.get(CHANGE_AT).s(), CHANGE_AT), from == null ? null : Long.parseLong(from.n()), recorded);
    }
}
