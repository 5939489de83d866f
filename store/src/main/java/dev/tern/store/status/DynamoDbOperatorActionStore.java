package dev.tern.store.status;

import static dev.tern.store.status.HealthTable.s;

import dev.tern.core.status.Component;
import dev.tern.core.status.IncidentStatus;
import dev.tern.core.status.OperatorAction;
import dev.tern.core.status.OperatorActionStore;
import dev.tern.core.status.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link OperatorActionStore} on the health table, every action under one partition (an operator adds
 * a handful a month), never expiring:
 *
 * <pre>
 * pk S = "operator" | sk S = "maintenance#" + id      | title, from, until, announcedAt S, components, regions S (comma-separated)
 * pk S = "operator" | sk S = "note#" + at (epoch ms, 20 digits) + "#" + uuid | incidentId, at, body S, status S?
 * </pre>
 *
 * A window saved again under its id replaces the earlier one (one {@code PutItem}). Notes are keyed by
 * their time, so they read in the order of their times: the order they were added when, as the admin
 * command does, each note's time is the moment it is added.
 */
public final class DynamoDbOperatorActionStore implements OperatorActionStore {
    static final String PARTITION = "operator";

    private final DynamoDbClient client;
    private final String tableName;

    /** A store on the health table {@code tableName}, sharing {@code client}. */
    public DynamoDbOperatorActionStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public void add(OperatorAction action) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HealthTable.PK, s(PARTITION));
        switch (action) {
            case OperatorAction.Maintenance m -> {
                item.put(HealthTable.SK, s("maintenance#" + m.id()));
                item.put("id", s(m.id()));
                item.put("title", s(m.title()));
                item.put("components", s(m.components().stream().map(Component::id).sorted().collect(Collectors.joining(","))));
                item.put("regions", s(m.regions().stream().map(Region::code).sorted().collect(Collectors.joining(","))));
                item.put("from", s(m.from().toString()));
                item.put("until", s(m.until().toString()));
                item.put("announcedAt", s(m.announcedAt().toString()));
            }
            case OperatorAction.Note n -> {
                // Zero-padded epoch milliseconds sort as times do; the uuid keeps two notes of one instant apart.
                item.put(HealthTable.SK, s("note#" + String.format("%020d", n.at().toEpochMilli()) + "#" + UUID.randomUUID()));
                item.put("incidentId", s(n.incidentId()));
                item.put("at", s(n.at().toString()));
                item.put("body", s(n.body()));
                n.status().ifPresent(st -> item.put("status", s(st.name())));
            }
        }
        try {
            client.putItem(r -> r.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw HealthTable.translate(e, tableName, "saving an operator action");
        }
    }

    @Override
    public List<OperatorAction> all() {
        List<OperatorAction.Maintenance> windows = new ArrayList<>();
        List<OperatorAction.Note> notes = new ArrayList<>();
        try {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", HealthTable.PK))
                        .expressionAttributeValues(Map.of(":pk", s(PARTITION)));
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse page = client.query(request.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    String sk = item.get(HealthTable.SK).s();
                    if (sk.startsWith("maintenance#")) {
                        windows.add(maintenance(item));
                    } else if (sk.startsWith("note#")) {
                        notes.add(note(item));
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw HealthTable.translate(e, tableName, "reading operator actions");
        }
        windows.sort(Comparator.comparing(OperatorAction.Maintenance::from).thenComparing(OperatorAction.Maintenance::id));
        List<OperatorAction> all = new ArrayList<>(windows);
        all.addAll(notes);
        return List.copyOf(all);
    }

    private static OperatorAction.Maintenance maintenance(Map<String, AttributeValue> item) {
        return new OperatorAction.Maintenance(item.get("id").s(), item.get("title").s(),
                split(item.get("components").s()).stream().map(Component::fromId).collect(Collectors.toSet()),
                split(item.get("regions").s()).stream().map(Region::of).collect(Collectors.toSet()),
                Instant.parse(item.get("from").s()), Instant.parse(item.get("until").s()),
                Instant.parse(item.get("announcedAt").s()));
    }

    private static OperatorAction.Note note(Map<String, AttributeValue> item) {
        return new OperatorAction.Note(item.get("incidentId").s(), Instant.parse(item.get("at").s()), item.get("body").s(),
                Optional.ofNullable(item.get("status")).map(v -> IncidentStatus.valueOf(v.s())));
    }

    private static Set<String> split(String joined) {
        return joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
    }
}
