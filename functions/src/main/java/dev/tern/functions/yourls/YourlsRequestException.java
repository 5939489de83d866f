package dev.tern.functions.yourls;

import java.util.Objects;

/**
 * The request could not be read as a YOURLS API call (a body too large, not valid base64, a
 * multipart body without its boundary …). Carries the HTTP status to answer with, a message fit for
 * the client, and the parameters of the query string alone, so the answer can still honour the
 * {@code format} asked for: {@code replies.requestRejected(e)} rendered with {@link #queryParams()}.
 */
public final class YourlsRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient YourlsParams queryParams;

    YourlsRequestException(int httpStatus, String message, YourlsParams queryParams) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.queryParams = Objects.requireNonNull(queryParams, "queryParams");
    }

    /** 400, or 413 for a body over {@link YourlsParams#MAX_BODY_BYTES}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The query string's parameters (empty when the query string itself was refused). */
    public YourlsParams queryParams() {
        return queryParams;
    }
}
