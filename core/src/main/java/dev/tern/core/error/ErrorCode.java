package dev.tern.core.error;

/**
 * Stable, machine-readable error codes. Clients match on {@link #slug()}, so a slug never changes
 * once released; add new codes instead of renaming old ones.
 */
public enum ErrorCode {
    /** The long URL is missing, malformed, too long or uses a refused scheme. */
    INVALID_URL("invalid-url"),
    /** The long URL points back at one of Tern's own short links. */
    REDIRECT_LOOP("redirect-loop"),
    /** A custom short code has characters or a length outside the allowed syntax. */
    INVALID_CODE("invalid-code"),
    /** A custom short code is a reserved word (a route or file name of Tern itself). */
    RESERVED_CODE("reserved-code"),
    /** The long URL's host (or a parent domain of it) is on the site's blocklist. */
    BLOCKED_URL("blocked-url"),
    /** The short code already belongs to another link. */
    CODE_TAKEN("code-taken"),
    /** A title is too long or otherwise unacceptable. */
    INVALID_TITLE("invalid-title"),
    /** An expiry time is malformed or not in the future. */
    INVALID_EXPIRY("invalid-expiry"),
    /** The request as a whole could not be understood (malformed body, missing field...). */
    INVALID_REQUEST("invalid-request"),
    /** The request body has a media type the endpoint does not accept. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    /** The request body is larger than the endpoint accepts. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** No route matches the request path. */
    ROUTE_NOT_FOUND("route-not-found"),
    /** The route exists but not for this HTTP method. */
    METHOD_NOT_ALLOWED("method-not-allowed"),
    /** No link has this short code. */
    NOT_FOUND("not-found"),
    /** A link has no version with this number in its history. */
    VERSION_NOT_FOUND("version-not-found"),
    /** The link existed but has expired, been disabled or deleted. */
    GONE("gone"),
    /** An Idempotency-Key was reused with a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    /** An Idempotency-Key is malformed. */
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key"),
    /** The request carries no API key, or one that is unknown, revoked or expired. */
    UNAUTHORIZED("unauthorized"),
    /** The API key is valid but lacks the scope the request needs. */
    FORBIDDEN("forbidden"),
    /** The API key has used up its rate limit for now; retry after the time given. */
    RATE_LIMITED("rate-limited"),
    /** No API key has this id. */
    API_KEY_NOT_FOUND("api-key-not-found"),
    /**
     * A key was already issued for this {@code Idempotency-Key}; its value was shown once and is not
     * kept, so the retry does not issue a second one.
     */
    API_KEY_ALREADY_ISSUED("api-key-already-issued"),
    /** The data store is throttling or not answering in time; the request may be retried. */
    UNAVAILABLE("unavailable"),
    /** Something unexpected failed inside Tern; the details are in its logs, never in the answer. */
    INTERNAL("internal");

    private final String slug;

    ErrorCode(String slug) {
        this.slug = slug;
    }

    /** The stable code shown to clients, e.g. {@code code-taken}. */
    public String slug() {
        return slug;
    }
}
