package dev.tern.migration.source;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names of a YOURLS site's tables: prefix + role by default ({@code yourls_url}, {@code yourls_log},
 * {@code yourls_options}, and the Expiry plugin's {@code yourls_expiry}), each overridable as YOURLS's
 * {@code YOURLS_DB_TABLE_URL} etc. allow.
 *
 * @param prefix  the table prefix ({@code YOURLS_DB_PREFIX})
 * @param url     the links table
 * @param log     the clicks table
 * @param options the settings table
 * @param expiry  the Expiry plugin's table
 */
public record YourlsTableNames(String prefix, String url, String log, String options, String expiry) {

    /** YOURLS's default prefix. */
    public static final String DEFAULT_PREFIX = "yourls_";

    public YourlsTableNames {
        Objects.requireNonNull(prefix, "prefix");
        for (String table : new String[] {url, log, options, expiry}) {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("table names must not be blank");
            }
        }
    }

    /** The tables YOURLS uses with {@code prefix}. */
    public static YourlsTableNames withPrefix(String prefix) {
        return new YourlsTableNames(prefix, prefix + "url", prefix + "log", prefix + "options", prefix + "expiry");
    }

    /** The default tables ({@code yourls_…}). */
    public static YourlsTableNames defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    /**
     * These names with some replaced, by role ({@code url}, {@code log}, {@code options},
     * {@code expiry}), e.g. from {@code YourlsConfig.tableOverrides()}.
     *
     * @throws IllegalArgumentException for an unknown role
     */
    public YourlsTableNames withOverrides(Map<String, String> tablesByRole) {
        YourlsTableNames result = this;
        for (Map.Entry<String, String> e : tablesByRole.entrySet()) {
            String t = e.getValue();
            result = switch (e.getKey()) {
                case "url" -> new YourlsTableNames(prefix, t, result.log, result.options, result.expiry);
                case "log" -> new YourlsTableNames(prefix, result.url, t, result.options, result.expiry);
                case "options" -> new YourlsTableNames(prefix, result.url, result.log, t, result.expiry);
                case "expiry" -> new YourlsTableNames(prefix, result.url, result.log, result.options, t);
                default -> throw new IllegalArgumentException("unknown YOURLS table role: " + e.getKey());
            };
        }
        return result;
    }

    /** The role of a table name ({@code url}, {@code log}, …), or for another table with the prefix, the rest of its name. */
    Optional<String> roleOf(String table) {
        if (table.equals(url)) {
            return Optional.of("url");
        }
        if (table.equals(log)) {
            return Optional.of("log");
        }
        if (table.equals(options)) {
            return Optional.of("options");
        }
        if (table.equals(expiry)) {
            return Optional.of("expiry");
        }
        if (!prefix.isEmpty() && table.startsWith(prefix) && table.length() > prefix.length()) {
            return Optional.of(table.substring(prefix.length()));
        }
        return Optional.empty();
    }
}
