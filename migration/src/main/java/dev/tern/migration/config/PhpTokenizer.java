package dev.tern.migration.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the PHP code of a {@code config.php} into tokens: enough of PHP's lexical rules to read
 * literal data (strings with their escapes, numbers, names, variables, punctuation) and to skip
 * comments and text outside {@code <?php … ?>}. Nothing is evaluated.
 */
final class PhpTokenizer {

    enum Kind { STRING, NUMBER, NAME, VARIABLE, SYMBOL, END }

    /**
     * One token.
     *
     * @param text         the decoded value for strings; the source text otherwise
     * @param interpolated a double-quoted or heredoc string that names PHP variables (its value needs PHP)
     */
    record Token(Kind kind, String text, int line, boolean interpolated) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isName(String name) {
            return kind == Kind.NAME && text.equalsIgnoreCase(name);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the file";
                case STRING -> "a string";
                default -> "'" + text + "'";
            };
        }
    }

    private final String src;
    private final String fileName;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;

    private PhpTokenizer(String src, String fileName) {
        this.src = src;
        this.fileName = fileName;
    }

    /** The tokens of every PHP block of {@code src}, ending with one {@link Kind#END}. */
    static List<Token> tokenize(String src, String fileName) {
        PhpTokenizer t = new PhpTokenizer(src, fileName);
        t.run();
        return t.tokens;
    }

    private void run() {
        boolean sawOpenTag = false;
        while (pos < src.length()) {
            int open = indexOfOpenTag(pos);
            if (open < 0) {
                break;
            }
            sawOpenTag = true;
            advanceTo(open);
            pos += src.startsWith("<?=", pos) ? 3 : 5;
            readPhpBlock();
        }
        if (!sawOpenTag) {
            throw new YourlsConfigException(fileName + " is not a PHP file: it has no <?php tag."
                    + " Give the path of YOURLS's user/config.php.");
        }
        tokens.add(new Token(Kind.END, "", line, false));
    }

    private int indexOfOpenTag(int from) {
        for (int i = src.indexOf("<?", from); i >= 0; i = src.indexOf("<?", i + 2)) {
            if (src.regionMatches(true, i, "<?php", 0, 5) || src.startsWith("<?=", i)) {
                return i;
            }
        }
        return -1;
    }

    private void advanceTo(int target) {
        for (; pos < target; pos++) {
            if (src.charAt(pos) == '\n') {
                line++;
            }
        }
    }

    private void readPhpBlock() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("?>", pos)) {
                // A closing tag ends a statement, like a semicolon.
                tokens.add(new Token(Kind.SYMBOL, ";", line, false));
                pos += 2;
                return;
            } else if (c == '#' && !src.startsWith("#[", pos) || src.startsWith("//", pos)) {
                skipLineComment();
            } else if (src.startsWith("/*", pos)) {
                skipBlockComment();
            } else if (c == '\'') {
                readSingleQuoted();
            } else if (c == '"') {
                readDoubleQuoted();
            } else if (src.startsWith("<<<", pos)) {
                readHeredoc();
            } else if (c == '$' && pos + 1 < src.length() && isNameStart(src.charAt(pos + 1))) {
                int start = pos++;
                while (pos < src.length() && isNamePart(src.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.VARIABLE, src.substring(start, pos), line, false));
            } else if (isNameStart(c) || c == '\\') {
                int start = pos++;
                while (pos < src.length() && (isNamePart(src.charAt(pos)) || src.charAt(pos) == '\\')) {
                    pos++;
                }
                tokens.add(new Token(Kind.NAME, src.substring(start, pos), line, false));
            } else if (c >= '0' && c <= '9') {
                int start = pos++;
                while (pos < src.length() && (isNamePart(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line, false));
            } else if (src.startsWith("=>", pos)) {
                tokens.add(new Token(Kind.SYMBOL, "=>", line, false));
                pos += 2;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line, false));
                pos++;
            }
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c) || c >= 0x80;
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private void skipLineComment() {
        while (pos < src.length() && src.charAt(pos) != '\n' && !src.startsWith("?>", pos)) {
            pos++;
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
            throw error(startLine, "the comment opened here is never closed (no */)");
        }
        advanceTo(end + 2);
    }

    private void readSingleQuoted() {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw error(startLine, "the string opened here is never closed (missing ')");
            }
            char c = src.charAt(pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\\' && pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '\\')) {
                c = src.charAt(pos++);
            } else if (c == '\n') {
                line++;
            }
            value.append(c);
        }
        tokens.add(new Token(Kind.STRING, value.toString(), startLine, false));
    }

    private void readDoubleQuoted() {
        int startLine = line;
        pos++;
        int end = pos;
        // Find the closing quote first (skipping escaped characters), then decode the body.
        while (true) {
            if (end >= src.length()) {
                throw error(startLine, "the string opened here is never closed (missing \")");
            }
            char c = src.charAt(end);
            if (c == '"') {
                break;
            }
            end += c == '\\' ? 2 : 1;
        }
        String body = src.substring(pos, end);
        advanceTo(end + 1);
        tokens.add(new Token(Kind.STRING, decodeDoubleQuoted(body), startLine, interpolates(body)));
    }

    private void readHeredoc() {
        int startLine = line;
        int eol = src.indexOf('\n', pos);
        if (eol < 0) {
            throw error(startLine, "the heredoc string opened here is never closed");
        }
        String label = src.substring(pos + 3, eol).strip();
        boolean nowdoc = label.startsWith("'");
        label = label.replace("'", "").replace("\"", "");
        advanceTo(eol + 1);
        StringBuilder body = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error(startLine, "the heredoc string opened here is never closed (no " + label + ")");
            }
            int next = src.indexOf('\n', pos);
            String text = src.substring(pos, next < 0 ? src.length() : next);
            if (text.strip().startsWith(label)) {
                advanceTo(pos + text.indexOf(label) + label.length());
                break;
            }
            body.append(body.isEmpty() ? "" : "\n").append(text);
            advanceTo(next < 0 ? src.length() : next + 1);
        }
        String raw = body.toString();
        tokens.add(nowdoc
                ? new Token(Kind.STRING, raw, startLine, false)
                : new Token(Kind.STRING, decodeDoubleQuoted(raw), startLine, interpolates(raw)));
    }

    /** Whether a double-quoted body names a variable ({@code $name} or <code>{$</code>) that PHP would substitute. */
    private static boolean interpolates(String body) {
        for (int i = 0; i < body.length() - 1; i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$' && (isNameStart(body.charAt(i + 1)) || body.charAt(i + 1) == '{')
                    || c == '{' && body.charAt(i + 1) == '$') {
                return true;
            }
        }
        return false;
    }

    /** PHP's escapes in double-quoted strings; unknown escapes keep their backslash, as in PHP. */
    static String decodeDoubleQuoted(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'v' -> out.append('\u000B');
                case 'e' -> out.append('\u001B');
                case 'f' -> out.append('\f');
                case '\\', '$', '"' -> out.append(e);
                case 'x' -> {
                    int end = i + 1;
                    while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append("\\x");
                    } else {
                        out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                case 'u' -> {
                    int close = body.indexOf('}', i);
                    if (i + 1 < body.length() && body.charAt(i + 1) == '{' && close > i + 2) {
                        out.appendCodePoint(Integer.parseInt(body.substring(i + 2, close), 16));
                        i = close;
                    } else {
                        out.append("\\u");
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) (Integer.parseInt(body.substring(i, end), 8) & 0xFF));
                        i = end - 1;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private YourlsConfigException error(int atLine, String what) {
        return new YourlsConfigException(fileName + " line " + atLine + ": " + what);
    }
}
