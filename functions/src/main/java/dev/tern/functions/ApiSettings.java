package dev.tern.functions;

import dev.tern.core.apikey.ApiKeyValue;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.SettingsReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The REST API's settings.
 *
 * @param perKey            every API key's token bucket ({@code TERN_API_BURST}, {@code TERN_API_REQUESTS_PER_MINUTE})
 * @param bootstrapAdminKey the operator's admin key value, made to exist on first use ({@code TERN_BOOTSTRAP_ADMIN_KEY})
 */
public record ApiSettings(RateLimit perKey, Optional<String> bootstrapAdminKey) {
    public ApiSettings {
        Objects.requireNonNull(perKey, "perKey");
        Objects.requireNonNull(bootstrapAdminKey, "bootstrapAdminKey");
    }

    /** Reads the settings, failing with a message naming the variable. */
    public static ApiSettings fromEnv(Map<String, String> env) {
        SettingsReader read = new SettingsReader(env);
        int burst = read.integer(Setting.API_BURST, 1, 1_000_000);
        int perMinute = read.integer(Setting.API_REQUESTS_PER_MINUTE, 1, 1_000_000);
        String bootstrap = read.string(Setting.BOOTSTRAP_ADMIN_KEY).strip();
        if (!bootstrap.isEmpty() && ApiKeyValue.parse(bootstrap).isEmpty()) {
            // never echo the value: it is a secret
            throw new SettingsException(Setting.BOOTSTRAP_ADMIN_KEY, "(hidden)",
                    "a key of the form tern_<12 base62 characters>_<43 base62 characters>");
        }
        return new ApiSettings(new RateLimit(burst, perMinute, Duration.ofMinutes(1)),
                bootstrap.isEmpty() ? Optional.empty() : Optional.of(bootstrap));
    }
}
