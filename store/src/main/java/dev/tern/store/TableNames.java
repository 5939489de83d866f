package dev.tern.store;

import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.SettingsReader;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of Tern's DynamoDB tables in one deployment.
 *
 * @param links       links, one item per short code ({@link Setting#LINKS_TABLE})
 * @param clicks      click counters and batch markers ({@link Setting#CLICKS_TABLE})
 * @param idempotency Idempotency-Key records ({@link Setting#IDEMPOTENCY_TABLE})
 * @param rateLimits  rate-limit buckets, one item per key ({@link Setting#RATE_LIMITS_TABLE})
 * @param apiKeys     API keys, one item per key id ({@link Setting#API_KEYS_TABLE})
 * @param yourls      the YOURLS-compatible API's site settings and keyword counter ({@link Setting#YOURLS_TABLE})
 * @param health      the status page's probe rounds, operator actions and engine checkpoint ({@link Setting#HEALTH_TABLE})
 */
public record TableNames(String links, String clicks, String idempotency, String rateLimits, String apiKeys, String yourls,
        String health) {
    private static final Pattern TABLE_NAME = Pattern.compile("^[A-Za-z0-9_.-]{3,255}$");
    static final String RULE = "a DynamoDB table name: 3-255 characters of A-Z, a-z, 0-9, '_', '-' and '.'";

    public TableNames {
        requireValid(links, "links");
        requireValid(clicks, "clicks");
        requireValid(idempotency, "idempotency");
        requireValid(rateLimits, "rate-limits");
        requireValid(apiKeys, "api-keys");
        requireValid(yourls, "yourls");
        requireValid(health, "health");
    }

    /**
     * The names from {@code TERN_LINKS_TABLE}, {@code TERN_CLICKS_TABLE}, {@code TERN_IDEMPOTENCY_TABLE}
     * {@code TERN_RATE_LIMITS_TABLE}, {@code TERN_API_KEYS_TABLE}, {@code TERN_YOURLS_TABLE} and {@code TERN_HEALTH_TABLE} (or their defaults).
     */
    public static TableNames fromEnv(Map<String, String> env) {
        SettingsReader read = new SettingsReader(env);
        return new TableNames(read(read, Setting.LINKS_TABLE), read(read, Setting.CLICKS_TABLE),
                read(read, Setting.IDEMPOTENCY_TABLE), read(read, Setting.RATE_LIMITS_TABLE),
                read(read, Setting.API_KEYS_TABLE), read(read, Setting.YOURLS_TABLE), read(read, Setting.HEALTH_TABLE));
    }

    /**
     * {@code prefix + "links"}, {@code prefix + "clicks"}, {@code prefix + "idempotency"},
     * {@code prefix + "rate-limits"}, {@code prefix + "api-keys"}, {@code prefix + "yourls"}, {@code prefix + "health"}:
     * for tests and local runs.
     */
    public static TableNames withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new TableNames(prefix + "links", prefix + "clicks", prefix + "idempotency", prefix + "rate-limits", prefix + "api-keys",
                prefix + "yourls", prefix + "health");
    }

    /** The table name configured by {@code setting}, which must be one of the table settings. */
    public String nameOf(Setting setting) {
        return switch (setting) {
            case LINKS_TABLE -> links;
            case CLICKS_TABLE -> clicks;
            case IDEMPOTENCY_TABLE -> idempotency;
            case RATE_LIMITS_TABLE -> rateLimits;
            case API_KEYS_TABLE -> apiKeys;
            case YOURLS_TABLE -> yourls;
            case HEALTH_TABLE -> health;
            default -> throw new IllegalArgumentException(setting + " does not name a table");
        };
    }

    private static String read(SettingsReader read, Setting setting) {
        String name = read.string(setting);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new SettingsException(setting, name, RULE);
        }
        return name;
    }

    private static void requireValid(String name, String which) {
        Objects.requireNonNull(name, which);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + which + " table name '" + name + "' is not " + RULE);
        }
    }
}
