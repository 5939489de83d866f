package dev.tern.status.site;

/** Escaping for HTML and XML text and attribute values: every dynamic string goes through here. */
final class Html {
    private Html() {}

    /** {@code s} safe inside an element or a quoted attribute, in HTML and in XML. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are invalid in XML 1.0 and useless in HTML: drop them.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
