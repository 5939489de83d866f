package dev.tern.status.site;

import dev.tern.status.incident.StatusPolicy;
import dev.tern.status.incident.StatusSnapshot;
import java.util.Objects;

/**
 * Everything one generation of the site needs: the page, the rules it explains, and the state.
 *
 * @param page the page's name and address
 * @param policy the rules the snapshot was judged by (the page writes them out)
 * @param snapshot what the engine saw
 */
public record StatusView(StatusPage page, StatusPolicy policy, StatusSnapshot snapshot) {
    public StatusView {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
