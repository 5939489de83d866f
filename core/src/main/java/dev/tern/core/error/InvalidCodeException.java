package dev.tern.core.error;

/** A short code is malformed or reserved. */
public final class InvalidCodeException extends TernException {
    private static final long serialVersionUID = 1L;

    private InvalidCodeException(ErrorCode code, String detail) {
        super(code, detail);
    }

    public static InvalidCodeException malformed(String detail) {
        return new InvalidCodeException(ErrorCode.INVALID_CODE, detail);
    }

    public static InvalidCodeException reserved(String code) {
        return new InvalidCodeException(ErrorCode.RESERVED_CODE,
                "Short code " + InvalidUrlException.quote(code) + " is reserved; choose another one");
    }
}
