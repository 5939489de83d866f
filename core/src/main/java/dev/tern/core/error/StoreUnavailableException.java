package dev.tern.core.error;

import java.time.Duration;

/**
 * The data store throttled the request or did not answer in time. The request did not take effect
 * (or is safe to retry) and the client should retry after {@link #retryAfter()}.
 */
public final class StoreUnavailableException extends TernException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public StoreUnavailableException(String reason, Duration retryAfter, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, "The service is busy right now (" + reason + "); please retry shortly", cause);
        this.retryAfter = retryAfter;
    }

    /** How long a client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
