package dev.tern.migration.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A table as a {@code CREATE TABLE} statement declares it: what the readers need to map rows by
 * column name and to describe the schema.
 *
 * @param name      the table name
 * @param columns   the columns in declared order
 * @param charset   the table's default character set ({@code DEFAULT CHARSET=…}), empty when undeclared
 * @param collation the table's default collation, empty when undeclared
 * @param keys      the index definitions as written, e.g. {@code KEY `url_idx` (`url`(50))}
 */
record TableDefinition(String name, List<Column> columns, String charset, String collation, List<String> keys) {

    /**
     * One column.
     *
     * @param type      the type name in lower case ({@code varchar}, {@code text}, …)
     * @param width     the declared width ({@code varchar(100)} → 100), or 0
     * @param charset   a column-level {@code CHARACTER SET}, empty when none
     * @param collation a column-level {@code COLLATE}, empty when none
     */
    record Column(String name, String type, int width, String charset, String collation) {
    }

    TableDefinition {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    private static final Set<String> KEY_WORDS = Set.of(
            "PRIMARY", "KEY", "INDEX", "UNIQUE", "CONSTRAINT", "FULLTEXT", "SPATIAL", "FOREIGN", "CHECK", "PERIOD");

    /**
     * Parses the text of a {@code CREATE …} statement (without the word CREATE); empty when it does
     * not create a table (a database, a view, …).
     *
     * @throws IllegalArgumentException when a CREATE TABLE is malformed, saying what was expected
     */
    static Optional<TableDefinition> parseCreate(String statement) {
        List<String> t = SqlWords.split(statement);
        int i = 0;
        if (i < t.size() && t.get(i).equalsIgnoreCase("TEMPORARY")) {
            i++;
        }
        if (i >= t.size() || !t.get(i).equalsIgnoreCase("TABLE")) {
            return Optional.empty();
        }
        i++;
        if (i + 2 < t.size() && t.get(i).equalsIgnoreCase("IF") && t.get(i + 1).equalsIgnoreCase("NOT")) {
            i += 3;
        }
        if (i >= t.size()) {
            throw new IllegalArgumentException("CREATE TABLE without a table name");
        }
        String name = SqlWords.unquote(t.get(i++));
        if (i + 1 < t.size() && t.get(i).equals(".")) { // `database`.`table`
            name = SqlWords.unquote(t.get(i + 1));
            i += 2;
        }
        if (i >= t.size() || !t.get(i).equals("(")) {
            throw new IllegalArgumentException("CREATE TABLE `" + name + "` without a column list");
        }
        i++;
        List<Column> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> definition = new ArrayList<>();
        int depth = 0;
        for (; i < t.size(); i++) {
            String word = t.get(i);
            if (depth == 0 && (word.equals(",") || word.equals(")"))) {
                addDefinition(definition, columns, keys);
                definition.clear();
                if (word.equals(")")) {
                    break;
                }
                continue;
            }
            if (word.equals("(")) {
                depth++;
            } else if (word.equals(")")) {
                depth--;
            }
            definition.add(word);
        }
        if (i >= t.size()) {
            throw new IllegalArgumentException("CREATE TABLE `" + name + "`: the column list is never closed");
        }
        String charset = "";
        String collation = "";
        for (i++; i < t.size(); i++) {
            String word = t.get(i).toUpperCase(Locale.ROOT);
            if (word.equals("CHARSET") || word.equals("CHARACTER") && i + 1 < t.size() && t.get(i + 1).equalsIgnoreCase("SET")) {
                i += word.equals("CHARSET") ? 1 : 2;
                i = skipEquals(t, i);
                if (i < t.size()) {
                    charset = SqlWords.unquote(t.get(i)).toLowerCase(Locale.ROOT);
                }
            } else if (word.equals("COLLATE")) {
                i = skipEquals(t, i + 1);
                if (i < t.size()) {
                    collation = SqlWords.unquote(t.get(i)).toLowerCase(Locale.ROOT);
                }
            }
        }
        return Optional.of(new TableDefinition(name, columns, charset, collation, keys));
    }

    private static int skipEquals(List<String> t, int i) {
        return i < t.size() && t.get(i).equals("=") ? i + 1 : i;
    }

    private static void addDefinition(List<String> d, List<Column> columns, List<String> keys) {
        if (d.isEmpty()) {
            return;
        }
        String first = d.get(0);
        if (!first.startsWith("`") && KEY_WORDS.contains(first.toUpperCase(Locale.ROOT))) {
            keys.add(SqlWords.join(d));
            return;
        }
        String type = d.size() > 1 ? d.get(1).toLowerCase(Locale.ROOT) : "";
        int width = 0;
        if (d.size() > 4 && d.get(2).equals("(")) {
            try {
                width = Integer.parseInt(d.get(3));
            } catch (NumberFormatException e) {
                width = 0; // enum('a','b') and the like: no width
            }
        }
        String charset = "";
        String collation = "";
        for (int i = 2; i < d.size() - 1; i++) {
            String word = d.get(i).toUpperCase(Locale.ROOT);
            if (word.equals("CHARSET") || word.equals("CHARACTER") && d.get(i + 1).equalsIgnoreCase("SET") && i + 2 < d.size()) {
                charset = SqlWords.unquote(d.get(word.equals("CHARSET") ? i + 1 : i + 2)).toLowerCase(Locale.ROOT);
            } else if (word.equals("COLLATE")) {
                collation = SqlWords.unquote(d.get(i + 1)).toLowerCase(Locale.ROOT);
            }
        }
        columns.add(new Column(SqlWords.unquote(first), type, width, charset, collation));
    }
}
