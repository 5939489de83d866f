package dev.tern.core.error;

import dev.tern.core.link.ShortCode;

/** The short code already belongs to another link. Stores throw it when a conditional insert fails. */
public final class CodeTakenException extends TernException {
    private static final long serialVersionUID = 1L;

    private final transient ShortCode shortCode;

    private CodeTakenException(ShortCode shortCode) {
        super(ErrorCode.CODE_TAKEN, "Short code \"" + shortCode.value() + "\" is already in use");
        this.shortCode = shortCode;
    }

    public static CodeTakenException forCode(ShortCode code) {
        return new CodeTakenException(code);
    }

    /** The code that was taken. */
    public ShortCode shortCode() {
        return shortCode;
    }
}
