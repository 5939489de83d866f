package dev.tern.core.error;

import dev.tern.core.link.ShortCode;

/** No link has the short code. */
public final class LinkNotFoundException extends TernException {
    private static final long serialVersionUID = 1L;

    private LinkNotFoundException(String code) {
        super(ErrorCode.NOT_FOUND, "No link has the short code \"" + code + "\"");
    }

    public static LinkNotFoundException forCode(ShortCode code) {
        return new LinkNotFoundException(code.value());
    }

    public static LinkNotFoundException forRawCode(String code) {
        return new LinkNotFoundException(code);
    }
}
