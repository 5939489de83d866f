package dev.tern.core.error;

import java.util.Objects;

/**
 * A failure the domain expects and can explain to a client. Carries a stable {@link ErrorCode}
 * and a human-readable detail that is safe to show (it never contains internals).
 * Adapters map it to their protocol (problem+json, YOURLS error codes, an HTML page) in one place.
 */
public class TernException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public TernException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public TernException(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** The message to show to the client. */
    public String detail() {
        return getMessage();
    }
}
