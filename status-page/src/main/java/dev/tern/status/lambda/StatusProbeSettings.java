package dev.tern.status.lambda;

import dev.tern.core.settings.Setting;
import dev.tern.core.settings.SettingsException;
import dev.tern.core.settings.SettingsReader;
import dev.tern.core.status.Region;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the scheduled status probe reads from its environment.
 *
 * @param self the probing region ({@code AWS_REGION}, or {@code TERN_REGION} when set)
 * @param endpoints every region's regional base URL ({@code TERN_STATUS_ENDPOINTS}), in the order given
 * @param bucket the S3 bucket of the site ({@code TERN_STATUS_BUCKET})
 * @param pageUrl where the site is served ({@code TERN_STATUS_URL}, else {@code TERN_PUBLIC_BASE_URL} + {@code /status/})
 */
public record StatusProbeSettings(Region self, Map<Region, URI> endpoints, String bucket, URI pageUrl) {
    public StatusProbeSettings {
        Objects.requireNonNull(self, "self");
        endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(pageUrl, "pageUrl");
    }

    /** The settings in {@code env}; a missing or malformed value fails naming its variable. */
    public static StatusProbeSettings fromEnv(Map<String, String> env) {
        SettingsReader read = new SettingsReader(env);
        String regionName = read.string(Setting.REGION);
        if (regionName.isBlank()) {
            regionName = env.getOrDefault("AWS_REGION", "");
        }
        if (regionName.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set: the status probe needs to know the region it runs in");
        }
        Region self = region(regionName, "AWS_REGION");
        Map<Region, URI> endpoints = parseEndpoints(read.string(Setting.STATUS_ENDPOINTS));
        String bucket = read.string(Setting.STATUS_BUCKET).trim();
        if (bucket.isEmpty()) {
            throw new SettingsException(Setting.STATUS_BUCKET, bucket, "the name of the S3 bucket the status site is written to");
        }
        return new StatusProbeSettings(self, endpoints, bucket, pageUrl(read));
    }

    /**
     * {@code eu-west-1=https://eu-west-1.example.com,us-east-1=https://us-east-1.example.com}: at least
     * one, each region once, absolute http(s) URLs.
     */
    public static Map<Region, URI> parseEndpoints(String value) {
        Map<Region, URI> endpoints = new LinkedHashMap<>();
        String rule = "comma-separated region=https://base-url, e.g. eu-west-1=https://eu-west-1.tern.example";
        if (value == null || value.isBlank()) {
            throw new SettingsException(Setting.STATUS_ENDPOINTS, value == null ? "" : value, rule);
        }
        for (String entry : value.split(",")) {
            String trimmed = entry.trim();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException(Setting.STATUS_ENDPOINTS, value, rule + " ('" + trimmed + "' has no region=)");
            }
            Region region;
            URI url;
            try {
                region = Region.of(trimmed.substring(0, eq).trim());
                url = URI.create(trimmed.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new SettingsException(Setting.STATUS_ENDPOINTS, value, rule + " (" + e.getMessage() + ")");
            }
            if (!url.isAbsolute() || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new SettingsException(Setting.STATUS_ENDPOINTS, value, rule + " ('" + url + "' is not an absolute http(s) URL)");
            }
            if (endpoints.put(region, url) != null) {
                throw new SettingsException(Setting.STATUS_ENDPOINTS, value, rule + " (" + region + " is listed twice)");
            }
        }
        return endpoints;
    }

    private static URI pageUrl(SettingsReader read) {
        String configured = read.string(Setting.STATUS_URL).trim();
        if (configured.isEmpty()) {
            String base = read.string(Setting.PUBLIC_BASE_URL);
            return URI.create((base.endsWith("/") ? base : base + "/") + "status/");
        }
        URI url;
        try {
            url = URI.create(configured);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Setting.STATUS_URL, configured, "an absolute URL ending in '/'");
        }
        if (!url.isAbsolute() || !url.getPath().endsWith("/")) {
            throw new SettingsException(Setting.STATUS_URL, configured, "an absolute URL ending in '/'");
        }
        return url;
    }

    private static Region region(String name, String variable) {
        try {
            return Region.of(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + "='" + name + "' is not a region name: " + e.getMessage(), e);
        }
    }
}
