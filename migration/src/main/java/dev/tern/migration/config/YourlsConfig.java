package dev.tern.migration.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a YOURLS {@code user/config.php} says about the site, read without running PHP
 * ({@link YourlsConfigReader}). Settings the file does not define take YOURLS's own defaults.
 *
 * @param site             {@code YOURLS_SITE}, e.g. {@code https://sho.rt}, when defined
 * @param dbPrefix         {@code YOURLS_DB_PREFIX} (default {@code yourls_})
 * @param tableOverrides   table names set explicitly, by YOURLS role ({@code url}, {@code log},
 *                         {@code options}) from {@code YOURLS_DB_TABLE_URL}, {@code _LOG},
 *                         {@code _OPTIONS}; empty when the prefix decides them all
 * @param uniqueUrls       {@code YOURLS_UNIQUE_URLS} (default {@code true}): one keyword per long URL
 * @param privateSite      {@code YOURLS_PRIVATE} (default {@code true}): the admin and API need a login
 * @param cookieKey        {@code YOURLS_COOKIEKEY}, from which signature tokens derive, when defined
 * @param urlConvert       {@code YOURLS_URL_CONVERT}: 36 (default, {@code 0-9a-z}) or 62 ({@code 0-9a-zA-Z})
 * @param users            {@code $yourls_user_passwords}: user name → stored password exactly as written
 *                         (a {@code phpass:!2y!10!…} or {@code md5:…} hash, or a plain password YOURLS has
 *                         not hashed yet), in file order
 * @param reservedKeywords {@code $yourls_reserved_URL}, in file order
 * @param lang             {@code YOURLS_LANG} (default empty: English)
 * @param warnings         constructs that were skipped because they need PHP to evaluate, each with its line
 */
public record YourlsConfig(
        Optional<String> site,
        String dbPrefix,
        Map<String, String> tableOverrides,
        boolean uniqueUrls,
        boolean privateSite,
        Optional<String> cookieKey,
        int urlConvert,
        Map<String, String> users,
        List<String> reservedKeywords,
        String lang,
        List<String> warnings) {

    /** YOURLS's default table prefix. */
    public static final String DEFAULT_DB_PREFIX = "yourls_";

    public YourlsConfig {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(dbPrefix, "dbPrefix");
        Objects.requireNonNull(cookieKey, "cookieKey");
        Objects.requireNonNull(lang, "lang");
        tableOverrides = Map.copyOf(tableOverrides);
        // Keep the file's order of users: reports and the API's user list show them as written.
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        reservedKeywords = List.copyOf(reservedKeywords);
        warnings = List.copyOf(warnings);
    }

    /**
     * The table YOURLS uses for a role ({@code url}, {@code log}, {@code options}, or a plugin's
     * such as {@code expiry}): the override when the file sets one, else prefix + role.
     */
    public String tableName(String role) {
        return tableOverrides.getOrDefault(role, dbPrefix + role);
    }
}
