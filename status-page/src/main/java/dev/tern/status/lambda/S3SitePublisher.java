package dev.tern.status.lambda;

import dev.tern.status.site.SitePublisher;
import dev.tern.status.site.StatusSiteGenerator;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the generated site to an S3 bucket, one {@code PutObject} per file at the bucket's root
 * ({@code index.html}, {@code api/v2/summary.json}, ...), with its media type and a short cache
 * lifetime (the site changes every minute). Each object is replaced whole, so a reader never sees
 * half a file; between two files a reader may see one round's page and the previous round's feed.
 */
public final class S3SitePublisher implements SitePublisher {
    /** Browsers and CDNs may keep a file one minute: the probe's period. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final S3Client s3;
    private final String bucket;

    public S3SitePublisher(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public void publish(Map<String, byte[]> site) {
        // The page last: feeds and badges are current before the page that links them.
        site.entrySet().stream().filter(e -> !e.getKey().equals("index.html")).forEach(e -> put(e.getKey(), e.getValue()));
        if (site.containsKey("index.html")) {
            put("index.html", site.get("index.html"));
        }
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(StatusSiteGenerator.contentType(key)).cacheControl(CACHE_CONTROL),
                RequestBody.fromBytes(bytes));
    }
}
