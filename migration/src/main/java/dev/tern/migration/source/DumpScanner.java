package dev.tern.migration.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * One streaming pass over a {@code mysqldump} file: hands out the rows of one table, one at a time,
 * and remembers the {@code CREATE TABLE} statements and dump settings it passed on the way.
 *
 * <p>A hand-written scanner over a large decoded buffer (no regular expressions, no per-value
 * objects beyond the strings themselves): memory stays constant whatever the file's size. The file
 * is decoded as UTF-8 strictly; a malformed byte sequence is reported with its line.
 *
 * <p>Understands what {@code mysqldump}/{@code mariadb-dump} write: comments ({@code --}, {@code #},
 * <code>/* … *&#47;</code>, conditional <code>/*!40101 … *&#47;</code> and the sandbox-mode line),
 * {@code CREATE TABLE}, {@code INSERT [IGNORE] INTO t [(cols)] VALUES (…),(…);} and
 * {@code REPLACE INTO}, quoted strings with backslash escapes and doubled quotes, {@code NULL},
 * numbers, {@code 0x…}/{@code X'…'} hex literals, charset introducers such as {@code _binary '…'},
 * and {@code DELIMITER} lines. Every other statement is skipped.
 */
final class DumpScanner implements Closeable {

    private static final int BUFFER_CHARS = 1 << 16;
    /** The columns YOURLS creates, for data-only dumps (no CREATE TABLE) without column lists. */
    private static final Map<String, List<String>> STANDARD_COLUMNS = Map.of(
            "url", List.of("keyword", "url", "title", "timestamp", "ip", "clicks"),
            "log", List.of("click_id", "click_time", "shorturl", "referrer", "user_agent", "ip_address", "country_code"),
            "options", List.of("option_id", "option_name", "option_value"),
            "expiry", List.of("keyword", "type", "click", "timestamp", "shelflife", "postexpire"));

    /** Statements a dump may hold besides CREATE and INSERT; all are skipped. */
    private static final Set<String> SQL_STATEMENTS = Set.of(
            "SET", "DROP", "LOCK", "UNLOCK", "USE", "ALTER", "START", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT",
            "RELEASE", "FLUSH", "GRANT", "REVOKE", "DELETE", "UPDATE", "TRUNCATE", "RENAME", "ANALYZE", "OPTIMIZE",
            "SELECT", "DO", "SHOW", "CALL", "LOAD", "CHANGE", "RESET", "PREPARE", "EXECUTE", "DEALLOCATE",
            "INSTALL", "UNINSTALL", "REPAIR", "CHECK", "STOP", "PURGE", "XA", "HANDLER", "DECLARE");

    private final Path file;
    private final ReadableByteChannel channel;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_CHARS);
    private final char[] buf = new char[BUFFER_CHARS];
    private final CharBuffer chars = CharBuffer.wrap(buf);
    private int pos;
    private int limit;
    private boolean bytesEnded;
    private boolean charsEnded;
    private String malformedBytes;
    private int line = 1;

    private final String wantedTable;
    private final YourlsTableNames tableNames;
    private final Map<String, TableDefinition> definitions = new LinkedHashMap<>();
    private final Set<String> tablesWithRows = new LinkedHashSet<>();
    private final StringBuilder text = new StringBuilder(1024);

    private boolean inRows;
    private String currentTable;
    private boolean currentWanted;
    private List<String> currentColumns;
    private String[] row;
    private int rowLine;

    private String setNames = "";
    private boolean utcTimeZone;
    private boolean completed;

    /**
     * Opens {@code file} to read the rows of {@code wantedTable} (or of no table, when null: a pass
     * that only collects the schema).
     */
    DumpScanner(Path file, YourlsTableNames tableNames, String wantedTable) {
        this.file = file;
        this.tableNames = tableNames;
        this.wantedTable = wantedTable;
        try {
            this.channel = openMaybeGzipped(file);
        } catch (NoSuchFileException e) {
            throw new SourceException("No such dump file: " + file);
        } catch (IOException e) {
            throw new SourceException("Cannot open the dump file " + file + ": " + e.getMessage(), e);
        }
        bytes.flip();
    }

    /** The file's bytes; a gzip-compressed dump ({@code mysqldump … | gzip}) is decompressed on the fly. */
    private static ReadableByteChannel openMaybeGzipped(Path file) throws IOException {
        FileChannel plain = FileChannel.open(file, StandardOpenOption.READ);
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && plain.read(magic) >= 0) {
            // read the first two bytes (or fewer in a tiny file)
        }
        if (magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B) {
            plain.position(0);
            return Channels.newChannel(new GZIPInputStream(Channels.newInputStream(plain), BUFFER_CHARS));
        }
        plain.position(0);
        return plain;
    }

    /**
     * Advances to the next row of the wanted table.
     *
     * @return false at the end of the file
     * @throws SourceException for malformed or truncated input, naming file, line and table
     */
    boolean nextRow() {
        try {
            while (true) {
                if (inRows) {
                    if (readTuple()) {
                        return true;
                    }
                    continue;
                }
                if (!readStatement()) {
                    return false;
                }
            }
        } catch (IOException e) {
            String reason = e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException
                    ? "the compressed dump is truncated or corrupt (" + e.getMessage() + ")"
                    : e.getMessage();
            throw new SourceException("Cannot read " + file + " (line " + line + "): " + reason, e);
        }
    }

    /** The values of the current row, one per {@link #columns()} entry; null for SQL NULL. */
    String[] row() {
        return row;
    }

    /** The column names of the current row's INSERT (its column list, or its table's CREATE TABLE). */
    List<String> columns() {
        return currentColumns;
    }

    /** The line on which the current row starts. */
    int rowLine() {
        return rowLine;
    }

    /** The tables created so far, by name, in file order. */
    Map<String, TableDefinition> definitions() {
        return definitions;
    }

    /** The tables that had INSERTs so far. */
    Set<String> tablesWithRows() {
        return tablesWithRows;
    }

    /** The character set of {@code SET NAMES}, empty when the dump has none. */
    String setNames() {
        return setNames;
    }

    /** Whether the dump set {@code TIME_ZONE='+00:00'} (mysqldump's default: TIMESTAMPs written in UTC). */
    boolean utcTimeZone() {
        return utcTimeZone;
    }

    /** Whether the dump ended with mysqldump's {@code -- Dump completed} line. */
    boolean completed() {
        return completed;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Read-only file: nothing is lost by a failed close.
        }
    }

    // ---------------------------------------------------------------- statements

    /** Reads statements until one starts rows (an INSERT); false at the end of the file. */
    private boolean readStatement() throws IOException {
        while (true) {
            if (!skipSpaceAndComments(true)) {
                return false;
            }
            int c = peek();
            if (c == ';') {
                read();
                continue;
            }
            int statementLine = line;
            if (!isWordChar(c)) {
                throw error(statementLine, "expected an SQL statement, found '" + (char) c + "'"
                        + " (is this a mysqldump file?)");
            }
            String word = readWord().toUpperCase(Locale.ROOT);
            switch (word) {
                case "INSERT", "REPLACE" -> {
                    readInsertHead(statementLine);
                    return true;
                }
                case "CREATE" -> readCreate(statementLine);
                case "DELIMITER" -> skipLine();
                default -> {
                    if (!SQL_STATEMENTS.contains(word)) {
                        throw error(statementLine, "expected an SQL statement, found '" + word + "'"
                                + " (is this a mysqldump file?)");
                    }
                    skipStatement(statementLine, word);
                }
            }
        }
    }

    private void readInsertHead(int statementLine) throws IOException {
        String word;
        do {
            skipSpaceAndComments(false);
            word = readWord().toUpperCase(Locale.ROOT);
        } while (word.equals("LOW_PRIORITY") || word.equals("DELAYED") || word.equals("HIGH_PRIORITY")
                || word.equals("IGNORE"));
        if (word.equals("INTO")) {
            skipSpaceAndComments(false);
        } else if (!word.isEmpty()) {
            throw error(statementLine, "expected INTO after INSERT, found " + word);
        }
        String table = readIdentifier(statementLine);
        skipSpaceAndComments(false);
        if (peek() == '.') {
            read();
            table = readIdentifier(statementLine);
            skipSpaceAndComments(false);
        }
        List<String> columns = null;
        if (peek() == '(') {
            read();
            columns = new ArrayList<>();
            while (true) {
                skipSpaceAndComments(false);
                columns.add(readIdentifier(statementLine));
                skipSpaceAndComments(false);
                int c = read();
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw error(line, "INSERT into `" + table + "`: expected ',' or ')' in the column list");
                }
            }
            skipSpaceAndComments(false);
        }
        String values = readWord().toUpperCase(Locale.ROOT);
        if (!values.equals("VALUES") && !values.equals("VALUE")) {
            throw error(line, "INSERT into `" + table + "`: expected VALUES, found "
                    + (values.isEmpty() ? describe(peek()) : values)
                    + " (only INSERT … VALUES, as mysqldump writes, is understood)");
        }
        currentTable = table;
        tablesWithRows.add(table);
        currentWanted = table.equals(wantedTable);
        if (currentWanted) {
            if (columns == null) {
                TableDefinition definition = definitions.get(table);
                if (definition != null) {
                    columns = definition.columnNames();
                } else {
                    columns = tableNames.roleOf(table).map(STANDARD_COLUMNS::get).orElse(null);
                    if (columns == null) {
                        throw error(statementLine, "INSERT into `" + table + "` has no column list"
                                + " and the dump has no CREATE TABLE for it");
                    }
                }
            }
            currentColumns = List.copyOf(columns);
            row = new String[currentColumns.size()];
        }
        inRows = true;
    }

    private void readCreate(int statementLine) throws IOException {
        text.setLength(0);
        text.append(' ');
        copyStatement(statementLine, "CREATE");
        try {
            TableDefinition.parseCreate(text.toString()).ifPresent(d -> definitions.put(d.name(), d));
        } catch (IllegalArgumentException e) {
            throw error(statementLine, e.getMessage());
        }
    }

    /** Skips to the end of a statement, minding quotes. */
    private void skipStatement(int statementLine, String word) throws IOException {
        text.setLength(0);
        copyStatement(statementLine, word);
    }

    /** Appends the rest of a statement (up to its ';', not included) to {@link #text}, minding quotes and comments. */
    private void copyStatement(int statementLine, String word) throws IOException {
        while (true) {
            int c = read();
            switch (c) {
                case -1 -> throw error(statementLine, "the file ends inside this " + word
                        + " statement (no ';'): the dump is truncated");
                case ';' -> {
                    return;
                }
                case '\'', '"', '`' -> {
                    text.append((char) c);
                    copyQuoted(c, statementLine);
                }
                case '/' -> {
                    if (peek() == '*') {
                        read();
                        skipBlockCommentBody(line);
                        text.append(' ');
                    } else {
                        text.append('/');
                    }
                }
                default -> {
                    // Keep the statement text bounded: only CREATE TABLE's text is parsed.
                    if (text.length() < 1_000_000) {
                        text.append((char) c);
                    }
                }
            }
        }
    }

    private void copyQuoted(int quote, int statementLine) throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw error(statementLine, "the file ends inside a quoted name or string: the dump is truncated");
            }
            if (text.length() < 1_000_000) {
                text.append((char) c);
            }
            if (c == '\\' && quote != '`') {
                int e = read();
                if (e == -1) {
                    throw error(statementLine, "the file ends inside a quoted string: the dump is truncated");
                }
                text.append((char) e);
            } else if (c == quote) {
                if (peek() == quote) {
                    text.append((char) read());
                } else {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- rows

    /** Reads one {@code (…)} of the current INSERT and its following ',' or ';'; true when it is a wanted row. */
    private boolean readTuple() throws IOException {
        skipSpaceAndComments(false);
        int start = line;
        int c = read();
        if (c != '(') {
            if (c == -1) {
                throw truncated(start);
            }
            throw error(start, "INSERT into `" + currentTable + "`: expected '(' to start a row, found " + describe(c));
        }
        boolean wanted = currentWanted;
        if (wanted) {
            readValues(start);
        } else {
            skipValues(start);
        }
        skipSpaceAndComments(false);
        int after = read();
        if (after == ';') {
            inRows = false;
        } else if (after == -1) {
            throw truncated(line);
        } else if (after != ',') {
            throw error(line, "INSERT into `" + currentTable + "`: expected ',' or ';' after a row, found " + describe(after));
        }
        if (wanted) {
            rowLine = start;
        }
        return wanted;
    }

    private void readValues(int rowStart) throws IOException {
        String[] values = row;
        int count = 0;
        while (true) {
            skipSpace();
            String value = readValue(rowStart);
            if (count >= values.length) {
                throw error(rowStart, "a row of `" + currentTable + "` has more values than its "
                        + values.length + " columns " + currentColumns);
            }
            values[count++] = value;
            skipSpace();
            int c = read();
            if (c == ')') {
                break;
            }
            if (c != ',') {
                throw c == -1 ? truncated(line) : error(line, "a row of `" + currentTable
                        + "`: expected ',' or ')' after a value, found " + describe(c));
            }
        }
        if (count != values.length) {
            throw error(rowStart, "a row of `" + currentTable + "` has " + count + " values but the table has "
                    + values.length + " columns " + currentColumns);
        }
    }

    private String readValue(int rowStart) throws IOException {
        int c = peek();
        if (c == '\'' || c == '"') {
            read();
            return readQuoted(c);
        }
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
            String number = readNumber();
            if (number.length() > 2 && number.charAt(0) == '0' && (number.charAt(1) == 'x' || number.charAt(1) == 'X')) {
                return decodeHex(number.substring(2), rowStart);
            }
            return number;
        }
        if (isWordChar(c)) {
            int valueLine = line;
            String word = readWord();
            if (word.equalsIgnoreCase("NULL")) {
                return null;
            }
            if ((word.equals("X") || word.equals("x")) && peek() == '\'') {
                read();
                return decodeHex(readQuoted('\''), rowStart);
            }
            if (word.startsWith("_")) { // a charset introducer: _binary '…', _utf8mb4 '…'
                skipSpace();
                int q = read();
                if (q == '\'' || q == '"') {
                    return readQuoted(q);
                }
                if (q == '0' && (peek() == 'x' || peek() == 'X')) {
                    read();
                    return decodeHex(readWord(), rowStart);
                }
            }
            throw error(valueLine, "a row of `" + currentTable + "`: unsupported value " + word
                    + " (expected a string, number, hex literal or NULL)");
        }
        if (c == -1) {
            throw truncated(line);
        }
        throw error(line, "a row of `" + currentTable + "`: expected a value, found " + describe(c));
    }

    /** A quoted string's value; the opening quote is already read. The hot path: runs of plain characters are copied in bulk. */
    private String readQuoted(int quote) throws IOException {
        int startLine = line;
        StringBuilder value = text;
        value.setLength(0);
        while (true) {
            if (pos == limit && !fill()) {
                throw error(startLine, "the file ends inside a string value of `" + currentTable
                        + "` that starts here: the dump is truncated or a quote is not escaped");
            }
            int runStart = pos;
            int p = pos;
            char[] b = buf;
            int end = limit;
            char ch = 0;
            while (p < end) {
                ch = b[p];
                if (ch == quote || ch == '\\') {
                    break;
                }
                if (ch == '\n') {
                    line++;
                }
                p++;
            }
            value.append(b, runStart, p - runStart);
            pos = p;
            if (p == end) {
                continue;
            }
            pos++;
            if (ch == '\\') {
                int e = read();
                switch (e) {
                    case -1 -> throw error(startLine, "the file ends inside a string value of `" + currentTable
                            + "` that starts here: the dump is truncated");
                    case '0' -> value.append('\0');
                    case 'b' -> value.append('\b');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'Z' -> value.append('\u001A');
                    // MySQL keeps the backslash of \% and \_ (they are LIKE escapes).
                    case '%', '_' -> value.append('\\').append((char) e);
                    default -> value.append((char) e);
                }
            } else if (peek() == quote) { // a doubled quote stands for one
                read();
                value.append((char) quote);
            } else {
                return value.toString();
            }
        }
    }

    private String readNumber() throws IOException {
        text.setLength(0);
        while (true) {
            int c = peek();
            boolean sign = (c == '-' || c == '+')
                    && (text.isEmpty() || text.charAt(text.length() - 1) == 'e' || text.charAt(text.length() - 1) == 'E');
            if (sign || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                text.append((char) read());
            } else {
                return text.toString();
            }
        }
    }

    private String decodeHex(String hex, int rowStart) {
        byte[] decoded;
        try {
            decoded = HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
        } catch (IllegalArgumentException e) {
            throw error(rowStart, "a row of `" + currentTable + "`: malformed hex literal 0x" + hex);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw error(rowStart, "a row of `" + currentTable + "`: the hex literal 0x"
                    + (hex.length() > 40 ? hex.substring(0, 40) + "…" : hex) + " is not valid UTF-8 text");
        }
    }

    /** Skips a row of a table nobody asked for, still checking it is well formed enough to find its end. */
    private void skipValues(int rowStart) throws IOException {
        while (true) {
            int c = read();
            switch (c) {
                case -1 -> throw truncated(rowStart);
                case ')' -> {
                    return;
                }
                case '\'', '"' -> skipQuoted(c, rowStart);
                default -> {
                    // numbers, NULL, commas, spaces: nothing to do
                }
            }
        }
    }

    private void skipQuoted(int quote, int rowStart) throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                throw error(rowStart, "the file ends inside a string value of `" + currentTable
                        + "` in the row starting here: the dump is truncated or a quote is not escaped");
            }
            char ch = buf[pos++];
            if (ch == '\n') {
                line++;
            } else if (ch == '\\') {
                if (read() == -1) {
                    throw truncated(rowStart);
                }
            } else if (ch == quote) {
                if (peek() == quote) {
                    read();
                } else {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- lexical helpers

    /**
     * Skips whitespace and comments; at the top level also notes the dump settings found in
     * comments. Returns false at the end of the file.
     */
    private boolean skipSpaceAndComments(boolean topLevel) throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return false;
            }
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                read();
            } else if (c == '#') {
                skipLine();
            } else if (c == '-' && topLevel) {
                int commentLine = line;
                read();
                if (peek() != '-') {
                    throw error(commentLine, "expected an SQL statement, found '-'");
                }
                read();
                text.setLength(0);
                readLineInto(text);
                if (text.toString().startsWith(" Dump completed")) {
                    completed = true;
                }
            } else if (c == '/') {
                int commentLine = line;
                read();
                if (peek() != '*') {
                    throw error(commentLine, "expected an SQL statement, found '/'");
                }
                read();
                if (topLevel && (peek() == '!' || peek() == 'M')) {
                    text.setLength(0);
                    copyBlockCommentBody(commentLine);
                    noteSetting(text.toString());
                } else {
                    skipBlockCommentBody(commentLine);
                }
            } else {
                return true;
            }
        }
    }

    private void noteSetting(String conditional) {
        String upper = conditional.toUpperCase(Locale.ROOT);
        int names = upper.indexOf("SET NAMES ");
        if (names >= 0) {
            String rest = conditional.substring(names + 10).strip();
            int end = 0;
            while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
                end++;
            }
            setNames = rest.substring(0, end).toLowerCase(Locale.ROOT);
        }
        if (upper.replace(" ", "").contains("TIME_ZONE='+00:00'")) {
            utcTimeZone = true;
        }
    }

    private void skipBlockCommentBody(int commentLine) throws IOException {
        int previous = 0;
        while (true) {
            int c = read();
            if (c == -1) {
                throw error(commentLine, "the comment opened here is never closed: the dump is truncated");
            }
            if (previous == '*' && c == '/') {
                return;
            }
            previous = c;
        }
    }

    private void copyBlockCommentBody(int commentLine) throws IOException {
        int previous = 0;
        while (true) {
            int c = read();
            if (c == -1) {
                throw error(commentLine, "the comment opened here is never closed: the dump is truncated");
            }
            if (previous == '*' && c == '/') {
                text.setLength(Math.max(0, text.length() - 1));
                return;
            }
            if (text.length() < 4096) {
                text.append((char) c);
            }
            previous = c;
        }
    }

    private void skipLine() throws IOException {
        int c;
        do {
            c = read();
        } while (c != '\n' && c != -1);
    }

    private void readLineInto(StringBuilder into) throws IOException {
        while (true) {
            int c = read();
            if (c == '\n' || c == -1) {
                return;
            }
            if (into.length() < 200) {
                into.append((char) c);
            }
        }
    }

    private void skipSpace() throws IOException {
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                read();
            } else {
                return;
            }
        }
    }

    private static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }

    private String readWord() throws IOException {
        text.setLength(0);
        while (isWordChar(peek())) {
            text.append((char) read());
        }
        return text.toString();
    }

    /** A table or column name: {@code `name`} (with {@code ``} for a backquote) or a bare word. */
    private String readIdentifier(int statementLine) throws IOException {
        if (peek() != '`') {
            String word = readWord();
            if (word.isEmpty()) {
                throw error(statementLine, "expected a table or column name, found " + describe(peek()));
            }
            return word;
        }
        read();
        text.setLength(0);
        while (true) {
            int c = read();
            if (c == -1) {
                throw truncated(statementLine);
            }
            if (c == '`') {
                if (peek() != '`') {
                    return text.toString();
                }
                read();
            }
            text.append((char) c);
        }
    }

    private static String describe(int c) {
        if (c == -1) {
            return "the end of the file";
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    // ---------------------------------------------------------------- decoding

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /**
     * Decodes the next chunk. A malformed sequence is reported only once every character before it
     * has been consumed, so the error names the line it is on.
     */
    private boolean fill() throws IOException {
        if (malformedBytes != null) {
            throw error(line, "not valid UTF-8 (bytes " + malformedBytes + ")"
                    + (currentTable != null && inRows ? " in the data of `" + currentTable + "`" : "")
                    + ". Tern reads dumps as UTF-8: dump with mysqldump --default-character-set=utf8mb4");
        }
        if (charsEnded) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            CoderResult result = decoder.decode(bytes, chars, bytesEnded);
            if (result.isError()) {
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
                    hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i)));
                }
                malformedBytes = hex.toString();
                if (chars.position() == 0) {
                    pos = 0;
                    limit = 0;
                    return fill();
                }
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (bytesEnded) {
                decoder.flush(chars);
                charsEnded = true;
                break;
            }
            bytes.compact();
            int n = channel.read(bytes);
            bytes.flip();
            if (n < 0) {
                bytesEnded = true;
            }
        }
        pos = 0;
        limit = chars.position();
        return limit > 0;
    }

    private SourceException truncated(int atLine) {
        return error(atLine, "the file ends in the middle of an INSERT into `" + currentTable
                + "`: the dump is truncated");
    }

    private SourceException error(int atLine, String what) {
        return new SourceException(file + " line " + atLine + ": " + what);
    }
}
