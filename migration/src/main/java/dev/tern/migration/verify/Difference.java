package dev.tern.migration.verify;

import java.util.Objects;

/**
 * One concrete difference between the YOURLS source and Tern.
 *
 * @param kind        what differs
 * @param keyword     the link's keyword, exact
 * @param yourlsValue the value in the source (for {@link DifferenceKind#MISSING_IN_TERN}: its URL; for
 *                    {@link DifferenceKind#REDIRECT}: the answer expected)
 * @param ternValue   the value in Tern (for {@link DifferenceKind#MISSING_IN_TERN}: why it is missing; for
 *                    {@link DifferenceKind#REDIRECT}: the answer received)
 */
public record Difference(DifferenceKind kind, String keyword, String yourlsValue, String ternValue) {
    /** Values longer than this are shortened around their first difference in {@link #describe()}. */
    static final int SHOWN_CHARACTERS = 160;

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(yourlsValue, "yourlsValue");
        Objects.requireNonNull(ternValue, "ternValue");
    }

    /**
     * One or two lines for a terminal, e.g. {@code "abc": url differs — YOURLS "http://a" / Tern "http://b"}.
     * Control and invisible formatting characters are shown escaped ({@code \n}, {@code \u202E}) so a
     * value cannot disturb the terminal or hide what differs.
     */
    public String describe() {
        String code = "\"" + Shown.escape(keyword) + "\"";
        if (kind == DifferenceKind.MISSING_IN_TERN) {
            return code + ": " + kind.label() + " (" + ternValue + ") — YOURLS url " + Shown.quoted(yourlsValue, 0);
        }
        if (kind == DifferenceKind.REDIRECT) {
            return code + ": " + kind.label() + " — expected " + yourlsValue + ", got " + ternValue;
        }
        int from = Shown.firstDifference(yourlsValue, ternValue);
        return code + ": " + kind.label() + " — YOURLS " + Shown.quoted(yourlsValue, from)
                + " / Tern " + Shown.quoted(ternValue, from);
    }

    /** How values are shown on a terminal. */
    static final class Shown {
        private Shown() {
        }

        static int firstDifference(String a, String b) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return i;
                }
            }
            return n;
        }

        /** The value quoted, cut to a window around {@code around} when long, escaped. */
        static String quoted(String value, int around) {
            if (value.length() <= SHOWN_CHARACTERS) {
                return "\"" + escape(value) + "\"";
            }
            int start = Math.max(0, Math.min(around - SHOWN_CHARACTERS / 4, value.length() - SHOWN_CHARACTERS));
            int end = Math.min(value.length(), start + SHOWN_CHARACTERS);
            return (start > 0 ? "…" : "") + "\"" + escape(value.substring(start, end)) + "\"" + (end < value.length() ? "…" : "")
                    + " (" + value.length() + " chars)";
        }

        static String escape(String value) {
            StringBuilder out = new StringBuilder(value.length());
            value.codePoints().forEach(cp -> {
                switch (cp) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\\' -> out.append("\\\\");
                    case '"' -> out.append("\\\"");
                    default -> {
                        int type = Character.getType(cp);
                        if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                            out.append(String.format("\\u%04X", cp));
                        } else {
                            out.appendCodePoint(cp);
                        }
                    }
                }
            });
            return out.toString();
        }
    }
}
