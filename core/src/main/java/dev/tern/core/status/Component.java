package dev.tern.core.status;

import java.util.Arrays;

/**
 * What the probes check in every region. The order is the order of the rows on the status page and
 * of {@code position} in the Statuspage feeds.
 */
public enum Component {
    /** {@code GET /{code}} of the dedicated canary link: expected status and {@code Location}. */
    REDIRECT("redirect", "Redirects"),
    /** The REST API ({@code /api/v1}). */
    API("api", "REST API"),
    /** The link-creation form. */
    WEB("web", "Web form"),
    /** {@code yourls-api.php}, for existing YOURLS clients. */
    YOURLS_API("yourls-api", "YOURLS API"),
    /** DynamoDB read/write latency and cross-region replication of the canary link. */
    DATABASE("database", "Database");

    private final String id;
    private final String displayName;

    Component(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The stable identifier used in stored results, feeds and URLs, e.g. {@code yourls-api}. */
    public String id() {
        return id;
    }

    /** The name shown to people. */
    public String displayName() {
        return displayName;
    }

    /** The component whose {@link #id()} is {@code id}. */
    public static Component fromId(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown status component \"" + id
                        + "\"; expected one of redirect, api, web, yourls-api, database"));
    }
}
