package dev.tern.core;

import dev.tern.core.click.ClickCounterStore;
import dev.tern.core.idempotency.IdempotencyStore;
import dev.tern.core.link.LinkStore;
import java.util.Objects;

/**
 * The storage ports a deployable needs, handed to its composition root together: DynamoDB-backed in
 * production and {@code local/}, in-memory in unit tests.
 */
public record Stores(LinkStore links, IdempotencyStore idempotency, ClickCounterStore clicks) {
    public Stores {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(clicks, "clicks");
    }
}
