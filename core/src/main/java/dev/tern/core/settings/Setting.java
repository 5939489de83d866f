package dev.tern.core.settings;

/**
 * Every environment variable Tern reads, with its default and meaning: the one list that
 * {@code docs/CONFIGURATION.md} documents (a test keeps the two in step).
 */
public enum Setting {
    PUBLIC_BASE_URL("TERN_PUBLIC_BASE_URL", "http://127.0.0.1:8080",
            "The site's public address; short URLs are this plus '/' plus the code."),
    EXTRA_OWN_HOSTS("TERN_EXTRA_OWN_HOSTS", "",
            "Other host names that serve this site's short links (comma-separated); links to them are refused as loops."),
    CODE_ALPHABET("TERN_CODE_ALPHABET", "base62", "Alphabet of generated codes: base62 or base36 (lower case)."),
    CODE_LENGTH("TERN_CODE_LENGTH", "7", "Length of generated codes, 4-32."),
    EXTRA_RESERVED_CODES("TERN_EXTRA_RESERVED_CODES", "",
            "Custom codes to refuse besides the built-in reserved words (comma-separated)."),
    URL_SCHEMES("TERN_URL_SCHEMES", String.join(",", dev.tern.core.link.UrlPolicy.DEFAULT_EXTRA_SCHEMES),
            "Schemes accepted besides http and https (comma-separated); javascript, data, vbscript and file never are."),
    MAX_URL_LENGTH("TERN_MAX_URL_LENGTH", "8192", "The longest accepted long URL, in bytes of its ASCII form."),
    REDIRECT_STATUS("TERN_REDIRECT_STATUS", "301", "Default redirect status: 301, 302, 307 or 308."),
    REDIRECT_CACHE_SECONDS("TERN_REDIRECT_CACHE_SECONDS", "300",
            "Default Cache-Control max-age of a redirect, in seconds (0 = no-store)."),
    LINK_CACHE_ENTRIES("TERN_LINK_CACHE_ENTRIES", "10000",
            "Links each function container keeps in memory for redirects, so a hot link costs no database read (0 = no cache)."),
    LINK_CACHE_SECONDS("TERN_LINK_CACHE_SECONDS", "300",
            "The longest a link stays in that cache; never longer than the link's own redirect cache lifetime."),
    FORWARD_QUERY("TERN_FORWARD_QUERY", "false", "Whether /code?x=1 passes ?x=1 on to the long URL by default."),
    UNKNOWN_CODE("TERN_UNKNOWN_CODE", "not-found",
            "What an unknown code answers: not-found (a 404 page) or redirect-home (302 to the site, as YOURLS does)."),
    COUNTRY_HEADER("TERN_COUNTRY_HEADER", "",
            "A request header set by a trusted CDN that holds the visitor's country (e.g. CloudFront-Viewer-Country); empty for none."),
    SECRET("TERN_SECRET", "",
            "A random secret of at least 32 bytes, base64-encoded, that signs form tokens and keys the hashes of client addresses. Required in AWS; ./tern run keeps one in .tern-local/secret."),
    ANONYMOUS_CREATE("TERN_ANONYMOUS_CREATE", "true",
            "Whether people without an API key may create links through the web form."),
    ANONYMOUS_CREATE_BURST("TERN_ANONYMOUS_CREATE_BURST", "5",
            "How many links one client address may create through the web form in a quick burst."),
    ANONYMOUS_CREATES_PER_HOUR("TERN_ANONYMOUS_CREATES_PER_HOUR", "30",
            "How many links one client address may create through the web form per hour, after the burst."),
    RESTORE_DAYS("TERN_RESTORE_DAYS", "30",
            "How many days after its deletion a link can be restored through the API (0-3650); it answers 410 meanwhile."),
    BLOCKLIST_FILE("TERN_BLOCKLIST_FILE", "",
            "A file of blocked hosts (one per line, # comments; a host blocks its subdomains too), read again when it changes; empty for none. Adds to the list kept through /api/v1/blocklist."),
    API_BURST("TERN_API_BURST", "50", "How many REST API requests one API key may make in a quick burst."),
    API_REQUESTS_PER_MINUTE("TERN_API_REQUESTS_PER_MINUTE", "600",
            "How many REST API requests one API key may make per minute, after the burst."),
    BOOTSTRAP_ADMIN_KEY("TERN_BOOTSTRAP_ADMIN_KEY", "",
            "An admin API key (tern_<id>_<secret>) that is made to exist on start-up; the CDK app keeps it in a secret, ./tern run in .tern-local/dynamodb/admin-key. Empty for none."),
    REGION("TERN_REGION", "",
            "The region name clicks are counted under; defaults to AWS_REGION, or 'local'."),
    LINKS_TABLE("TERN_LINKS_TABLE", "tern-links", "DynamoDB table of links."),
    CLICKS_TABLE("TERN_CLICKS_TABLE", "tern-clicks", "DynamoDB table of click counters."),
    IDEMPOTENCY_TABLE("TERN_IDEMPOTENCY_TABLE", "tern-idempotency", "DynamoDB table of Idempotency-Key records."),
    RATE_LIMITS_TABLE("TERN_RATE_LIMITS_TABLE", "tern-rate-limits", "DynamoDB table of rate-limit buckets."),
    API_KEYS_TABLE("TERN_API_KEYS_TABLE", "tern-api-keys", "DynamoDB table of API keys (their hashes, never their values)."),
    YOURLS_TABLE("TERN_YOURLS_TABLE", "tern-yourls",
            "DynamoDB table of the YOURLS-compatible API's site settings (users, password hashes, cookie key) and keyword counter."),
    HEALTH_TABLE("TERN_HEALTH_TABLE", "tern-health",
            "DynamoDB table of the status page: probe rounds (kept 90 days), operator notes and maintenance windows, the incident engine's checkpoint."),
    STATUS_ENDPOINTS("TERN_STATUS_ENDPOINTS", "",
            "The status probe's targets: comma-separated region=https://base-url, one per region (its regional domain, not the latency-routed one)."),
    STATUS_BUCKET("TERN_STATUS_BUCKET", "",
            "The S3 bucket the status probe writes the generated status site to (objects at the bucket's root)."),
    STATUS_URL("TERN_STATUS_URL", "",
            "Where the status site is served, ending in '/'; links in its feeds point there. Empty for TERN_PUBLIC_BASE_URL + /status/."),
    DYNAMODB_ENDPOINT("TERN_DYNAMODB_ENDPOINT", "",
            "DynamoDB endpoint override (DynamoDB Local); empty for the region's real endpoint."),
    DYNAMODB_TIMEOUT_MILLIS("TERN_DYNAMODB_TIMEOUT_MILLIS", "2000",
            "The longest one DynamoDB call may take, retries included, before the request answers 503."),
    DYNAMODB_HTTP_CLIENT("TERN_DYNAMODB_HTTP_CLIENT", "url-connection",
            "The DynamoDB client's HTTP client: url-connection (the JDK's, in every zip) or crt (the AWS CRT client; only where the function's zip adds aws-crt-client and aws-crt, see docs/PERFORMANCE.md)."),
    LINKS_WRITE_REGION("TERN_LINKS_WRITE_REGION", "",
            "The AWS region whose replica takes every link and Idempotency-Key write (MREC's home region); empty to write in the function's own region (MRSC, one region, local).");

    private final String variable;
    private final String defaultValue;
    private final String description;

    Setting(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The environment variable's name. */
    public String variable() {
        return variable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
