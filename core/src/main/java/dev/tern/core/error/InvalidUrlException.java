package dev.tern.core.error;

/** The long URL cannot be accepted; the detail says why in plain words. */
public final class InvalidUrlException extends TernException {
    private static final long serialVersionUID = 1L;

    public InvalidUrlException(String detail) {
        super(ErrorCode.INVALID_URL, detail);
    }

    /** The URL points back at one of our own short links. */
    public static TernException redirectLoop(String url) {
        return new TernException(ErrorCode.REDIRECT_LOOP,
                "The URL " + quote(url) + " is itself a short link of this site; linking to it would make a redirect loop");
    }

    static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return "\"" + shown + "\"";
    }
}
