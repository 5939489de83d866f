package dev.tern.functions;

import dev.tern.core.abuse.AbuseReportStore;
import dev.tern.core.abuse.BlockedHostStore;
import dev.tern.core.ratelimit.RateLimit;
import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the abuse controls of a {@link Wiring} are made of: the blocklist's table and file, where
 * abuse reports go, and the per-address limit of anonymous creation with the key that hashes
 * addresses (the same {@code TERN_SECRET} as the web form's, so the form and the YOURLS API's
 * anonymous {@code shorturl} share one bucket per address).
 *
 * @param blockedHosts     the administrator's blocklist ({@code /api/v1/blocklist})
 * @param blocklistFile    {@code TERN_BLOCKLIST_FILE}, if set
 * @param reports          where abuse reports are kept
 * @param anonymousCreates one client address's limit on anonymous creation
 *                         ({@code TERN_ANONYMOUS_CREATE_BURST}, {@code TERN_ANONYMOUS_CREATES_PER_HOUR})
 * @param addressKey       the decoded {@code TERN_SECRET}; without one the YOURLS API hashes addresses
 *                         with a random key of the container (its per-address limit then holds per container)
 */
public record AbuseControls(BlockedHostStore blockedHosts, Optional<Path> blocklistFile, AbuseReportStore reports,
        RateLimit anonymousCreates, Optional<byte[]> addressKey) {
    /** The form's defaults: a burst of 5, then 30 an hour. */
    public static final RateLimit DEFAULT_ANONYMOUS_CREATES = new RateLimit(5, 30, Duration.ofHours(1));

    public AbuseControls {
        Objects.requireNonNull(blockedHosts, "blockedHosts");
        Objects.requireNonNull(blocklistFile, "blocklistFile");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(anonymousCreates, "anonymousCreates");
        Objects.requireNonNull(addressKey, "addressKey");
    }

    /** No blocklist, no reports kept, the default anonymous limit. */
    public static AbuseControls none() {
        return new AbuseControls(BlockedHostStore.NONE, Optional.empty(), AbuseReportStore.NONE, DEFAULT_ANONYMOUS_CREATES,
                Optional.empty());
    }

    /** These controls with another blocklist table and file. */
    public AbuseControls withBlocklist(BlockedHostStore table, Optional<Path> file) {
        return new AbuseControls(table, file, reports, anonymousCreates, addressKey);
    }

    /** These controls keeping reports in {@code store}. */
    public AbuseControls withReports(AbuseReportStore store) {
        return new AbuseControls(blockedHosts, blocklistFile, store, anonymousCreates, addressKey);
    }

    /** These controls with another anonymous limit and address key. */
    public AbuseControls withAnonymousCreates(RateLimit limit, Optional<byte[]> key) {
        return new AbuseControls(blockedHosts, blocklistFile, reports, limit, key);
    }

    /**
     * The settings part from {@code env} ({@code TERN_BLOCKLIST_FILE}, the anonymous limit,
     * {@code TERN_SECRET}), over the given stores.
     *
     * @throws SettingsException naming the variable when a setting is unusable
     */
    public static AbuseControls fromEnv(Map<String, String> env, BlockedHostStore blockedHosts, AbuseReportStore reports) {
        SettingsReader read = new SettingsReader(env);
        String file = read.string(Setting.BLOCKLIST_FILE).strip();
        int burst = read.integer(Setting.ANONYMOUS_CREATE_BURST, 1, 1_000_000);
        int perHour = read.integer(Setting.ANONYMOUS_CREATES_PER_HOUR, 1, 1_000_000);
        String secret = read.string(Setting.SECRET).strip();
        Optional<byte[]> key = Optional.empty();
        if (!secret.isEmpty()) {
            try {
                key = Optional.of(Base64.getDecoder().decode(secret));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(Setting.SECRET, "(hidden)", "a base64-encoded random secret"); // never echo a secret
            }
        }
        return new AbuseControls(blockedHosts, file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)), reports,
                new RateLimit(burst, perHour, Duration.ofHours(1)), key);
    }
}
