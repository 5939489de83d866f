package dev.tern.migration.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a short SQL statement (a {@code CREATE TABLE}) into words: identifiers in backquotes kept
 * with their quotes, strings kept with theirs, punctuation one character each. Comments are dropped.
 * Only for statements that are small; row data goes through {@link DumpScanner}'s own scanner.
 */
final class SqlWords {

    private SqlWords() {
    }

    static List<String> split(String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '-' && sql.startsWith("-- ", i) || c == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '`' || c == '\'' || c == '"') {
                int start = i++;
                while (i < n) {
                    char d = sql.charAt(i++);
                    if (d == '\\' && c != '`') {
                        i++;
                    } else if (d == c) {
                        if (i < n && sql.charAt(i) == c) {
                            i++; // doubled quote
                        } else {
                            break;
                        }
                    }
                }
                words.add(sql.substring(start, Math.min(i, n)));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || "_$@".indexOf(sql.charAt(i)) >= 0)) {
                    i++;
                }
                words.add(sql.substring(start, i));
            } else {
                words.add(String.valueOf(c));
                i++;
            }
        }
        return words;
    }

    /** Words back into text: {@code KEY `url_idx`(`url`(50))}. */
    static String join(List<String> words) {
        StringBuilder text = new StringBuilder();
        String previous = "(";
        for (String word : words) {
            if (!previous.equals("(") && !word.equals("(") && !word.equals(")") && !word.equals(",")) {
                text.append(' ');
            }
            text.append(word);
            previous = word;
        }
        return text.toString();
    }

    /** {@code `name`} → {@code name} (doubled backquotes undone); {@code 'x'} → {@code x}; other words unchanged. */
    static String unquote(String word) {
        if (word.length() >= 2 && (word.charAt(0) == '`' || word.charAt(0) == '\'' || word.charAt(0) == '"')
                && word.charAt(word.length() - 1) == word.charAt(0)) {
            String q = String.valueOf(word.charAt(0));
            return word.substring(1, word.length() - 1).replace(q + q, q);
        }
        return word;
    }
}
