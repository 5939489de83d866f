package dev.tern.core.link;

/** The characters generated short codes are drawn from. */
public enum CodeAlphabet {
    /** {@code [0-9A-Za-z]}: the default, 62 symbols. */
    BASE62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
    /** {@code [0-9a-z]}: for sites that want codes people can read out loud, 36 symbols. */
    BASE36_LOWER("0123456789abcdefghijklmnopqrstuvwxyz");

    private final String symbols;

    CodeAlphabet(String symbols) {
        this.symbols = symbols;
    }

    public String symbols() {
        return symbols;
    }

    /** Parses a setting value such as {@code base62} or {@code base36}. */
    public static CodeAlphabet fromSetting(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "base62" -> BASE62;
            case "base36", "base36-lower", "base36_lower" -> BASE36_LOWER;
            default -> throw new IllegalArgumentException("unknown code alphabet '" + value + "' (use base62 or base36)");
        };
    }
}
