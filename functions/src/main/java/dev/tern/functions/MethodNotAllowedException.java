package dev.tern.functions;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;

/** The route exists but not for the request's method; {@link #allow()} lists the methods it has. */
final class MethodNotAllowedException extends TernException {
    private static final long serialVersionUID = 1L;

    private final String allow;

    MethodNotAllowedException(String method, String path, String allow) {
        super(ErrorCode.METHOD_NOT_ALLOWED, (method.isEmpty() ? "This method" : method) + " is not allowed on "
                + Problems.shortened(path) + "; use " + allow);
        this.allow = allow;
    }

    /** The value of the {@code Allow} header. */
    String allow() {
        return allow;
    }
}
