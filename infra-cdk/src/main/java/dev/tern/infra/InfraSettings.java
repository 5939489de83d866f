package dev.tern.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One deployment's settings, read once from the CDK context ({@code cdk.json} or {@code -c key=value})
 * and validated with a message that names the context key and says what would be usable.
 *
 * @param domainName           the short links' host name, e.g. {@code tern.example}; each region also
 *                             answers on {@code <region>.<domainName>} (the health checks' target)
 * @param hostedZoneId         the Route 53 public hosted zone holding {@code domainName}
 * @param hostedZoneName       that zone's name ({@code domainName} or a parent of it)
 * @param regions              the regions serving traffic, the first holding the global tables' stack
 * @param linksConsistency     how the links and idempotency tables replicate
 * @param homeRegion           the region that holds the global tables' stack: one of {@code regions}
 * @param linksWriteRegion     under MREC, the region whose replica takes every link and idempotency
 *                             write ({@code homeRegion} unless moved away from a failed region); under
 *                             MRSC, {@code homeRegion} too, though every region writes locally there
 * @param redirectStatus       the default redirect status ({@code TERN_REDIRECT_STATUS})
 * @param redirectCacheSeconds the default redirect cache lifetime ({@code TERN_REDIRECT_CACHE_SECONDS})
 * @param alarmEmail           where alarms are sent
 * @param memory               the functions' memory sizes
 * @param architecture         the functions' processor architecture
 * @param logRetentionDays     how long function logs are kept (also the window for replaying clicks)
 * @param tablePrefix          the prefix of every table name ({@code tern-} gives {@code tern-links} …)
 * @param lambdaBundle         the path of the functions' zip built by the reactor, relative to {@code infra-cdk/}
 * @param account              the AWS account to deploy to, or empty for the CLI's default account
 * @param secretsGeneration    raised by one after a secret is rotated: the functions are updated, so
 *                             CloudFormation reads the secrets again (docs/DEPLOYING.md)
 */
public record InfraSettings(
        String domainName,
        String hostedZoneId,
        String hostedZoneName,
        List<String> regions,
        LinksConsistency linksConsistency,
        String homeRegion,
        String linksWriteRegion,
        int redirectStatus,
        int redirectCacheSeconds,
        String alarmEmail,
        MemorySizes memory,
        CpuArchitecture architecture,
        int logRetentionDays,
        String tablePrefix,
        String lambdaBundle,
        String account,
        int secretsGeneration) {

    /** The context key prefix of every setting. */
    public static final String PREFIX = "tern:";

    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{4,31}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
    private static final Pattern TABLE_PREFIX = Pattern.compile("^[A-Za-z0-9_.-]{0,200}$");
    /** CloudWatch Logs accepts only these retention periods. */
    private static final List<Integer> RETENTION_DAYS = List.of(7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /**
     * The region sets in which DynamoDB offers multi-Region strong consistency: three regions of one set.
     */
    static final Map<String, Set<String>> STRONG_CONSISTENCY_REGION_SETS = Map.of(
            "US", Set.of("us-east-1", "us-east-2", "us-west-2"),
            "EU", Set.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
            "AP", Set.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    public InfraSettings {
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        Objects.requireNonNull(hostedZoneName, "hostedZoneName");
        regions = List.copyOf(regions);
        Objects.requireNonNull(linksConsistency, "linksConsistency");
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(linksWriteRegion, "linksWriteRegion");
        Objects.requireNonNull(alarmEmail, "alarmEmail");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(lambdaBundle, "lambdaBundle");
        Objects.requireNonNull(account, "account");
    }

    /** How the links and idempotency tables replicate (see {@code docs/adr/2026-11-23-links-consistency.md}). */
    public enum LinksConsistency {
        /** Multi-Region strong consistency: exactly three regions of one region set. */
        MRSC,
        /** Multi-Region eventual consistency with one home write region. */
        MREC
    }

    /** The functions' processor architecture. */
    public enum CpuArchitecture {
        /** Graviton: about 20 % cheaper per GB-second than x86-64. */
        ARM64,
        X86_64
    }

    /**
     * Memory sizes in MB (128-10240). Lambda gives CPU in proportion to memory, so these also set
     * how fast a cold start runs.
     *
     * @param site        the {@code $default} function: redirects and the web pages
     * @param api         the REST API and the YOURLS-compatible API
     * @param aggregation the click aggregation function
     */
    public record MemorySizes(int site, int api, int aggregation) {
    }

    /** The context keys, with their defaults where a setting has one. */
    public enum Key {
        DOMAIN_NAME("domainName", null),
        HOSTED_ZONE_ID("hostedZoneId", null),
        HOSTED_ZONE_NAME("hostedZoneName", ""),
        REGIONS("regions", null),
        LINKS_CONSISTENCY("linksConsistency", "mrsc"),
        HOME_REGION("homeRegion", ""),
        LINKS_WRITE_REGION("linksWriteRegion", ""),
        REDIRECT_STATUS("redirectStatus", "301"),
        REDIRECT_CACHE_SECONDS("redirectCacheSeconds", "300"),
        ALARM_EMAIL("alarmEmail", null),
        SITE_MEMORY_MB("siteMemoryMb", "1024"),
        API_MEMORY_MB("apiMemoryMb", "1024"),
        AGGREGATION_MEMORY_MB("aggregationMemoryMb", "512"),
        ARCHITECTURE("architecture", "arm64"),
        LOG_RETENTION_DAYS("logRetentionDays", "30"),
        TABLE_PREFIX("tablePrefix", "tern-"),
        LAMBDA_BUNDLE("lambdaBundle", "lambda-bundle/target/tern-lambda.zip"),
        ACCOUNT("account", ""),
        SECRETS_GENERATION("secretsGeneration", "1");

        private final String name;
        private final String defaultValue;

        Key(String name, String defaultValue) {
            this.name = name;
            this.defaultValue = defaultValue;
        }

        /** The value used when the context has none, or {@code null} for a required key. */
        public String defaultValue() {
            return defaultValue;
        }

        /** The context key, e.g. {@code tern:regions}. */
        public String contextKey() {
            return PREFIX + name;
        }
    }

    /**
     * Reads and validates the settings.
     *
     * @param context the CDK context ({@code node.tryGetContext}): a value may be a string, a number or,
     *                for {@code tern:regions}, a list
     * @throws InfraSettingsException naming the first unusable key
     */
    public static InfraSettings fromContext(Function<String, Object> context) {
        Reader read = new Reader(context);
        String domain = read.required(Key.DOMAIN_NAME).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!HOST.matcher(domain).matches()) {
            throw new InfraSettingsException(Key.DOMAIN_NAME, domain, "a DNS host name such as tern.example");
        }
        String zoneId = read.required(Key.HOSTED_ZONE_ID);
        if (!ZONE_ID.matcher(zoneId).matches()) {
            throw new InfraSettingsException(Key.HOSTED_ZONE_ID, zoneId,
                    "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ (see: aws route53 list-hosted-zones)");
        }
        String zoneName = read.optional(Key.HOSTED_ZONE_NAME).toLowerCase(Locale.ROOT);
        if (zoneName.endsWith(".")) {
            zoneName = zoneName.substring(0, zoneName.length() - 1);
        }
        if (zoneName.isEmpty()) {
            zoneName = domain;
        } else if (!HOST.matcher(zoneName).matches() || !(domain.equals(zoneName) || domain.endsWith("." + zoneName))) {
            throw new InfraSettingsException(Key.HOSTED_ZONE_NAME, zoneName,
                    "the hosted zone's name: " + domain + " or a parent domain of it");
        }

        List<String> regions = read.regions();
        LinksConsistency consistency = switch (read.optional(Key.LINKS_CONSISTENCY).toLowerCase(Locale.ROOT)) {
            case "mrsc" -> LinksConsistency.MRSC;
            case "mrec" -> LinksConsistency.MREC;
            default -> throw new InfraSettingsException(Key.LINKS_CONSISTENCY, read.optional(Key.LINKS_CONSISTENCY),
                    "mrsc (strong consistency, exactly three regions) or mrec (eventual consistency with a home write region)");
        };
        String home = read.optional(Key.HOME_REGION);
        if (consistency == LinksConsistency.MRSC) {
            if (regions.size() != 3) {
                throw new InfraSettingsException(Key.REGIONS, String.join(",", regions),
                        "exactly three regions for linksConsistency mrsc (DynamoDB's multi-Region strong consistency);"
                                + " use linksConsistency mrec with a homeRegion for " + regions.size());
            }
            boolean oneSet = STRONG_CONSISTENCY_REGION_SETS.values().stream().anyMatch(set -> set.containsAll(regions));
            if (!oneSet) {
                throw new InfraSettingsException(Key.REGIONS, String.join(",", regions),
                        "three regions of one region set for linksConsistency mrsc: US (us-east-1, us-east-2, us-west-2),"
                                + " EU (eu-west-1, eu-west-2, eu-west-3, eu-central-1) or AP (ap-northeast-1, ap-northeast-2,"
                                + " ap-northeast-3)");
            }
            if (home.isEmpty()) {
                home = regions.get(0);
            }
        } else if (home.isEmpty()) {
            throw new InfraSettingsException(Key.HOME_REGION, "",
                    "one of the regions (" + String.join(", ", regions) + "): linksConsistency mrec sends every link write there");
        }
        if (!regions.contains(home)) {
            throw new InfraSettingsException(Key.HOME_REGION, home, "one of the regions (" + String.join(", ", regions) + ")");
        }
        String writeRegion = read.optional(Key.LINKS_WRITE_REGION);
        if (writeRegion.isEmpty()) {
            writeRegion = home;
        } else if (consistency == LinksConsistency.MRSC && !writeRegion.equals(home)) {
            throw new InfraSettingsException(Key.LINKS_WRITE_REGION, writeRegion,
                    "empty for linksConsistency mrsc, where every region writes its own strongly consistent replica");
        } else if (!regions.contains(writeRegion)) {
            throw new InfraSettingsException(Key.LINKS_WRITE_REGION, writeRegion,
                    "one of the regions (" + String.join(", ", regions) + ")");
        }

        int status = read.integer(Key.REDIRECT_STATUS, 301, 308);
        if (status != 301 && status != 302 && status != 307 && status != 308) {
            throw new InfraSettingsException(Key.REDIRECT_STATUS, Integer.toString(status), "301, 302, 307 or 308");
        }
        int cacheSeconds = read.integer(Key.REDIRECT_CACHE_SECONDS, 0, 31_536_000);
        String email = read.required(Key.ALARM_EMAIL);
        if (!EMAIL.matcher(email).matches()) {
            throw new InfraSettingsException(Key.ALARM_EMAIL, email, "an e-mail address such as ops@example.com");
        }
        MemorySizes memory = new MemorySizes(read.integer(Key.SITE_MEMORY_MB, 128, 10_240),
                read.integer(Key.API_MEMORY_MB, 128, 10_240), read.integer(Key.AGGREGATION_MEMORY_MB, 128, 10_240));
        CpuArchitecture architecture = switch (read.optional(Key.ARCHITECTURE).toLowerCase(Locale.ROOT)) {
            case "arm64" -> CpuArchitecture.ARM64;
            case "x86_64", "x86-64" -> CpuArchitecture.X86_64;
            default -> throw new InfraSettingsException(Key.ARCHITECTURE, read.optional(Key.ARCHITECTURE), "arm64 or x86_64");
        };
        int retention = read.integer(Key.LOG_RETENTION_DAYS, 7, 3653);
        if (!RETENTION_DAYS.contains(retention)) {
            throw new InfraSettingsException(Key.LOG_RETENTION_DAYS, Integer.toString(retention),
                    "a CloudWatch Logs retention of at least 7 days (clicks are replayed from the logs): one of " + RETENTION_DAYS);
        }
        String prefix = read.optional(Key.TABLE_PREFIX);
        if (!TABLE_PREFIX.matcher(prefix).matches()) {
            throw new InfraSettingsException(Key.TABLE_PREFIX, prefix, "up to 200 characters of A-Z, a-z, 0-9, '_', '-' and '.'");
        }
        String bundle = read.optional(Key.LAMBDA_BUNDLE);
        if (bundle.isBlank()) {
            throw new InfraSettingsException(Key.LAMBDA_BUNDLE, bundle, "the path of tern-lambda.zip");
        }
        String account = read.optional(Key.ACCOUNT);
        if (!account.isEmpty() && !ACCOUNT.matcher(account).matches()) {
            throw new InfraSettingsException(Key.ACCOUNT, account, "a 12-digit AWS account id, or empty for the CLI's account");
        }
        int secretsGeneration = read.integer(Key.SECRETS_GENERATION, 1, 1_000_000);
        return new InfraSettings(domain, zoneId, zoneName, regions, consistency, home, writeRegion, status, cacheSeconds, email,
                memory,
                architecture, retention, prefix, bundle, account, secretsGeneration);
    }

    /** {@code <region>.<domainName>}: the host name that reaches that one region (health checks, tests). */
    public String regionalHost(String region) {
        return region + "." + domainName;
    }

    /** {@code status.<domainName>}: the status site. */
    public String statusHost() {
        return "status." + domainName;
    }

    /** The settings as context values (for tests and documentation): {@link #fromContext} reads them back equal. */
    public Map<String, Object> toContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(Key.DOMAIN_NAME.contextKey(), domainName);
        context.put(Key.HOSTED_ZONE_ID.contextKey(), hostedZoneId);
        context.put(Key.HOSTED_ZONE_NAME.contextKey(), hostedZoneName);
        context.put(Key.REGIONS.contextKey(), regions);
        context.put(Key.LINKS_CONSISTENCY.contextKey(), linksConsistency.name().toLowerCase(Locale.ROOT));
        context.put(Key.HOME_REGION.contextKey(), homeRegion);
        context.put(Key.LINKS_WRITE_REGION.contextKey(), linksWriteRegion);
        context.put(Key.REDIRECT_STATUS.contextKey(), redirectStatus);
        context.put(Key.REDIRECT_CACHE_SECONDS.contextKey(), redirectCacheSeconds);
        context.put(Key.ALARM_EMAIL.contextKey(), alarmEmail);
        context.put(Key.SITE_MEMORY_MB.contextKey(), memory.site());
        context.put(Key.API_MEMORY_MB.contextKey(), memory.api());
        context.put(Key.AGGREGATION_MEMORY_MB.contextKey(), memory.aggregation());
        context.put(Key.ARCHITECTURE.contextKey(), architecture.name().toLowerCase(Locale.ROOT));
        context.put(Key.LOG_RETENTION_DAYS.contextKey(), logRetentionDays);
        context.put(Key.TABLE_PREFIX.contextKey(), tablePrefix);
        context.put(Key.LAMBDA_BUNDLE.contextKey(), lambdaBundle);
        context.put(Key.ACCOUNT.contextKey(), account);
        context.put(Key.SECRETS_GENERATION.contextKey(), secretsGeneration);
        return context;
    }

    /** Reads context values as trimmed strings, falling back to each key's default. */
    private record Reader(Function<String, Object> context) {
        String optional(Key key) {
            Object value = context.apply(key.contextKey());
            if (value == null) {
                return key.defaultValue == null ? "" : key.defaultValue;
            }
            return value.toString().strip();
        }

        String required(Key key) {
            String value = optional(key);
            if (value.isEmpty()) {
                throw new InfraSettingsException(key, null, "set it in cdk.json's context or with -c " + key.contextKey() + "=…");
            }
            return value;
        }

        int integer(Key key, int min, int max) {
            String value = optional(key);
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InfraSettingsException(key, value, "a whole number from " + min + " to " + max);
        }

        List<String> regions() {
            Object value = context.apply(Key.REGIONS.contextKey());
            List<String> raw = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(item -> raw.add(String.valueOf(item)));
            } else if (value != null) {
                for (String part : value.toString().split(",")) {
                    raw.add(part);
                }
            }
            Set<String> regions = new LinkedHashSet<>();
            String shown = String.join(",", raw);
            for (String part : raw) {
                String region = part.strip().toLowerCase(Locale.ROOT);
                if (region.isEmpty()) {
                    continue;
                }
                if (!REGION.matcher(region).matches()) {
                    throw new InfraSettingsException(Key.REGIONS, shown,
                            "AWS region names separated by commas, such as us-east-1,us-east-2,us-west-2 ('" + region + "' is not one)");
                }
                if (!regions.add(region)) {
                    throw new InfraSettingsException(Key.REGIONS, shown, "each region once ('" + region + "' is repeated)");
                }
            }
            if (regions.isEmpty()) {
                throw new InfraSettingsException(Key.REGIONS, null,
                        "set it in cdk.json's context or with -c " + Key.REGIONS.contextKey() + "=us-east-1,us-east-2,us-west-2");
            }
            return List.copyOf(regions);
        }
    }
}
