package dev.tern.core.error;

/** A request field other than the URL or the code is unacceptable. */
public final class InvalidRequestException extends TernException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(ErrorCode code, String detail) {
        super(code, detail);
    }

    public static InvalidRequestException of(String detail) {
        return new InvalidRequestException(ErrorCode.INVALID_REQUEST, detail);
    }
}
