package dev.tern.functions;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import java.util.Map;

/** An API key used up its requests for now: 429 with {@code Retry-After} and the {@code RateLimit-*} fields. */
final class RateLimitedException extends TernException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> headers;

    RateLimitedException(long retryAfterSeconds, Map<String, String> rateLimitHeaders) {
        super(ErrorCode.RATE_LIMITED, "This API key has made too many requests; retry in " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second" : " seconds"));
        this.headers = Map.copyOf(rateLimitHeaders);
    }

    /** {@code Retry-After} and the {@code RateLimit-*} fields. */
    Map<String, String> headers() {
        return headers;
    }
}
