package dev.tern.migration.config;

import dev.tern.migration.config.PhpTokenizer.Kind;
import dev.tern.migration.config.PhpTokenizer.Token;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YOURLS {@code user/config.php} <em>without executing PHP</em>: the {@code define('NAME', value)}
 * calls whose values are literals (single- or double-quoted strings with PHP's escapes, {@code true},
 * {@code false}, {@code null}, integers, and {@code .} concatenations of those and of constants defined
 * before), and the {@code $yourls_user_passwords} and {@code $yourls_reserved_URL} arrays in their
 * {@code [ … ]} and {@code array( … )} forms. PHP comments may appear anywhere.
 *
 * <p>Anything else (an {@code if}, a function call, a value computed at run time) is skipped and listed
 * in {@link YourlsConfig#warnings()} with its line. A part Tern needs that cannot be read (a broken
 * string, unbalanced brackets, a user entry that is not a plain string) is a
 * {@link YourlsConfigException} naming the file and line.
 */
public final class YourlsConfigReader {

    /** A config.php is a few kilobytes; anything far larger is not one. */
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final String USERS_VARIABLE = "$yourls_user_passwords";
    private static final String RESERVED_VARIABLE = "$yourls_reserved_URL";
    private static final Map<String, String> TABLE_CONSTANTS = Map.of(
            "YOURLS_DB_TABLE_URL", "url",
            "YOURLS_DB_TABLE_LOG", "log",
            "YOURLS_DB_TABLE_OPTIONS", "options");

    private final List<Token> tokens;
    private final String fileName;
    private int pos;
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private Map<String, String> users;
    private List<String> reserved;

    private YourlsConfigReader(List<Token> tokens, String fileName) {
        this.tokens = tokens;
        this.fileName = fileName;
    }

    /**
     * Reads the file (UTF-8).
     *
     * @throws YourlsConfigException when it cannot be read, is not PHP, or a needed part is malformed
     */
    public static YourlsConfig read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new YourlsConfigException(name + " is " + Files.size(file)
                        + " bytes: too large to be a YOURLS config.php. Give the path of user/config.php.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new YourlsConfigException("No such file: " + name);
        } catch (IOException e) {
            throw new YourlsConfigException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Old configs saved in Latin-1 still hold ASCII settings; PHP itself reads bytes.
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return parse(text, name);
    }

    /**
     * Reads config.php source text; {@code fileName} is only used in messages.
     *
     * @throws YourlsConfigException when it is not PHP, or a needed part is malformed
     */
    public static YourlsConfig parse(String phpSource, String fileName) {
        YourlsConfigReader reader = new YourlsConfigReader(PhpTokenizer.tokenize(phpSource, fileName), fileName);
        reader.readStatements();
        return reader.toConfig();
    }

    private void readStatements() {
        while (peek().kind() != Kind.END) {
            Token t = peek();
            if (t.is(";")) {
                pos++;
            } else if (t.isName("define") && peek(1).is("(")) {
                readDefine();
            } else if (t.kind() == Kind.VARIABLE && peek(1).is("=")
                    && (t.text().equals(USERS_VARIABLE) || t.text().equals(RESERVED_VARIABLE))) {
                readArrayAssignment();
            } else {
                skipStatement();
            }
        }
    }

    private void readDefine() {
        Token define = next();
        int open = pos;
        expect("(");
        try {
            Object name = expression();
            if (!(name instanceof String constant)) {
                throw new NotLiteral(define.line());
            }
            expect(",");
            Object value = expression();
            if (peek().is(",")) { // the obsolete case_insensitive flag
                pos++;
                expression();
            }
            expect(")");
            endOfStatement(define);
            if (constants.containsKey(constant)) {
                warnings.add("line " + define.line() + ": " + constant + " is defined twice; PHP keeps the first value");
            } else {
                constants.put(constant, value);
            }
        } catch (NotLiteral e) {
            String name = tokens.get(open + 1).kind() == Kind.STRING ? tokens.get(open + 1).text() : "a constant";
            warnings.add("line " + define.line() + ": define of " + name
                    + " skipped: its value needs PHP to evaluate");
            pos = afterMatching(open);
            if (peek().is(";")) {
                pos++;
            }
        }
    }

    private void readArrayAssignment() {
        Token variable = next();
        expect("=");
        boolean isUsers = variable.text().equals(USERS_VARIABLE);
        List<Object[]> entries;
        try {
            entries = arrayLiteral(variable);
        } catch (NotLiteral e) {
            throw error(e.line, variable.text() + " holds a value that is not a plain string or number;"
                    + " Tern reads config.php without running PHP, so write it as a literal");
        }
        endOfStatement(variable);
        if (isUsers) {
            Map<String, String> read = new LinkedHashMap<>();
            for (Object[] entry : entries) {
                if (!(entry[0] instanceof String user) || !(entry[1] instanceof String hash)) {
                    throw error(variable.line(), USERS_VARIABLE + " must map user names to password strings ('user' => 'password')");
                }
                read.put(user, hash);
            }
            users = read;
        } else {
            List<String> read = new ArrayList<>();
            for (Object[] entry : entries) {
                read.add(phpString(entry[1]));
            }
            reserved = read;
        }
    }

    /** {@code [ … ]} or {@code array( … )}: entries as {key-or-index, value}. */
    private List<Object[]> arrayLiteral(Token owner) {
        String close;
        Token start = peek();
        if (start.is("[")) {
            close = "]";
        } else if (start.isName("array") && peek(1).is("(")) {
            pos++;
            close = ")";
        } else {
            throw error(start.line(), owner.text() + " must be an array ([ … ] or array( … )), found " + start.describe());
        }
        pos++;
        List<Object[]> entries = new ArrayList<>();
        long index = 0;
        while (!peek().is(close)) {
            if (peek().kind() == Kind.END) {
                throw error(start.line(), "the array of " + owner.text() + " opened here is never closed");
            }
            Object first = expression();
            if (peek().is("=>")) {
                pos++;
                entries.add(new Object[] {first, expression()});
            } else {
                entries.add(new Object[] {index++, first});
            }
            if (peek().is(",")) {
                pos++;
            } else if (!peek().is(close)) {
                throw error(peek().line(), "expected ',' or '" + close + "' in the array of " + owner.text()
                        + ", found " + peek().describe());
            }
        }
        pos++;
        return entries;
    }

    /** A literal: strings, numbers, true/false/null, known constants, joined by {@code .}. */
    private Object expression() {
        Object value = operand();
        while (peek().is(".")) {
            pos++;
            value = phpString(value) + phpString(operand());
        }
        Token after = peek();
        if (!(after.is(",") || after.is(")") || after.is("]") || after.is("=>") || after.is(";"))) {
            throw new NotLiteral(after.line());
        }
        return value;
    }

    private Object operand() {
        Token t = next();
        switch (t.kind()) {
            case STRING -> {
                if (t.interpolated()) {
                    throw new NotLiteral(t.line());
                }
                return t.text();
            }
            case NUMBER -> {
                return number(t, false);
            }
            case NAME -> {
                String lower = t.text().toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return lower.equals("true");
                }
                if (lower.equals("null")) {
                    return "";
                }
                if (constants.containsKey(t.text()) && !peek().is("(")) {
                    return constants.get(t.text());
                }
                throw new NotLiteral(t.line());
            }
            case SYMBOL -> {
                if ((t.is("-") || t.is("+")) && peek().kind() == Kind.NUMBER) {
                    return number(next(), t.is("-"));
                }
                if (t.is("(")) {
                    Object inner = expression();
                    expect(")");
                    return inner;
                }
                throw new NotLiteral(t.line());
            }
            default -> throw new NotLiteral(t.line());
        }
    }

    private Object number(Token t, boolean negative) {
        String text = t.text().replace("_", "");
        try {
            long value;
            if (text.startsWith("0x") || text.startsWith("0X")) {
                value = Long.parseLong(text.substring(2), 16);
            } else if (text.startsWith("0b") || text.startsWith("0B")) {
                value = Long.parseLong(text.substring(2), 2);
            } else if (text.length() > 1 && text.startsWith("0") && text.chars().allMatch(Character::isDigit)) {
                value = Long.parseLong(text.substring(1), 8);
            } else {
                value = Long.parseLong(text);
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            // A float or something stranger: keep its text, PHP-style.
            return (negative ? "-" : "") + t.text();
        }
    }

    /** PHP's string conversion of a literal. */
    private static String phpString(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "";
        }
        return String.valueOf(value);
    }

    /** PHP's truthiness of a literal. */
    private static boolean phpTruthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        String s = String.valueOf(value);
        return !s.isEmpty() && !s.equals("0");
    }

    private void skipStatement() {
        Token first = peek();
        int depth = 0;
        while (true) {
            Token t = next();
            if (t.kind() == Kind.END) {
                if (depth > 0) {
                    throw error(first.line(), "a bracket opened in the statement starting here is never closed");
                }
                break;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
                if (depth < 0) {
                    throw error(t.line(), "unbalanced '" + t.text() + "'");
                }
                if (depth == 0 && t.is("}")) {
                    break;
                }
            } else if (t.is(";") && depth == 0) {
                break;
            }
        }
        warnings.add("line " + first.line() + ": skipped a statement starting with " + first.describe()
                + " (Tern reads only define(...) and the user and reserved-keyword arrays)");
    }

    /** The position after the bracket matching the one at {@code open}. */
    private int afterMatching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        throw error(tokens.get(open).line(), "the '(' opened here is never closed");
    }

    private void endOfStatement(Token owner) {
        Token t = peek();
        if (t.is(";")) {
            pos++;
        } else if (t.kind() != Kind.END) {
            throw error(t.line(), "expected ';' after " + owner.text() + "(…), found " + t.describe());
        }
    }

    private void expect(String symbol) {
        Token t = next();
        if (!t.is(symbol)) {
            throw error(t.line(), "expected '" + symbol + "', found " + t.describe());
        }
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    private YourlsConfigException error(int line, String what) {
        return new YourlsConfigException(fileName + " line " + line + ": " + what);
    }

    private YourlsConfig toConfig() {
        Map<String, String> tableOverrides = new LinkedHashMap<>();
        TABLE_CONSTANTS.forEach((constant, role) -> {
            if (constants.containsKey(constant)) {
                tableOverrides.put(role, phpString(constants.get(constant)));
            }
        });
        int urlConvert = 36;
        if (constants.containsKey("YOURLS_URL_CONVERT")) {
            String declared = phpString(constants.get("YOURLS_URL_CONVERT"));
            if (declared.equals("62") || declared.equals("64")) {
                urlConvert = 62;
            } else if (!declared.equals("36")) {
                warnings.add("YOURLS_URL_CONVERT is " + declared + "; YOURLS treats any value but 62 or 64 as 36");
            }
        }
        if (users == null) {
            warnings.add(USERS_VARIABLE + " is not set: no YOURLS users to carry over");
        }
        return new YourlsConfig(
                stringConstant("YOURLS_SITE"),
                stringConstant("YOURLS_DB_PREFIX").orElse(YourlsConfig.DEFAULT_DB_PREFIX),
                tableOverrides,
                booleanConstant("YOURLS_UNIQUE_URLS", true),
                booleanConstant("YOURLS_PRIVATE", true),
                stringConstant("YOURLS_COOKIEKEY"),
                urlConvert,
                users == null ? Map.of() : users,
                reserved == null ? List.of() : reserved,
                stringConstant("YOURLS_LANG").orElse(""),
                warnings);
    }

    private Optional<String> stringConstant(String name) {
        return Optional.ofNullable(constants.get(name)).map(YourlsConfigReader::phpString);
    }

    private boolean booleanConstant(String name, boolean otherwise) {
        return constants.containsKey(name) ? phpTruthy(constants.get(name)) : otherwise;
    }

    /** A value that needs PHP to evaluate; carries the line for the warning or the error. */
    private static final class NotLiteral extends RuntimeException {
        private final int line;

        NotLiteral(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
